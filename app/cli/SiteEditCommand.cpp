#include "app/cli/SiteEditCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteEditCommand", text);
}
} // namespace

SiteEditCommand::SiteEditCommand()
    : m_host(QStringLiteral("host"), tr("New host name or IP address of the telephony server."),
             QStringLiteral("H"))
    , m_port(QStringLiteral("port"), tr("New HTTPS port of the Admin Portal."), QStringLiteral("P"))
    , m_boosterHost(QStringLiteral("booster-host"),
                    tr("Host of the UC Booster Server, if not the same as the telephony server."),
                    QStringLiteral("H"))
    , m_boosterPort(QStringLiteral("booster-port"), tr("HTTPS port of the UC Booster Server."),
                    QStringLiteral("M"))
    , m_noBooster(QStringLiteral("no-booster"), tr("The site has no UC Booster Server (any more)."))
    , m_user(QStringLiteral("user"),
             tr("Log in as this user with the site's own password (leaves a shared credential; "
                "give --password-file too unless the site already has its own)."),
             QStringLiteral("U"))
    , m_passwordFile(QStringLiteral("password-file"),
                     tr("The site's own new password from the first line of FILE ('-': standard "
                        "input); kept in the keychain only."),
                     QStringLiteral("FILE"))
    , m_credential(QStringLiteral("credential"),
                   tr("Log in with the shared credential NAME from now on."),
                   QStringLiteral("NAME"))
    , m_tag(QStringLiteral("tag"), tr("Add this tag (repeatable)."), QStringLiteral("TAG"))
    , m_untag(QStringLiteral("untag"), tr("Remove this tag (repeatable)."), QStringLiteral("TAG"))
    , m_pkcs12Format(QStringLiteral("pkcs12-format"),
                     tr("How uploads are packed: compat (3DES, SHA-1 MAC) or modern (AES-256)."),
                     QStringLiteral("FORMAT"))
{
}

QString SiteEditCommand::summary() const
{
    return tr("Change a site's address, Booster, login, tags or upload form; a changed address "
              "must be trusted again.");
}

void SiteEditCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("SITE"), tr("The site to change."));
    parser.addOptions({m_host, m_port, m_boosterHost, m_boosterPort, m_noBooster, m_user,
                       m_passwordFile, m_credential, m_tag, m_untag, m_pkcs12Format});
}

Status SiteEditCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site edit SITE [options]"));
    if (parser.isSet(m_credential) && (parser.isSet(m_user) || parser.isSet(m_passwordFile)))
        return Error::usage(tr("--credential replaces --user and --password-file: give one or the "
                               "other."));
    if (parser.isSet(m_noBooster) && (parser.isSet(m_boosterPort) || parser.isSet(m_boosterHost)))
        return Error::usage(tr("--no-booster cannot go with --booster-port or --booster-host."));
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    auto found = registry->require(args.first());
    if (!found)
        return found.error();
    const remote::Site before = *found;
    remote::Site site = before;

    if (parser.isSet(m_host))
        site.host = parser.value(m_host);
    if (parser.isSet(m_port)) {
        auto port = RemoteSupport::parsePort(parser.value(m_port), QStringLiteral("port"));
        if (!port)
            return port.error();
        site.port = *port;
    }
    if (parser.isSet(m_noBooster)) {
        site.boosterPort.reset();
        site.boosterHost.clear();
    }
    if (parser.isSet(m_boosterHost))
        site.boosterHost = parser.value(m_boosterHost);
    if (parser.isSet(m_boosterPort)) {
        auto port =
            RemoteSupport::parsePort(parser.value(m_boosterPort), QStringLiteral("booster-port"));
        if (!port)
            return port.error();
        site.boosterPort = *port;
    }
    for (const QString& tag : parser.values(m_tag)) {
        if (!tag.trimmed().isEmpty() && !site.tags.contains(tag.trimmed()))
            site.tags.append(tag.trimmed());
    }
    for (const QString& tag : parser.values(m_untag))
        site.tags.removeAll(tag.trimmed());
    if (parser.isSet(m_pkcs12Format)) {
        const auto format = crypto::parsePkcs12Format(parser.value(m_pkcs12Format));
        if (!format)
            return Error::usage(tr("--pkcs12-format is compat or modern."));
        site.pkcs12Format = *format;
    }
    if (parser.isSet(m_credential)) {
        if (!registry->findCredential(parser.value(m_credential)))
            return Error::usage(tr("There is no shared credential \"%1\": add it first "
                                   "(certdesk-cli credential add %1 --user USER --password-file "
                                   "FILE).")
                                    .arg(parser.value(m_credential)));
        site.credential = parser.value(m_credential);
    }
    const bool leavesCredential =
        !before.credential.isEmpty() && (parser.isSet(m_user) || parser.isSet(m_passwordFile));
    if (leavesCredential) {
        site.credential.clear();
        if (!parser.isSet(m_passwordFile))
            return Error::usage(tr("The site logs in with the shared credential \"%1\": give "
                                   "--password-file for its own password.")
                                    .arg(before.credential));
    }
    if (parser.isSet(m_user))
        site.user = parser.value(m_user);

    // Pins belong to an address: a new address is a new listener that must be trusted again.
    QStringList untrusted;
    if (site.host != before.host || site.port != before.port) {
        site.pin = remote::CertificatePin();
        site.pendingPin = remote::CertificatePin();
        untrusted << tr("telephony server");
    }
    if (site.boosterAddress() != before.boosterAddress() ||
        site.boosterPort != before.boosterPort) {
        site.boosterPin = remote::CertificatePin();
        site.pendingBoosterPin = remote::CertificatePin();
        if (site.hasBooster())
            untrusted << tr("UC Booster Server");
    }
    if (Status s = site.validate(); !s)
        return s;

    // The new password first: a site is never saved pointing at a password that is not there.
    const secrets::SecretStore store;
    if (parser.isSet(m_passwordFile)) {
        auto password = RemoteSupport::readPasswordFile(parser.value(m_passwordFile));
        if (!password)
            return password.error();
        if (Status s = store.writeBlocking(secrets::SecretStore::sitePasswordKey(site.name),
                                           *password, secrets::SecretStore::Format::Text);
            !s)
            return Error::failure(tr("The password could not be stored in the keychain, so the "
                                     "site was not changed: %1")
                                      .arg(s.error().message));
    }
    if (Status s = registry->update(site); !s)
        return s;
    // Now on a shared credential: its own password has no use any more.
    if (before.credential.isEmpty() && !site.credential.isEmpty())
        (void)store.removeBlocking(secrets::SecretStore::sitePasswordKey(site.name));
    out(tr("Changed site \"%1\".").arg(site.name));
    if (!untrusted.isEmpty())
        warn(tr("The address of the %1 changed, so it is not trusted any more: check its "
                "certificate with certdesk-cli site trust %2.")
                 .arg(untrusted.join(tr(" and ")), site.name));
    return {};
}

} // namespace certdesk::cli
