#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

class QSslCertificate;

namespace certdesk::remote {

// What a site's listener must present: the certificate the technician trusted (by SHA-256
// fingerprint) or, where pinned too, any certificate with the same public key. A null pin
// trusts nothing.
struct CertificatePin
{
    QByteArray certificateSha256; // raw 32 bytes
    QByteArray publicKeySha256;   // raw 32 bytes, or empty: the certificate alone is pinned
    QString subject;              // for people: whom the pin was made for
    QDateTime pinnedAt;

    bool isNull() const { return certificateSha256.isEmpty() && publicKeySha256.isEmpty(); }
    bool matches(const QSslCertificate& leaf) const;
    // The certificate's fingerprint alone; with `withPublicKey` its key as well.
    static CertificatePin of(const QSslCertificate& leaf, bool withPublicKey);

    QString certificateFingerprint() const; // "AB:CD:…", empty if none
    QJsonObject toJson() const;
    static std::optional<CertificatePin> fromJson(const QJsonObject& json);
};

} // namespace certdesk::remote
