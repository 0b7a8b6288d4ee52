#pragma once

#include "core/policy/ComplianceProfile.h"

#include <QCoreApplication>
#include <QDateTime>

namespace certdesk::policy {

// "apple-tls": what iOS 13 / iPadOS 13 / macOS 10.15 and later require of TLS server
// certificates (https://support.apple.com/en-us/103769) and the 398-day limit for publicly
// trusted certificates issued from 1 September 2020 (https://support.apple.com/en-us/102028).
// These devices run myPortal to go, Safari and the other OSBiz web clients.
//
// Always, for every certificate: the server's DNS name in the Subject Alternative Name (the
// CN is ignored), a SHA-2 signature (SHA-1 refused), RSA keys of at least 2048 bits. For
// certificates issued (notBefore) on or after 2019-07-01: an extended key usage with
// id-kp-serverAuth and at most 825 days of validity, whoever issued them. For publicly
// trusted certificates issued on or after 2020-09-01: at most 398 days; a private CA's
// certificates keep the 825-day limit. Validity is notAfter − notBefore, as Apple reads it
// from the two fields (see ValidityPeriod).
class AppleTlsProfile : public ComplianceProfile
{
    Q_DECLARE_TR_FUNCTIONS(AppleTlsProfile)

public:
    static constexpr int minRsaBits = 2048;
    static constexpr int maxValidityDays = 825;
    static constexpr int maxPublicValidityDays = 398;
    static QDateTime strictRulesFrom(); // 2019-07-01 00:00 UTC: EKU and 825 days
    static QDateTime publicLimitFrom(); // 2020-09-01 00:00 UTC: 398 days when public

    QString id() const override;
    QString title() const override;
    QString reference() const override;
    QList<Finding> check(const CheckSubject& subject) const override;
};

} // namespace certdesk::policy
