#include "core/crypto/KeyAlgorithm.h"

#include <array>
#include <utility>

namespace certdesk::crypto {

namespace {
const std::array<std::pair<KeyAlgorithm, const char*>, 5> kKeyNames = {{
    {KeyAlgorithm::Rsa2048, "rsa2048"},
    {KeyAlgorithm::Rsa3072, "rsa3072"},
    {KeyAlgorithm::Rsa4096, "rsa4096"},
    {KeyAlgorithm::EcP256, "ec-p256"},
    {KeyAlgorithm::EcP384, "ec-p384"},
}};
} // namespace

std::optional<KeyAlgorithm> parseKeyAlgorithm(const QString& text)
{
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char(':'));
    if (t == QLatin1String("rsa") || t == QLatin1String("2048"))
        return KeyAlgorithm::Rsa2048;
    if (t == QLatin1String("3072"))
        return KeyAlgorithm::Rsa3072;
    if (t == QLatin1String("4096"))
        return KeyAlgorithm::Rsa4096;
    if (t == QLatin1String("p256") || t == QLatin1String("p-256") || t == QLatin1String("ecp256") ||
        t == QLatin1String("prime256v1"))
        return KeyAlgorithm::EcP256;
    if (t == QLatin1String("p384") || t == QLatin1String("p-384") || t == QLatin1String("ecp384") ||
        t == QLatin1String("secp384r1"))
        return KeyAlgorithm::EcP384;
    for (const auto& [algorithm, name] : kKeyNames) {
        if (t == QLatin1String(name) || t == QString::fromLatin1(name).remove(QLatin1Char('-')))
            return algorithm;
    }
    return std::nullopt;
}

QString keyAlgorithmName(KeyAlgorithm algorithm)
{
    for (const auto& [a, name] : kKeyNames) {
        if (a == algorithm)
            return QLatin1String(name);
    }
    return {};
}

QStringList keyAlgorithmNames()
{
    QStringList names;
    for (const auto& entry : kKeyNames)
        names << QLatin1String(entry.second);
    return names;
}

std::optional<SignatureDigest> parseSignatureDigest(const QString& text)
{
    QString t = text.trimmed().toLower();
    t.remove(QLatin1Char('-'));
    if (t.endsWith(QLatin1String("rsa")))
        t.chop(3);
    if (t == QLatin1String("sha256"))
        return SignatureDigest::Sha256;
    if (t == QLatin1String("sha384"))
        return SignatureDigest::Sha384;
    if (t == QLatin1String("sha512"))
        return SignatureDigest::Sha512;
    return std::nullopt;
}

QString signatureDigestName(SignatureDigest digest)
{
    switch (digest) {
    case SignatureDigest::Sha256:
        return QStringLiteral("sha256");
    case SignatureDigest::Sha384:
        return QStringLiteral("sha384");
    case SignatureDigest::Sha512:
        return QStringLiteral("sha512");
    }
    return {};
}

QString adminPortalSignatureName(SignatureDigest digest)
{
    return signatureDigestName(digest) + QStringLiteral("RSA");
}

} // namespace certdesk::crypto
