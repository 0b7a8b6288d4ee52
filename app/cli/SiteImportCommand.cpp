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
    if (sites->isEmpty())
        return Error::usage(tr("The inventory %1 names no site.").arg(args.first()));
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
    // All checks first: an inventory with a clash changes nothing.
    QStringList seen;
    for (remote::Site& site : *sites) {
        for (const QString& tag : parser.values(m_tag)) {
            if (!site.tags.contains(tag))
                site.tags.append(tag);
        }
        if (parser.isSet(m_credential))
            site.credential = parser.value(m_credential);
        if (!site.credential.isEmpty() && !registry->findCredential(site.credential))
            return Error::usage(tr("The site \"%1\" names the shared credential \"%2\", which "
                                   "does not exist: add it first (certdesk-cli credential add %2 "
                                   "--user USER --password-file FILE).")
                                    .arg(site.name, site.credential));
        if (seen.contains(site.name))
            return Error::usage(tr("The inventory names the site \"%1\" twice.").arg(site.name));
        seen.append(site.name);
        if (registry->find(site.name) && !parser.isSet(m_update))
            return Error::usage(tr("A site named \"%1\" already exists (use --update to update "
                                   "existing sites).")
                                    .arg(site.name));
    }
    const secrets::SecretStore store;
    int added = 0;
    int updated = 0;
    int untrusted = 0;
    int withoutPassword = 0;
    for (remote::Site& site : *sites) {
        // A site on a shared credential uses the credential's password, never its own copy.
        if (site.credential.isEmpty() && !password)
            ++withoutPassword;
        if (password && site.credential.isEmpty()) {
            if (Status s = store.writeBlocking(secrets::SecretStore::sitePasswordKey(site.name),
                                               *password, secrets::SecretStore::Format::Text);
                !s)
                return Error::failure(
                    tr("The password for \"%1\" could not be stored in the keychain; %2 sites "
                       "were imported before it: %3")
                        .arg(site.name)
                        .arg(added + updated)
                        .arg(s.error().message));
        }
        if (const auto existing = registry->find(site.name)) {
            if (site.pin.isNull())
                site.pin = existing->pin;
            if (site.boosterPin.isNull())
                site.boosterPin = existing->boosterPin;
            if (Status s = registry->update(site); !s)
                return s;
            ++updated;
        } else {
            if (Status s = registry->add(site); !s)
                return s;
            ++added;
        }
        untrusted += site.pin.isNull() ? 1 : 0;
    }
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
