#pragma once

#include "core/policy/ComplianceProfile.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace certdesk::policy {

// "cabf-2026": the maximum validity of publicly trusted TLS server certificates under the
// CA/Browser Forum Baseline Requirements §6.3.2 as amended by ballot SC-081v3, by the date of
// issue (notBefore):
//
//   issued from   2018-03-01  825 days   (before SC-081: ballot 193)
//                 2020-09-01  398 days   (ballot SC-31 / browser policies)
//                 2026-03-15  200 days   (SC-081v3)
//                 2027-03-15  100 days   (SC-081v3)
//                 2029-03-15   47 days   (SC-081v3)
//
// Validity is counted the BR way: notBefore through notAfter inclusive, so the limit holds
// when notAfter − notBefore + 1 s ≤ days × 86 400 s (see ValidityPeriod). Certificates
// issued before 2018-03-01 are not judged here.
//
// The rule binds public CAs. For a self-signed certificate or one from the technician's own
// CA it reports, as info, that it does not apply; when trust is unknown it warns under the
// stated assumption that the certificate chains to a public root.
class CabForumProfile : public ComplianceProfile
{
    Q_DECLARE_TR_FUNCTIONS(CabForumProfile)

public:
    // The BR limit in days for a certificate issued at `notBefore`; nullopt before 2018-03-01.
    static std::optional<int> maxValidityDays(const QDateTime& notBefore);

    QString id() const override;
    QString title() const override;
    QString reference() const override;
    QList<Finding> check(const CheckSubject& subject) const override;
};

} // namespace certdesk::policy
