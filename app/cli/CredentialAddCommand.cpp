#include "app/cli/CredentialAddCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CredentialAddCommand", text);
}
} // namespace

CredentialAddCommand::CredentialAddCommand()
    : m_user(QStringLiteral("user"),
             tr("Admin Portal user; \"@system\" is added when missing (administrator -> "
                "administrator@system)."),
             QStringLiteral("U"))
    , m_passwordFile(QStringLiteral("password-file"),
                     tr("Read the password from the first line of FILE ('-': standard input). It "
                        "is kept in the keychain only."),
                     QStringLiteral("FILE"))
    , m_force(QStringLiteral("force"),
              tr("Replace the user and password of an existing credential (every site on it "
                 "uses the new ones)."))
{
}

QString CredentialAddCommand::summary() const
{
    return tr("Add a login shared by a group of sites; the password goes to the keychain once.");
}

void CredentialAddCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("NAME"),
                                 tr("Name of the credential (letters, digits, '-', '_', '.')."));
    parser.addOptions({m_user, m_passwordFile, m_force});
}

Status CredentialAddCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(
            tr("Expected: certdesk-cli credential add NAME --user U --password-file FILE"));
    for (const QCommandLineOption* required : {&m_user, &m_passwordFile}) {
        if (!parser.isSet(*required))
            return Error::usage(tr("--%1 is required.").arg(required->names().constFirst()));
    }
    remote::SharedCredential credential{args.first(), parser.value(m_user)};
    if (Status s = credential.validate(); !s)
        return s;
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    const bool exists = registry->findCredential(credential.name).has_value();
    if (exists && !parser.isSet(m_force))
        return Error::usage(
            tr("A credential named \"%1\" already exists: --force replaces its user "
               "and password.")
                .arg(credential.name));
    auto password = RemoteSupport::readPasswordFile(parser.value(m_passwordFile));
    if (!password)
        return password.error();
    // Keychain first: a credential without its password is never recorded.
    const secrets::SecretStore store;
    const QString key = secrets::SecretStore::credentialPasswordKey(credential.name);
    if (Status s = store.writeBlocking(key, *password, secrets::SecretStore::Format::Text); !s)
        return Error::failure(tr("The password could not be stored in the keychain, so the "
                                 "credential was not %1: %2")
                                  .arg(exists ? tr("changed") : tr("added"), s.error().message));
    if (Status s = registry->setCredential(credential); !s) {
        if (!exists)
            (void)store.removeBlocking(key);
        return s;
    }
    const QStringList sites = registry->sitesUsing(credential.name);
    out(exists ? tr("Changed the shared credential \"%1\" (user %2); %3 sites use it.")
                     .arg(credential.name, credential.user)
                     .arg(sites.size())
               : tr("Added the shared credential \"%1\" (user %2). Its password is in the "
                    "keychain; give it to sites with site add --credential %1 or site import "
                    "--credential %1.")
                     .arg(credential.name, credential.user));
    return {};
}

} // namespace certdesk::cli
