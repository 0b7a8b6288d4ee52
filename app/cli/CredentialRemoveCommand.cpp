#include "app/cli/CredentialRemoveCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CredentialRemoveCommand", text);
}
} // namespace

CredentialRemoveCommand::CredentialRemoveCommand() = default;

QString CredentialRemoveCommand::summary() const
{
    return tr("Remove a shared credential and its keychain password (no site may use it).");
}

void CredentialRemoveCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The credential to remove."));
}

Status CredentialRemoveCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli credential remove NAME"));
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    if (Status s = registry->removeCredential(args.first()); !s)
        return s;
    const secrets::SecretStore store;
    if (Status s = store.removeBlocking(secrets::SecretStore::credentialPasswordKey(args.first()));
        !s)
        warn(tr("The password could not be deleted from the keychain: %1").arg(s.error().message));
    out(tr("Removed the shared credential \"%1\".").arg(args.first()));
    return {};
}

} // namespace certdesk::cli
