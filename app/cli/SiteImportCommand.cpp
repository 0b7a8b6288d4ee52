#include "app/cli/SiteImportCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/SiteInventory.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>
#include <QFile>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteImportCommand", text);
}

} // namespace

SiteImportCommand::SiteImportCommand()
    : m_passwordFile(QStringLiteral("password-file"),
                     tr("One shared password for every imported site, from the first line of "
                        "FILE ('-': standard input); stored in the keychain for each site."),
                     QStringLiteral("FILE"))
    , m_credential(QStringLiteral("credential"),
                   tr("Every imported site logs in with this shared credential (certdesk-cli "
                      "credential add): the password is kept once, not copied per site."),
                   QStringLiteral("NAME"))
    , m_update(QStringLiteral("update"),
               tr("Update sites that already exist (pins are kept unless the file has some)."))
    , m_tag(QStringLiteral("tag"), tr("Add this tag to every imported site (repeatable)."),
            QStringLiteral("TAG"))
{
}

QString SiteImportCommand::summary() const
{
    return tr("Import sites from an inventory (CSV or JSON, as site export writes it).");
}

void SiteImportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The inventory: .json, or CSV with a header line."));
    parser.addOptions({m_passwordFile, m_credential, m_update, m_tag});
}

Status SiteImportCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site import FILE [--password-file F]"));
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly))
        return Error::usage(
            tr("Cannot read the inventory %1: %2.").arg(args.first(), file.errorString()));
    const QByteArray contents = file.readAll();
    auto sites = remote::SiteInventory::parse(
        contents, remote::SiteInventory::looksLikeJson(args.first(), contents));
    if (!sites)
        return sites.error();
    if (parser.isSet(m_passwordFile) && parser.isSet(m_credential))
        return Error::usage(tr("Give either --password-file or --credential, not both."));
    std::optional<crypto::SecretBytes> password;
    if (parser.isSet(m_passwordFile)) {
        auto read = RemoteSupport::readPasswordFile(parser.value(m_passwordFile));
        if (!read)
            return read.error();
        password = std::move(*read);
    }
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    for (remote::Site& site : *sites) {
        for (const QString& tag : parser.values(m_tag)) {
            if (!site.tags.contains(tag))
                site.tags.append(tag);
        }
        if (parser.isSet(m_credential))
            site.credential = parser.value(m_credential);
    }
    // All checks first: an inventory with a clash changes nothing, not even the keychain.
    const bool update = parser.isSet(m_update);
    if (Status s = registry->checkImport(*sites, update); !s)
        return s;
    const secrets::SecretStore store;
    int withoutPassword = 0;
    for (const remote::Site& site : *sites) {
        // A site on a shared credential uses the credential's password, never its own copy.
        if (!site.credential.isEmpty())
            continue;
        if (!password) {
            ++withoutPassword;
            continue;
        }
        if (Status s = store.writeBlocking(secrets::SecretStore::sitePasswordKey(site.name),
                                           *password, secrets::SecretStore::Format::Text);
            !s)
            return Error::failure(tr("The password for \"%1\" could not be stored in the "
                                     "keychain, so no site was imported: %2")
                                      .arg(site.name, s.error().message));
    }
    auto counts = registry->importSites(*sites, update);
    if (!counts)
        return counts.error();
    const int added = counts->added;
    const int updated = counts->updated;
    const int untrusted = counts->untrusted;
    out(tr("Imported %1 sites (%2 new, %3 updated).").arg(added + updated).arg(added).arg(updated));
    if (password)
        out(tr("The shared password is in the keychain for each of them."));
    if (withoutPassword > 0)
        warn(tr("%1 sites have no password (neither --password-file nor a shared credential): "
                "add them before activating.")
                 .arg(withoutPassword));
    if (untrusted > 0)
        warn(tr("%1 sites are not trusted yet: check their certificates with certdesk-cli site "
                "trust NAME.")
                 .arg(untrusted));
    return {};
}

} // namespace certdesk::cli
