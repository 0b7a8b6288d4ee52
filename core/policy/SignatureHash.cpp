#include "core/policy/SignatureHash.h"

#include "core/crypto/CertificateDetails.h"

namespace certdesk::policy {

SignatureHash SignatureHash::of(const crypto::CertificateDetails& details)
{
    const QString name = details.signatureAlgorithm.toLower();
    const QString& oid = details.signatureAlgorithmOid;
    // SHA-1 signature OIDs: sha1WithRSAEncryption, ecdsa-with-SHA1, dsa-with-sha1, and the
    // OIW sha1WithRSASignature.
    static const QLatin1String sha1Oids[] = {
        QLatin1String("1.2.840.113549.1.1.5"), QLatin1String("1.2.840.10045.4.1"),
        QLatin1String("1.2.840.10040.4.3"), QLatin1String("1.3.14.3.2.29")};
    for (const QLatin1String& o : sha1Oids) {
        if (oid == o)
            return SignatureHash(Family::Sha1);
    }
    if (name.contains(QLatin1String("sha3")))
        return SignatureHash(Family::Other);
    if (name.contains(QLatin1String("sha1")) || name.contains(QLatin1String("sha-1")))
        return SignatureHash(Family::Sha1);
    if (name.contains(QLatin1String("md5")) || name.contains(QLatin1String("md4")) ||
        name.contains(QLatin1String("md2")))
        return SignatureHash(Family::Md);
    for (const char* sha2 : {"sha224", "sha256", "sha384", "sha512"}) {
        if (name.contains(QLatin1String(sha2)))
            return SignatureHash(Family::Sha2);
    }
    return SignatureHash(Family::Other);
}

} // namespace certdesk::policy
