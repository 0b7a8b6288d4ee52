#pragma once

#include "core/policy/ComplianceProfile.h"

#include <QCoreApplication>

namespace certdesk::policy {

// "osbiz-v3": what OpenScape Business V3 itself accepts (SSL whitepaper §2.1): an X.509 v3
// server certificate with an RSA 2048-bit key, signed sha256RSA/sha384RSA/sha512RSA,
// imported as PKCS#12 or PEM with a passphrase of 7 to 32 characters, and a key that belongs
// to the certificate.
class OsbizV3Profile : public ComplianceProfile
{
    Q_DECLARE_TR_FUNCTIONS(OsbizV3Profile)

public:
    static constexpr int requiredRsaBits = 2048;
    static constexpr int minPassphraseCharacters = 7;
    static constexpr int maxPassphraseCharacters = 32;

    QString id() const override;
    QString title() const override;
    QString reference() const override;
    QList<Finding> check(const CheckSubject& subject) const override;

    // Does the Admin Portal import this container ("PKCS#12", "p12", "PEM" …)?
    static bool isAcceptedFileFormat(const QString& format);
};

} // namespace certdesk::policy
