#include "app/cli/SiteExportCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/SiteInventory.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteExportCommand", text);
}

} // namespace

SiteExportCommand::SiteExportCommand()
    : m_format(QStringLiteral("format"), tr("json (default) or csv."), QStringLiteral("FORMAT"),
               QStringLiteral("json"))
    , m_tag(QStringLiteral("tag"), tr("Only the sites with this tag."), QStringLiteral("TAG"))
{
}

QString SiteExportCommand::summary() const
{
    return tr("Export the site inventory (tags, public pins; no passwords) as JSON or CSV.");
}

void SiteExportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({m_format, m_tag});
}

Status SiteExportCommand::execute(const QCommandLineParser& parser)
{
    const QString format = parser.value(m_format);
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        return Error::usage(tr("--format is json or csv."));
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    QList<remote::Site> sites;
    for (const remote::Site& s : registry->sites()) {
        if (!parser.isSet(m_tag) || s.tags.contains(parser.value(m_tag)))
            sites.append(s);
    }
    const QByteArray text = format == QLatin1String("json") ? remote::SiteInventory::toJson(sites)
                                                            : remote::SiteInventory::toCsv(sites);
    out(QString::fromUtf8(text).trimmed());
    return {};
}

} // namespace certdesk::cli
