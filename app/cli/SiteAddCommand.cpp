#include "app/cli/SiteAddCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteAddCommand", text);
}
} // namespace

SiteAddCommand::SiteAddCommand()
    : m_name(QStringLiteral("name"), tr("Name of the site (letters, digits, '-', '_', '.')."),
             QStringLiteral("N"))
    , m_host(QStringLiteral("host"), tr("Host name or IP address of the telephony server."),
             QStringLiteral("H"))
    , m_port(QStringLiteral("port"), tr("HTTPS port of the Admin Portal (default 443)."),
             QStringLiteral("P"), QStringLiteral("443"))
    , m_boosterHost(QStringLiteral("booster-host"),
                    tr("Host of the UC Booster Server, if not the same as --host."),
                    QStringLiteral("H"))
    , m_boosterPort(QStringLiteral("booster-port"),
                    tr("HTTPS port of the UC Booster Server; the site has no Booster without it."),
                    QStringLiteral("M"))
    , m_user(QStringLiteral("user"),
             tr("Admin Portal user; \"@system\" is added when missing (administrator -> "
                "administrator@system)."),
             QStringLiteral("U"))
    , m_passwordFile(
          QStringLiteral("password-file"),
          tr("Read the user's password from the first line of FILE ('-': standard input). "
             "It is kept in the keychain only."),
          QStringLiteral("FILE"))
    , m_credential(QStringLiteral("credential"),
                   tr("Log in with the shared credential NAME (certdesk-cli credential add) "
                      "instead of --user and --password-file."),
                   QStringLiteral("NAME"))
    , m_pkcs12Format(
          QStringLiteral("pkcs12-format"),
          tr("How uploads to this site are packed: compat (3DES, SHA-1 MAC; default, what "
             "older firmware reads) or modern (AES-256)."),
          QStringLiteral("FORMAT"), QStringLiteral("compat"))
    , m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString SiteAddCommand::summary() const
{
    return tr("Add a site: an OpenScape Business system (and its UC Booster Server). The password "
              "goes to the keychain.");
}

void SiteAddCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({m_name, m_host, m_port, m_boosterHost, m_boosterPort, m_user, m_passwordFile,
                       m_credential, m_pkcs12Format, m_json});
}

Status SiteAddCommand::execute(const QCommandLineParser& parser)
{
    const bool shared = parser.isSet(m_credential);
    if (shared && (parser.isSet(m_user) || parser.isSet(m_passwordFile)))
        return Error::usage(tr("--credential replaces --user and --password-file: give one or the "
                               "other."));
    QList<const QCommandLineOption*> required{&m_name, &m_host};
    if (!shared)
        required << &m_user << &m_passwordFile;
    for (const QCommandLineOption* option : required) {
        if (!parser.isSet(*option))
            return Error::usage(tr("--%1 is required.").arg(option->names().constFirst()));
    }
    remote::Site site;
    site.name = parser.value(m_name);
    site.host = parser.value(m_host);
    site.user = parser.value(m_user);
    site.credential = parser.value(m_credential);
    auto port = RemoteSupport::parsePort(parser.value(m_port), QStringLiteral("port"));
    if (!port)
        return port.error();
    site.port = *port;
    if (parser.isSet(m_boosterPort)) {
        auto boosterPort =
            RemoteSupport::parsePort(parser.value(m_boosterPort), QStringLiteral("booster-port"));
        if (!boosterPort)
            return boosterPort.error();
        site.boosterPort = *boosterPort;
    }
    site.boosterHost = parser.value(m_boosterHost);
    const auto format = crypto::parsePkcs12Format(parser.value(m_pkcs12Format));
    if (!format)
        return Error::usage(tr("--pkcs12-format is compat or modern."));
    site.pkcs12Format = *format;
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    if (shared) {
        const auto credential = registry->findCredential(site.credential);
        if (!credential)
            return Error::usage(tr("There is no shared credential \"%1\": add it first "
                                   "(certdesk-cli credential add %1 --user USER --password-file "
                                   "FILE).")
                                    .arg(site.credential));
        site.user = credential->user;
    }
    if (Status s = site.validate(); !s)
        return s;
    if (registry->find(site.name))
        return Error::usage(
            tr("A site named \"%1\" already exists. Remove it first (certdesk-cli site "
               "remove %1) or choose another name.")
                .arg(site.name));
    if (shared) {
        if (Status s = registry->add(site); !s)
            return s;
        out(tr("Added site \"%1\" (%2:%3); it logs in with the shared credential \"%4\".")
                .arg(site.name, site.host)
                .arg(site.port)
                .arg(site.credential));
        out(tr("Not trusted yet: check the certificate it presents with certdesk-cli site trust "
               "%1.")
                .arg(site.name));
        return {};
    }
    auto password = RemoteSupport::readPasswordFile(parser.value(m_passwordFile));
    if (!password)
        return password.error();
    // Keychain first: a site whose password could not be stored is not added at all.
    const secrets::SecretStore store;
    if (Status s = store.writeBlocking(secrets::SecretStore::sitePasswordKey(site.name), *password,
                                       secrets::SecretStore::Format::Text);
        !s)
        return Error::failure(
            tr("The password could not be stored in the keychain, so the site was not "
               "added: %1")
                .arg(s.error().message));
    if (Status s = registry->add(site); !s) {
        (void)store.removeBlocking(secrets::SecretStore::sitePasswordKey(site.name));
        return s;
    }
    if (parser.isSet(m_json)) {
        QJsonObject o = site.toJson();
        o.insert(QStringLiteral("trusted"), false);
        out(RemoteSupport::printJson(o));
    } else {
        out(tr("Added site \"%1\" (%2:%3%4). Its password is in the keychain.")
                .arg(site.name, site.host)
                .arg(site.port)
                .arg(site.hasBooster() ? tr(", UC Booster Server %1:%2")
                                             .arg(site.boosterAddress())
                                             .arg(*site.boosterPort)
                                       : QString()));
        out(tr("Not trusted yet: check the certificate it presents with certdesk-cli site trust "
               "%1.")
                .arg(site.name));
    }
    return {};
}

} // namespace certdesk::cli
