#include "app/cli/UploadCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/AdminPortalProtocol.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("UploadCommand", text);
}
} // namespace

UploadCommand::UploadCommand()
    : m_site(QStringLiteral("site"), tr("The site to upload to."), QStringLiteral("S"))
    , m_remoteName(QStringLiteral("name"),
                   tr("Name of the Certificate on the system (default: the entry's name)."),
                   QStringLiteral("NAME"))
    , m_format(QStringLiteral("format"),
               tr("p12 (PKCS#12 in the site's format; default) or pem (certificate and encrypted "
                  "key)."),
               QStringLiteral("FORMAT"), QStringLiteral("p12"))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_json(QStringLiteral("json"), tr("Print JSON."))
    , m_passphrase(QString(), tr("import passphrase (7-32 characters; default: a fresh random one "
                                 "of 32)"))
{
}

QString UploadCommand::summary() const
{
    return tr("Import Server Certificate: upload a store entry to a site (checked against "
              "osbiz-v3 first; not activated).");
}

void UploadCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("ENTRY"), tr("The store entry to upload."));
    parser.addOptions({m_site, m_remoteName, m_format, m_timeout, m_json});
    m_passphrase.addTo(parser);
}

Status UploadCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli upload ENTRY --site SITE"));
    if (!parser.isSet(m_site))
        return Error::usage(tr("--site is required."));
    const auto form = remote::UploadBundle::parseForm(parser.value(m_format));
    if (!form)
        return Error::usage(tr("--format is p12 or pem."));
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();
    auto request = RemoteSupport::jobRequest(args.first(), parser.value(m_site));
    if (!request)
        return request.error();
    request->system = remote::AdminPortalProtocol::telephonySystem();
    request->activate = false;
    request->form = *form;
    request->passphrase = std::move(*passphrase);
    request->requestTimeout = *timeout;
    if (parser.isSet(m_remoteName))
        request->remoteName = parser.value(m_remoteName);
    const bool json = parser.isSet(m_json);
    return RemoteSupport::report(RemoteSupport::runJob(std::move(*request), false), json);
}

} // namespace certdesk::cli
