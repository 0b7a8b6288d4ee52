#include "app/cli/RemoteListCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/AdminPortalClient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RemoteListCommand", text);
}
} // namespace

RemoteListCommand::RemoteListCommand()
    : m_site(QStringLiteral("site"), tr("The site."), QStringLiteral("S"))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString RemoteListCommand::summary() const
{
    return tr("List the server certificates on a site and which one is active for the telephony "
              "server and the UC Booster Server.");
}

void RemoteListCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({m_site, m_timeout, m_json});
}

Status RemoteListCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.isSet(m_site))
        return Error::usage(tr("--site is required."));
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    auto site = RemoteSupport::site(parser.value(m_site));
    if (!site)
        return site.error();
    auto password = RemoteSupport::sitePassword(*site);
    if (!password)
        return password.error();
    remote::AdminPortalClient client(site->host, site->port, site->pin);
    client.setTimeout(*timeout);
    const auto login = RemoteSupport::wait<void>(
        [&](QObject*, auto done) { client.login(site->user, *password, done); });
    if (!login)
        return login.error().toError();
    const auto list = RemoteSupport::wait<QList<remote::RemoteCertificate>>(
        [&](QObject*, auto done) { client.listCertificates(done); });
    if (!list)
        return list.error().toError();
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const remote::RemoteCertificate& c : *list)
            array.append(c.toJson());
        out(RemoteSupport::printJson(QJsonObject{{QStringLiteral("site"), site->name},
                                                 {QStringLiteral("certificates"), array}}));
        return {};
    }
    out(tr("Server Certificates on %1 (%2:%3)").arg(site->name, site->host).arg(site->port));
    for (const remote::RemoteCertificate& c : *list) {
        QString active;
        if (!c.activeFor.isEmpty())
            active = tr("  (active: %1)").arg(c.activeFor.join(QStringLiteral(", ")));
        out(QStringLiteral("  %1  [%2]  CN=%3  until %4%5")
                .arg(c.name, c.type, c.subjectCommonName,
                     c.notAfter.toString(QStringLiteral("yyyy-MM-dd")), active));
        out(tr("    SHA-256 %1").arg(c.fingerprintSha256));
    }
    return {};
}

} // namespace certdesk::cli
