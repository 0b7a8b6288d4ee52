#include "core/remote/SiteInventory.h"

#include "core/remote/Fingerprint.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace certdesk::remote {

namespace {
QString tr(const char* text)
{
    return SiteInventory::tr(text);
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
// One CSV line, with "quoted, fields" and "" for a quote inside them.
QStringList splitCsv(const QString& line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() &&
                line.at(i + 1) == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current.trimmed();
    return fields;
}

Result<QList<Site>> parseJson(const QByteArray& contents)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(contents, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::usage(tr("The inventory is not valid JSON: %1.").arg(error.errorString()));
    const QJsonArray list =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("sites")).toArray();
    QList<Site> sites;
    for (const QJsonValue& v : list) {
        auto site = Site::fromJson(v.toObject());
        if (!site)
            return site.error();
        sites.append(*site);
    }
    return sites;
}

Result<QList<Site>> parseCsv(const QByteArray& contents)
{
    const QStringList lines = QString::fromUtf8(contents).split(QLatin1Char('\n'));
    QStringList header;
    QList<Site> sites;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = splitCsv(line);
        if (header.isEmpty()) {
            header = fields;
            if (!header.contains(QStringLiteral("name")) ||
                !header.contains(QStringLiteral("host")))
                return Error::usage(tr("The CSV inventory needs a header line with at least the "
                                       "columns name and host (site export --format csv writes "
                                       "one)."));
            continue;
        }
        QJsonObject o;
        QString pin;
        QString boosterPin;
        for (int i = 0; i < header.size() && i < fields.size(); ++i) {
            const QString& key = header.at(i);
            QString value = fields.at(i);
            if (value.startsWith(QLatin1Char('\'')))
                value.remove(0, 1);
            if (value.isEmpty())
                continue;
            if (key == QLatin1String("port") || key == QLatin1String("boosterPort"))
                o.insert(key, value.toInt());
            else if (key == QLatin1String("tags"))
                o.insert(key, QJsonArray::fromStringList(
                                  value.split(QLatin1Char(';'), Qt::SkipEmptyParts)));
            else if (key == QLatin1String("pinSha256"))
                pin = value;
            else if (key == QLatin1String("boosterPinSha256"))
                boosterPin = value;
            else
                o.insert(key, value);
        }
        auto site = Site::fromJson(o);
        if (!site)
            return Error::usage(tr("Line %1: %2").arg(n + 1).arg(site.error().message));
        const QList<std::pair<QString, CertificatePin*>> pins{{pin, &site->pin},
                                                              {boosterPin, &site->boosterPin}};
        for (const auto& [text, target] : pins) {
            if (text.isEmpty())
                continue;
            auto sha = Fingerprint::parse(text);
            if (!sha)
                return Error::usage(tr("Line %1: %2").arg(n + 1).arg(sha.error().message));
            target->certificateSha256 = *sha;
            target->subject = site->name;
            target->pinnedAt = QDateTime::currentDateTimeUtc();
        }
        sites.append(*site);
    }
    return sites;
}
} // namespace

Result<QList<Site>> SiteInventory::parse(const QByteArray& contents, bool json)
{
    return json ? parseJson(contents) : parseCsv(contents);
}

bool SiteInventory::looksLikeJson(const QString& fileName, const QByteArray& contents)
{
    const QByteArray start = contents.trimmed();
    return fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
           start.startsWith('{') || start.startsWith('[');
}

QByteArray SiteInventory::toJson(const QList<Site>& sites)
{
    QJsonArray list;
    for (const Site& s : sites)
        list.append(s.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("sites"), list}})
        .toJson(QJsonDocument::Indented);
}

QByteArray SiteInventory::toCsv(const QList<Site>& sites)
{
    QByteArray csv = "name,host,port,user,boosterHost,boosterPort,tags,pkcs12Format,pinSha256,"
                     "boosterPinSha256,credential\n";
    for (const Site& s : sites) {
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
        csv += fields.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return csv;
}

} // namespace certdesk::remote
