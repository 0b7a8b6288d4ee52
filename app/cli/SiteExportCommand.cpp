#include "app/cli/SiteExportCommand.h"

#include "app/cli/RemoteSupport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteExportCommand", text);
}

QString csvField(const QString& text)
{
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) ||
        t.contains(QLatin1Char('\n'))) {
        t.replace(QLatin1String("\""), QLatin1String("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t;
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
    if (format == QLatin1String("json")) {
        QJsonArray list;
        for (const remote::Site& s : sites)
            list.append(s.toJson());
        out(RemoteSupport::printJson(QJsonObject{{QStringLiteral("sites"), list}}));
        return {};
    }
    out(QStringLiteral("name,host,port,user,boosterHost,boosterPort,tags,pkcs12Format,pinSha256,"
                       "boosterPinSha256,credential"));
    for (const remote::Site& s : sites) {
        const QStringList row{s.name,
                              s.host,
                              QString::number(s.port),
                              s.user,
                              s.boosterHost,
                              s.boosterPort ? QString::number(*s.boosterPort) : QString(),
                              s.tags.join(QLatin1Char(';')),
                              crypto::pkcs12FormatName(s.pkcs12Format),
                              s.pin.certificateFingerprint(),
                              s.boosterPin.certificateFingerprint(),
                              s.credential};
        QStringList fields;
        for (const QString& f : row)
            fields << csvField(f);
        out(fields.join(QLatin1Char(',')));
    }
    return {};
}

} // namespace certdesk::cli
