#include "app/cli/CredentialListCommand.h"

#include "app/cli/RemoteSupport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CredentialListCommand", text);
}
} // namespace

CredentialListCommand::CredentialListCommand()
    : m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString CredentialListCommand::summary() const
{
    return tr("List the shared credentials and the sites using each (no passwords).");
}

void CredentialListCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_json);
}

Status CredentialListCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return Error::usage(tr("credential list takes no arguments."));
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    if (parser.isSet(m_json)) {
        QJsonArray list;
        for (const remote::SharedCredential& c : registry->credentials()) {
            QJsonObject o = c.toJson();
            o.insert(QStringLiteral("sites"),
                     QJsonArray::fromStringList(registry->sitesUsing(c.name)));
            list.append(o);
        }
        out(RemoteSupport::printJson(QJsonObject{{QStringLiteral("credentials"), list}}));
        return {};
    }
    if (registry->credentials().isEmpty()) {
        out(tr("No shared credentials. Add one with certdesk-cli credential add."));
        return {};
    }
    for (const remote::SharedCredential& c : registry->credentials()) {
        const QStringList sites = registry->sitesUsing(c.name);
        out(tr("%1  user %2  %3 sites%4")
                .arg(c.name, c.user)
                .arg(sites.size())
                .arg(sites.isEmpty() ? QString()
                                     : QStringLiteral(": ") + sites.join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace certdesk::cli
