#pragma once

#include "core/policy/ComplianceProfile.h"

#include <QCoreApplication>
#include <QDate>

namespace certdesk::policy {

// "expiry": is the certificate valid now (CheckSubject::now), and for how long still?
//   not yet valid, expired, or ≤ 7 days left → error; ≤ 30 days left → warning.
// Issuing CA certificates given as the chain are checked the same way (≤ 30 days: warning).
// The temporary self-signed default certificate of systems first set up before V3R2.1, which
// expires on 2024-01-01 (SSL whitepaper §1.4), gets a finding of its own that says so and
// what replaces it (§3, §4.1), instead of the generic one.
class ExpiryProfile : public ComplianceProfile
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryProfile)

public:
    static constexpr int errorDays = 7;
    static constexpr int warningDays = 30;
    static QDate legacyDefaultExpiry(); // 2024-01-01

    QString id() const override;
    QString title() const override;
    QString reference() const override;
    QList<Finding> check(const CheckSubject& subject) const override;
};

} // namespace certdesk::policy
