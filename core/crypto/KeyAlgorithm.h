#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace certdesk::crypto {

// Key types CertDesk generates. The PBX accepts only RSA 2048; the others are for other uses
// and are flagged by the osbiz-v3 compliance profile.
enum class KeyAlgorithm { Rsa2048, Rsa3072, Rsa4096, EcP256, EcP384 };

std::optional<KeyAlgorithm> parseKeyAlgorithm(const QString& text);
QString keyAlgorithmName(KeyAlgorithm algorithm);
QStringList keyAlgorithmNames();

// Signature hash; with an RSA key this is sha256RSA / sha384RSA / sha512RSA as the Admin
// Portal names them.
enum class SignatureDigest { Sha256, Sha384, Sha512 };

std::optional<SignatureDigest> parseSignatureDigest(const QString& text);
QString signatureDigestName(SignatureDigest digest);      // "sha256" …
QString adminPortalSignatureName(SignatureDigest digest); // "sha256RSA" …

} // namespace certdesk::crypto
