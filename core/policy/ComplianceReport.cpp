#include "core/policy/ComplianceReport.h"

#include <QJsonArray>

#include <algorithm>

namespace certdesk::policy {

ComplianceReport::ComplianceReport(QStringList profileIds, QList<Finding> findings)
    : m_profileIds(std::move(profileIds))
    , m_findings(std::move(findings))
{
}

int ComplianceReport::count(Severity severity) const
{
    return static_cast<int>(
        std::count_if(m_findings.cbegin(), m_findings.cend(),
                      [severity](const Finding& f) { return f.severity == severity; }));
}

std::optional<Finding> ComplianceReport::find(const QString& code) const
{
    for (const Finding& f : m_findings) {
        if (f.code == code)
            return f;
    }
    return std::nullopt;
}

QJsonObject ComplianceReport::toJson() const
{
    QJsonArray findings;
    for (const Finding& f : m_findings)
        findings.append(f.toJson());
    return QJsonObject{
        {QStringLiteral("profiles"), QJsonArray::fromStringList(m_profileIds)},
        {QStringLiteral("passed"), passed()},
        {QStringLiteral("errors"), count(Severity::Error)},
        {QStringLiteral("warnings"), count(Severity::Warning)},
        {QStringLiteral("infos"), count(Severity::Info)},
        {QStringLiteral("findings"), findings},
    };
}

QString ComplianceReport::toText() const
{
    QList<Finding> sorted = m_findings;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
    QStringList blocks;
    for (const Finding& f : sorted)
        blocks << f.toText();
    const QString profiles = m_profileIds.join(QLatin1String(", "));
    const int errors = count(Severity::Error);
    const int warnings = count(Severity::Warning);
    const int notes = count(Severity::Info);
    const QString counts =
        tr("%1, %2, %3")
            .arg(errors == 1 ? tr("1 error") : tr("%n errors", nullptr, errors),
                 warnings == 1 ? tr("1 warning") : tr("%n warnings", nullptr, warnings),
                 notes == 1 ? tr("1 note") : tr("%n notes", nullptr, notes));
    blocks << (passed() ? tr("Passed (%1): %2.").arg(profiles, counts)
                        : tr("Failed (%1): %2.").arg(profiles, counts));
    return blocks.join(QLatin1String("\n\n"));
}

} // namespace certdesk::policy
