#include "core/bulk/CertificateAssignment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::bulk {

CertificateAssignment CertificateAssignment::single(const QString& entry)
{
    CertificateAssignment a;
    a.m_fallback = entry;
    return a;
}

Status CertificateAssignment::addRule(const QString& site, const QString& entry, int line)
{
    const QString s = site.trimmed();
    const QString e = entry.trimmed();
    if (s.isEmpty() || e.isEmpty())
        return Error::usage(
            tr("Rule %1: both the site and the store entry must be named.").arg(line));
    if (s == QLatin1String("*")) {
        if (!m_fallback.isEmpty())
            return Error::usage(tr("Rule %1: a second rule for \"*\".").arg(line));
        m_fallback = e;
        return {};
    }
    if (m_rules.contains(s))
        return Error::usage(tr("Rule %1: the site \"%2\" is named twice.").arg(line).arg(s));
    m_rules.insert(s, e);
    return {};
}

Result<CertificateAssignment> CertificateAssignment::parse(const QByteArray& contents, bool json)
{
    CertificateAssignment a;
    if (json) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(contents, &error);
        if (error.error != QJsonParseError::NoError)
            return Error::usage(
                tr("The rule file is not valid JSON: %1.").arg(error.errorString()));
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            int line = 0;
            for (auto it = o.begin(); it != o.end(); ++it) {
                ++line;
                if (!it.value().isString())
                    return Error::usage(tr("Rule %1: the entry for \"%2\" must be a string.")
                                            .arg(line)
                                            .arg(it.key()));
                if (Status s = a.addRule(it.key(), it.value().toString(), line); !s)
                    return s.error();
            }
        } else {
            int line = 0;
            for (const QJsonValue& v : doc.array()) {
                ++line;
                const QJsonObject o = v.toObject();
                if (Status s = a.addRule(o.value(QStringLiteral("site")).toString(),
                                         o.value(QStringLiteral("entry")).toString(), line);
                    !s)
                    return s.error();
            }
        }
    } else {
        const QStringList lines = QString::fromUtf8(contents).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            const QString text = lines.at(i).trimmed();
            if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype comma = text.indexOf(QLatin1Char(','));
            if (comma < 0)
                return Error::usage(tr("Line %1: expected \"site,entry\".").arg(i + 1));
            QString site = text.left(comma).trimmed();
            QString entry = text.mid(comma + 1).trimmed();
            const auto unquote = [](QString& t) {
                if (t.size() >= 2 && t.startsWith(QLatin1Char('"')) && t.endsWith(QLatin1Char('"')))
                    t = t.mid(1, t.size() - 2).replace(QLatin1String("\"\""), QLatin1String("\""));
            };
            unquote(site);
            unquote(entry);
            if (site.compare(QLatin1String("site"), Qt::CaseInsensitive) == 0 &&
                entry.compare(QLatin1String("entry"), Qt::CaseInsensitive) == 0)
                continue;
            if (Status s = a.addRule(site, entry, i + 1); !s)
                return s.error();
        }
    }
    if (a.m_rules.isEmpty() && a.m_fallback.isEmpty())
        return Error::usage(tr("The rule file assigns no certificate."));
    return a;
}

Result<CertificateAssignment> CertificateAssignment::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::usage(tr("Cannot read the rule file %1: %2.").arg(path, file.errorString()));
    return parse(file.readAll(), path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive));
}

CertificateAssignment CertificateAssignment::perSite()
{
    return single(QStringLiteral("{site}"));
}

Result<QString> CertificateAssignment::entryFor(const QString& site) const
{
    const auto expand = [&site](QString entry) {
        return entry.replace(QLatin1String("{site}"), site);
    };
    const auto it = m_rules.constFind(site);
    if (it != m_rules.constEnd())
        return expand(it.value());
    if (!m_fallback.isEmpty())
        return expand(m_fallback);
    return Error::usage(tr("No certificate is assigned to the site \"%1\" (add a rule for it, or "
                           "one for \"*\").")
                            .arg(site));
}

QStringList CertificateAssignment::entries() const
{
    QStringList list = m_rules.values();
    if (!m_fallback.isEmpty())
        list.append(m_fallback);
    list.removeDuplicates();
    list.sort();
    return list;
}

} // namespace certdesk::bulk
