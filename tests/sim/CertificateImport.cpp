#include "tests/sim/CertificateImport.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"

namespace certdesk::sim {

Status CertificateImport::checkName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return Error::failure(QStringLiteral("Enter a name for the certificate."));
    if (name.size() > 64)
        return Error::failure(
            QStringLiteral("The name of the certificate is longer than 64 characters."));
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') ||
            c == QLatin1Char('_') || c == QLatin1Char('.'))
            continue;
        return Error::failure(
            QStringLiteral("The name of the certificate may contain letters, digits, "
                           "spaces, '-', '_' and '.' only."));
    }
    return {};
}

Status CertificateImport::checkPassphrase(const crypto::SecretBytes& passphrase)
{
    const qsizetype n = passphrase.characterCount();
    if (n < 7 || n > 32)
        return Error::failure(QStringLiteral("The passphrase must have at least 7 and at most 32 "
                                             "characters."));
    return {};
}

Result<CertificateImport> CertificateImport::fromPkcs12(const QByteArray& der,
                                                        const crypto::SecretBytes& passphrase)
{
    auto bundle = crypto::Pkcs12Bundle::read(der, passphrase);
    if (!bundle)
        return Error::failure(QStringLiteral("The PKCS#12 file could not be imported: %1")
                                  .arg(bundle.error().message));
    CertificateImport result;
    result.certificate = bundle->certificate;
    result.chain = bundle->chain;
    result.key = bundle->key;
    if (Status s = result.checkAcceptable(); !s)
        return s.error();
    return result;
}

Result<CertificateImport> CertificateImport::fromPem(const QByteArray& certificatePem,
                                                     const QByteArray& keyPem,
                                                     const crypto::SecretBytes& passphrase)
{
    auto file = crypto::CryptoFile::parse(certificatePem);
    if (!file || file->certificates.isEmpty())
        return Error::failure(QStringLiteral("The certificate file holds no X.509 certificate."));
    auto key = crypto::PrivateKey::fromPem(keyPem, &passphrase);
    if (!key)
        return Error::failure(QStringLiteral("The key file could not be decrypted with the given "
                                             "passphrase, or it is not a private key."));
    CertificateImport result;
    const QList<crypto::Certificate> ordered = crypto::orderChain(file->certificates);
    result.certificate = ordered.first();
    result.chain = ordered.mid(1);
    result.key = *key;
    if (Status s = result.checkAcceptable(); !s)
        return s.error();
    return result;
}

Status CertificateImport::checkAcceptable() const
{
    if (!key.isRsa() || key.bits() != 2048)
        return Error::failure(
            QStringLiteral("Only RSA keys with a public key length of 2048 bits can "
                           "be imported (this key: %1, %2 bits).")
                .arg(key.algorithmName())
                .arg(key.bits()));
    const crypto::CertificateDetails details = crypto::CertificateDetails::of(certificate);
    const QString sig = details.signatureAlgorithm;
    if (sig != QLatin1String("sha256RSA") && sig != QLatin1String("sha384RSA") &&
        sig != QLatin1String("sha512RSA"))
        return Error::failure(QStringLiteral("The signature algorithm %1 is not supported. Use "
                                             "sha256RSA, sha384RSA or sha512RSA.")
                                  .arg(sig));
    if (!certificate.matches(key))
        return Error::failure(
            QStringLiteral("The private key does not belong to the certificate."));
    return {};
}

} // namespace certdesk::sim
