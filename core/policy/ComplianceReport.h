#pragma once

#include "core/policy/Finding.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace certdesk::policy {

// The findings of one check, in profile order (rules in their order within a profile), and
// the profiles that produced them. The certificate passes when there is no error.
class ComplianceReport
{
    Q_DECLARE_TR_FUNCTIONS(ComplianceReport)

public:
    ComplianceReport() = default;
    ComplianceReport(QStringList profileIds, QList<Finding> findings);

    const QStringList& profileIds() const { return m_profileIds; }
    const QList<Finding>& findings() const { return m_findings; }

    int count(Severity severity) const;
    bool hasErrors() const { return count(Severity::Error) > 0; }
    bool passed() const { return !hasErrors(); }
    bool contains(const QString& code) const { return find(code).has_value(); }
    std::optional<Finding> find(const QString& code) const; // the first with this code

    // {"profiles": [...], "passed": bool, "errors": n, "warnings": n, "infos": n,
    //  "findings": [Finding::toJson() …]}
    QJsonObject toJson() const;
    // One block per finding, errors first, then a summary line.
    QString toText() const;

private:
    QStringList m_profileIds;
    QList<Finding> m_findings;
};

} // namespace certdesk::policy
