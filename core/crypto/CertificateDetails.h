#pragma once

#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace certdesk::crypto {

class Certificate;
class CertificateRequest;
class PrivateKey;

// One line of the View Certificate layout; headings ("Issued by CA", "Subject Name") have no
// value and group the indented lines below them.
struct DetailLine
{
    QString label;
    QString value;
    bool heading = false;
};

// What the Admin Portal's "View Certificate" page shows, plus what a careful technician also
// wants to see. Fields that do not apply (a CSR has no validity) stay empty.
struct CertificateDetails
{
    QString certificateType; // "Certificate Signing Request (CSR)", "Self-Signed CA Certificate" …
    QString serialDecimal;
    QString serialHex;
    QString signatureAlgorithm; // "sha256RSA", or OpenSSL's name for anything else
    QString signatureAlgorithmOid;
    int version = 0;     // X.509 version: 1 or 3
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
    std::optional<qint64> daysLeft;
    QList<GeneralName> crlDistributionPoints;
    std::optional<DistinguishedName> issuer;
    DistinguishedName subject;
    QList<GeneralName> subjectAltNames;
    QString publicKeyAlgorithm; // "RSA", "EC P-256"
    int publicKeyLength = 0;
    QString publicKeyHex;         // modulus / EC point, upper-case hex
    QString fingerprintSha1;      // "AB:CD:…" (the Admin Portal's "Fingerprint")
    QString fingerprintSha256;    // "AB:CD:…"
    QString publicKeySha256;      // SHA-256 of SubjectPublicKeyInfo, "AB:CD:…"
    QStringList keyUsage;         // "Digital Signature", "Key Encipherment" …
    QStringList extendedKeyUsage; // "TLS Web Server Authentication" …
    std::optional<bool> basicConstraintsCa;
    std::optional<int> pathLength;
    QString subjectKeyIdentifier;
    QString authorityKeyIdentifier;
    std::optional<bool> signatureValid; // CSRs: self-signature verified

    static CertificateDetails of(const Certificate& certificate,
                                 const QDateTime& now = QDateTime::currentDateTimeUtc());
    static CertificateDetails of(const CertificateRequest& request);
    static CertificateDetails of(const PrivateKey& key);

    QJsonObject toJson() const;
    // The Admin Portal's layout as label/value lines, for `show` and the View page.
    QList<DetailLine> toLines() const;
};

QString colonHex(const QByteArray& bytes);

} // namespace certdesk::crypto
