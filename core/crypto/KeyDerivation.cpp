#include "core/crypto/KeyDerivation.h"

#include "core/crypto/OpenSslUtil.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <limits>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeyDerivation", text);
}

// Guards the int casts OpenSSL's interfaces need; far above any sensible key or salt.
constexpr qsizetype kMaxSize = 1024;

} // namespace

Result<SecretBytes> KeyDerivation::pbkdf2Sha256(const SecretBytes& passphrase, QByteArrayView salt,
                                                qsizetype keySize, int iterations)
{
    if (passphrase.isEmpty())
        return Error::usage(tr("The passphrase is empty."));
    if (passphrase.size() > std::numeric_limits<int>::max())
        return Error::usage(tr("The passphrase is too long."));
    if (salt.size() < minimumSaltSize || salt.size() > kMaxSize)
        return Error::usage(tr("The key derivation salt must be %1 to %2 bytes long, not %3.")
                                .arg(minimumSaltSize)
                                .arg(kMaxSize)
                                .arg(salt.size()));
    if (keySize < 16 || keySize > kMaxSize)
        return Error::usage(
            tr("A derived key must be 16 to %1 bytes long, not %2.").arg(kMaxSize).arg(keySize));
    if (iterations < minimumIterations)
        return Error::usage(tr("%1 key derivation iterations are too few; at least %2 are needed.")
                                .arg(iterations)
                                .arg(minimumIterations));

    SecretBytes key(QByteArray(keySize, '\0'));
    const int rc =
        PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(),
                          static_cast<int>(keySize), reinterpret_cast<unsigned char*>(key.data()));
    if (rc != 1)
        return ossl::failure(tr("Cannot derive a key from the passphrase"));
    return key;
}

Result<SecretBytes> KeyDerivation::randomKey(qsizetype size)
{
    if (size <= 0 || size > kMaxSize)
        return Error::usage(
            tr("A random key must be 1 to %1 bytes long, not %2.").arg(kMaxSize).arg(size));
    SecretBytes key(QByteArray(size, '\0'));
    // The private generator keeps key material apart from the stream that feeds public values.
    if (RAND_priv_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(size)) != 1)
        return ossl::failure(tr("Cannot generate a random key"));
    return key;
}

Result<QByteArray> KeyDerivation::randomSalt(qsizetype size)
{
    if (size < minimumSaltSize || size > kMaxSize)
        return Error::usage(tr("A salt must be %1 to %2 bytes long, not %3.")
                                .arg(minimumSaltSize)
                                .arg(kMaxSize)
                                .arg(size));
    QByteArray salt(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), static_cast<int>(size)) != 1)
        return ossl::failure(tr("Cannot generate a random salt"));
    return salt;
}

} // namespace certdesk::crypto
