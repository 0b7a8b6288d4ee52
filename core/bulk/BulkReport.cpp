#include "core/bulk/BulkReport.h"

#include "core/io/SecureFileWriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace certdesk::bulk {

namespace {
using State = BulkSiteResult::State;

const QList<State>& allStates()
{
    static const QList<State> states{State::Pending,  State::Running,   State::RetryWait,
                                     State::Settling, State::Succeeded, State::Failed,
                                     State::Canceled};
    return states;
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parseTime(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
} // namespace

int BulkReport::count(BulkSiteResult::State state) const
{
    int n = 0;
    for (const BulkSiteResult& s : sites)
        n += s.state == state ? 1 : 0;
    return n;
}

bool BulkReport::allSucceeded() const
{
    return !sites.isEmpty() && count(State::Succeeded) == sites.size();
}

qint64 BulkReport::wallMs() const
{
    if (!started.isValid())
        return 0;
    return started.msecsTo(ended.isValid() ? ended : QDateTime::currentDateTimeUtc());
}

QString BulkReport::csvField(const QString& text)
{
    QString t = text;
    // A leading =, +, - or @ would make a spreadsheet evaluate the field.
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) ||
        t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r'))) {
        t.replace(QLatin1String("\""), QLatin1String("\"\""));
        t = QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t;
}

QString BulkReport::html(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

QByteArray BulkReport::toCsv() const
{
    const QStringList header{QStringLiteral("site"),           QStringLiteral("host"),
                             QStringLiteral("port"),           QStringLiteral("entry"),
                             QStringLiteral("state"),          QStringLiteral("failure"),
                             QStringLiteral("beforeSha256"),   QStringLiteral("afterSha256"),
                             QStringLiteral("expectedSha256"), QStringLiteral("started"),
                             QStringLiteral("ended"),          QStringLiteral("totalMs"),
                             QStringLiteral("attempts"),       QStringLiteral("stepMs"),
                             QStringLiteral("settled"),        QStringLiteral("message")};
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const BulkSiteResult& s : sites) {
        QStringList steps;
        for (const auto& e : s.stepMs)
            steps << QStringLiteral("%1=%2").arg(e.first).arg(e.second);
        const QStringList row{s.site,
                              s.host,
                              QString::number(s.port),
                              s.entry,
                              BulkSiteResult::stateId(s.state),
                              s.failure,
                              s.beforeSha256,
                              s.afterSha256,
                              s.expectedSha256,
                              isoTime(s.started),
                              isoTime(s.ended),
                              QString::number(s.totalMs()),
                              QString::number(s.attempts),
                              steps.join(QLatin1Char(';')),
                              s.settled,
                              s.message};
        QStringList fields;
        for (const QString& f : row)
            fields << csvField(f);
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QJsonObject BulkReport::toJson() const
{
    QJsonArray list;
    for (const BulkSiteResult& s : sites)
        list.append(s.toJson());
    QJsonObject counts;
    for (State state : allStates())
        counts.insert(BulkSiteResult::stateId(state), count(state));
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("certdesk-bulk-activation")},
                       {QStringLiteral("system"), system},
                       {QStringLiteral("started"), isoTime(started)},
                       {QStringLiteral("ended"), isoTime(ended)},
                       {QStringLiteral("wallMs"), wallMs()},
                       {QStringLiteral("parallel"), parallel},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("sites"), list}};
}

Result<BulkReport> BulkReport::fromJson(const QJsonObject& json)
{
    if (json.value(QStringLiteral("kind")).toString() != QLatin1String("certdesk-bulk-activation"))
        return Error::failure(tr("This is not a CertDesk bulk activation report."));
    BulkReport r;
    r.system = json.value(QStringLiteral("system")).toString();
    r.started = parseTime(json.value(QStringLiteral("started")));
    r.ended = parseTime(json.value(QStringLiteral("ended")));
    r.parallel = json.value(QStringLiteral("parallel")).toInt();
    for (const QJsonValue& v : json.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject o = v.toObject();
        BulkSiteResult s;
        s.site = o.value(QStringLiteral("site")).toString();
        s.host = o.value(QStringLiteral("host")).toString();
        s.port = static_cast<quint16>(o.value(QStringLiteral("port")).toInt());
        s.entry = o.value(QStringLiteral("entry")).toString();
        s.remoteName = o.value(QStringLiteral("remoteName")).toString();
        const QString state = o.value(QStringLiteral("state")).toString();
        for (State candidate : allStates()) {
            if (BulkSiteResult::stateId(candidate) == state)
                s.state = candidate;
        }
        s.step = o.value(QStringLiteral("step")).toString();
        s.failure = o.value(QStringLiteral("failure")).toString();
        s.message = o.value(QStringLiteral("message")).toString();
        s.expectedSha256 = o.value(QStringLiteral("expectedSha256")).toString();
        s.beforeSha256 = o.value(QStringLiteral("beforeSha256")).toString();
        s.afterSha256 = o.value(QStringLiteral("afterSha256")).toString();
        s.settled = o.value(QStringLiteral("settled")).toString();
        s.started = parseTime(o.value(QStringLiteral("started")));
        s.ended = parseTime(o.value(QStringLiteral("ended")));
        s.attempts = o.value(QStringLiteral("attempts")).toInt();
        const QJsonObject steps = o.value(QStringLiteral("stepMs")).toObject();
        for (auto it = steps.begin(); it != steps.end(); ++it)
            s.stepMs.append({it.key(), static_cast<qint64>(it.value().toDouble())});
        r.sites.append(s);
    }
    return r;
}

QByteArray BulkReport::toHtml() const
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out += QStringLiteral("<title>%1</title>\n").arg(html(tr("CertDesk bulk activation report")));
    out += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;"
        "font-size:0.9em}th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}"
        "th{background:#eee}tr.succeeded td.state{color:#075e07}tr.failed td.state,"
        "tr.canceled td.state{color:#a00000;font-weight:bold}code{font-size:0.85em;"
        "word-break:break-all}td.msg{white-space:pre-wrap;max-width:40em}</style>\n");
    out += QStringLiteral("</head><body>\n<h1>%1</h1>\n")
               .arg(html(tr("CertDesk bulk activation report")));
    out += QStringLiteral("<p>%1</p>\n")
               .arg(html(tr("System: %1. Started %2, ended %3 (UTC); wall time %4 s; at most %5 "
                            "sites at once.")
                             .arg(system, isoTime(started), isoTime(ended))
                             .arg(static_cast<double>(wallMs()) / 1000.0, 0, 'f', 1)
                             .arg(parallel)));
    out += QStringLiteral("<p>%1</p>\n")
               .arg(html(tr("%1 sites: %2 succeeded, %3 failed, %4 canceled, %5 not finished.")
                             .arg(sites.size())
                             .arg(count(State::Succeeded))
                             .arg(count(State::Failed))
                             .arg(count(State::Canceled))
                             .arg(sites.size() - count(State::Succeeded) - count(State::Failed) -
                                  count(State::Canceled))));
    out += QStringLiteral("<table>\n<tr>");
    const QStringList headers{tr("Site"),
                              tr("Address"),
                              tr("Certificate"),
                              tr("Result"),
                              tr("Failure"),
                              tr("Served before (SHA-256)"),
                              tr("Served after (SHA-256)"),
                              tr("Started (UTC)"),
                              tr("Time (s)"),
                              tr("Attempts"),
                              tr("Steps (ms)"),
                              tr("Details")};
    for (const QString& h : headers)
        out += QStringLiteral("<th>%1</th>").arg(html(h));
    out += QStringLiteral("</tr>\n");
    for (const BulkSiteResult& s : sites) {
        QStringList steps;
        for (const auto& e : s.stepMs)
            steps << QStringLiteral("%1 %2").arg(e.first).arg(e.second);
        QString details = s.message;
        if (!s.settled.isEmpty())
            details += QLatin1Char('\n') + s.settled;
        out += QStringLiteral("<tr class=\"%1\">").arg(html(BulkSiteResult::stateId(s.state)));
        const QStringList cells{s.site,
                                QStringLiteral("%1:%2").arg(s.host).arg(s.port),
                                s.entry,
                                BulkSiteResult::stateLabel(s.state),
                                s.failure,
                                s.beforeSha256,
                                s.afterSha256,
                                isoTime(s.started),
                                QString::number(static_cast<double>(s.totalMs()) / 1000.0, 'f', 1),
                                QString::number(s.attempts),
                                steps.join(QStringLiteral(", ")),
                                details};
        for (int i = 0; i < cells.size(); ++i) {
            if (i == 3)
                out += QStringLiteral("<td class=\"state\">%1</td>").arg(html(cells.at(i)));
            else if (i == 5 || i == 6)
                out += QStringLiteral("<td><code>%1</code></td>").arg(html(cells.at(i)));
            else if (i == cells.size() - 1)
                out += QStringLiteral("<td class=\"msg\">%1</td>").arg(html(cells.at(i)));
            else
                out += QStringLiteral("<td>%1</td>").arg(html(cells.at(i)));
        }
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</table>\n</body></html>\n");
    return out.toUtf8();
}

Status BulkReport::write(const QString& path) const
{
    QByteArray contents;
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        contents = toCsv();
    else if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        contents = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    else
        contents = toHtml();
    io::SecureFileWriter writer;
    writer.setOverwrite(true);
    writer.add(path, contents);
    return writer.commit();
}

QString BulkReport::historyFolder(const QString& root)
{
    return QDir(root).filePath(QStringLiteral("history"));
}

Result<QString> BulkReport::saveToHistory(const QString& root) const
{
    const QString folder = historyFolder(root);
    if (!QDir().mkpath(folder))
        return Error::failure(tr("Cannot create the history folder %1.").arg(folder));
    const QDateTime when = (started.isValid() ? started : QDateTime::currentDateTimeUtc()).toUTC();
    QString path = QDir(folder).filePath(
        QStringLiteral("bulk-%1.json").arg(when.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    for (int n = 2; QFile::exists(path); ++n)
        path = QDir(folder).filePath(QStringLiteral("bulk-%1-%2.json")
                                         .arg(when.toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
                                         .arg(n));
    if (Status s = write(path); !s)
        return s.error();
    return path;
}

} // namespace certdesk::bulk
