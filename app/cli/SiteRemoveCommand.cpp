#include "app/cli/SiteRemoveCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteRemoveCommand", text);
}
} // namespace

SiteRemoveCommand::SiteRemoveCommand()
    : m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString SiteRemoveCommand::summary() const
{
    return tr("Remove a site and delete its password from the keychain.");
}

void SiteRemoveCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("SITE"), tr("The site to remove."));
    parser.addOption(m_json);
}

Status SiteRemoveCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site remove SITE"));
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    if (Status s = registry->remove(args.first()); !s)
        return s;
    const secrets::SecretStore store;
    const Status removed =
        store.removeBlocking(secrets::SecretStore::sitePasswordKey(args.first()));
    if (parser.isSet(m_json)) {
        out(RemoteSupport::printJson(
            QJsonObject{{QStringLiteral("removed"), args.first()},
                        {QStringLiteral("passwordRemoved"), removed.ok()}}));
    } else {
        out(tr("Removed site \"%1\".").arg(args.first()));
    }
    if (!removed)
        warn(tr("The password could not be deleted from the keychain: %1")
                 .arg(removed.error().message));
    return {};
}

} // namespace certdesk::cli
