#include "app/cli/ActivateCommand.h"

#include "app/cli/RemoteSupport.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ActivateCommand", text);
}
} // namespace

ActivateCommand::ActivateCommand()
    : m_site(QStringLiteral("site"), tr("The site."), QStringLiteral("S"))
    , m_system(QStringLiteral("system"),
               tr("telephony (the telephony server) or booster (OpenScape Business UC Booster "
                  "Server)."),
               QStringLiteral("SYSTEM"))
    , m_wait(QStringLiteral("wait"),
             tr("Wait for the web server's restart, verify by TLS handshake that the system "
                "serves exactly this certificate, and trust it."))
    , m_waitTimeout(QStringLiteral("wait-timeout"),
                    tr("With --wait: give up after SECONDS (default 300; the restart takes 2-3 "
                       "minutes)."),
                    QStringLiteral("SECONDS"), QStringLiteral("300"))
    , m_remoteName(QStringLiteral("name"),
                   tr("Name of the Certificate on the system (default: the entry's name)."),
                   QStringLiteral("NAME"))
    , m_format(QStringLiteral("format"), tr("If it must be uploaded first: p12 (default) or pem."),
               QStringLiteral("FORMAT"), QStringLiteral("p12"))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_json(QStringLiteral("json"), tr("Print JSON."))
    , m_passphrase(QString(), tr("import passphrase if it must be uploaded (default: a fresh "
                                 "random one)"))
{
}

QString ActivateCommand::summary() const
{
    return tr("Activate Certificate: make a site serve a store entry (uploads it first if "
              "needed); --wait proves it by handshake and trusts it.");
}

void ActivateCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("ENTRY"), tr("The store entry to activate."));
    parser.addOptions(
        {m_site, m_system, m_wait, m_waitTimeout, m_remoteName, m_format, m_timeout, m_json});
    m_passphrase.addTo(parser);
}

Status ActivateCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(
            tr("Expected: certdesk-cli activate ENTRY --site SITE --system telephony|booster"));
    if (!parser.isSet(m_site))
        return Error::usage(tr("--site is required."));
    if (!parser.isSet(m_system) || !remote::Site::isSystem(parser.value(m_system)))
        return Error::usage(tr("--system telephony or --system booster is required."));
    const auto form = remote::UploadBundle::parseForm(parser.value(m_format));
    if (!form)
        return Error::usage(tr("--format is p12 or pem."));
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    auto waitTimeout = RemoteSupport::timeout(parser, m_waitTimeout);
    if (!waitTimeout)
        return waitTimeout.error();
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();
    auto request = RemoteSupport::jobRequest(args.first(), parser.value(m_site));
    if (!request)
        return request.error();
    request->system = parser.value(m_system);
    request->activate = true;
    request->wait = parser.isSet(m_wait);
    request->form = *form;
    request->passphrase = std::move(*passphrase);
    request->requestTimeout = *timeout;
    request->restartTimeout = std::chrono::duration_cast<std::chrono::seconds>(*waitTimeout);
    if (request->restartTimeout.count() < 1)
        request->restartTimeout = std::chrono::seconds(1);
    if (parser.isSet(m_remoteName))
        request->remoteName = parser.value(m_remoteName);
    const bool json = parser.isSet(m_json);
    return RemoteSupport::report(RemoteSupport::runJob(std::move(*request), false), json);
}

} // namespace certdesk::cli
