#pragma once

#include "core/policy/Finding.h"

#include <QList>
#include <QString>

namespace certdesk::policy {

struct CheckSubject;

// A named set of rules a certificate is checked against ("osbiz-v3", "apple-tls", …).
class ComplianceProfile
{
public:
    virtual ~ComplianceProfile() = default;

    virtual QString id() const = 0;        // stable, as given on the command line
    virtual QString title() const = 0;     // translated one-line name
    virtual QString reference() const = 0; // where the rules come from
    // Findings for `subject`; an empty list means the certificate meets every rule. Only
    // called with a non-null certificate.
    virtual QList<Finding> check(const CheckSubject& subject) const = 0;

protected:
    ComplianceProfile() = default;
    ComplianceProfile(const ComplianceProfile&) = default;
    ComplianceProfile& operator=(const ComplianceProfile&) = default;

    // A finding of this profile.
    Finding finding(Severity severity, const QString& code, const QString& message,
                    const QString& fix, const QString& client) const;
};

} // namespace certdesk::policy
