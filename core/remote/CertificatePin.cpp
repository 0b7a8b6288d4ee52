#include "core/remote/CertificatePin.h"

#include "core/remote/Fingerprint.h"

#include <QSslCertificate>

namespace certdesk::remote {

bool CertificatePin::matches(const QSslCertificate& leaf) const
{
    if (leaf.isNull() || isNull())
        return false;
    if (!certificateSha256.isEmpty() && Fingerprint::ofCertificate(leaf) == certificateSha256)
        return true;
    return !publicKeySha256.isEmpty() && Fingerprint::ofPublicKey(leaf) == publicKeySha256;
}

CertificatePin CertificatePin::of(const QSslCertificate& leaf, bool withPublicKey)
{
    CertificatePin pin;
    pin.certificateSha256 = Fingerprint::ofCertificate(leaf);
    if (withPublicKey)
        pin.publicKeySha256 = Fingerprint::ofPublicKey(leaf);
    pin.subject = leaf.subjectDisplayName();
    pin.pinnedAt = QDateTime::currentDateTimeUtc();
    return pin;
}

QString CertificatePin::certificateFingerprint() const
{
    return certificateSha256.isEmpty() ? QString() : Fingerprint::format(certificateSha256);
}

QJsonObject CertificatePin::toJson() const
{
    QJsonObject o;
    if (!certificateSha256.isEmpty())
        o.insert(QStringLiteral("certificateSha256"), Fingerprint::format(certificateSha256));
    if (!publicKeySha256.isEmpty())
        o.insert(QStringLiteral("publicKeySha256"), Fingerprint::format(publicKeySha256));
    if (!subject.isEmpty())
        o.insert(QStringLiteral("subject"), subject);
    if (pinnedAt.isValid())
        o.insert(QStringLiteral("pinnedAt"), pinnedAt.toString(Qt::ISODate));
    return o;
}

std::optional<CertificatePin> CertificatePin::fromJson(const QJsonObject& json)
{
    CertificatePin pin;
    const QString cert = json.value(QStringLiteral("certificateSha256")).toString();
    const QString key = json.value(QStringLiteral("publicKeySha256")).toString();
    if (!cert.isEmpty()) {
        auto parsed = Fingerprint::parse(cert);
        if (!parsed)
            return std::nullopt;
        pin.certificateSha256 = *parsed;
    }
    if (!key.isEmpty()) {
        auto parsed = Fingerprint::parse(key);
        if (!parsed)
            return std::nullopt;
        pin.publicKeySha256 = *parsed;
    }
    pin.subject = json.value(QStringLiteral("subject")).toString();
    pin.pinnedAt =
        QDateTime::fromString(json.value(QStringLiteral("pinnedAt")).toString(), Qt::ISODate);
    return pin;
}

} // namespace certdesk::remote
