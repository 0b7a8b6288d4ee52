#pragma once

#include "core/Result.h"
#include "core/crypto/KeyAlgorithm.h"
#include "core/crypto/OpenSslTypes.h"
#include "core/crypto/PublicKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>

#include <memory>

namespace certdesk::crypto {

// A private key held inside OpenSSL (never as plaintext bytes on our side). It is written
// encrypted (PKCS#8, AES-256-CBC) unless an unencrypted export is asked for explicitly.
class PrivateKey
{
public:
    enum class Kdf { Pbkdf2, Scrypt };
    enum class PlainFormat { Pkcs8, Pkcs1 };

    PrivateKey() = default;
    static PrivateKey adopt(evp_pkey_st* key); // takes ownership

    static Result<PrivateKey> generate(KeyAlgorithm algorithm);
    // PEM (PKCS#8 encrypted or not, traditional PKCS#1/SEC1) or DER. A passphrase is needed
    // only for encrypted keys.
    static Result<PrivateKey> fromPem(QByteArrayView pem, const SecretBytes* passphrase = nullptr);
    static Result<PrivateKey> fromDer(QByteArrayView der, const SecretBytes* passphrase = nullptr);

    Result<QByteArray> toEncryptedPem(const SecretBytes& passphrase, Kdf kdf = Kdf::Pbkdf2) const;
    Result<QByteArray> toEncryptedDer(const SecretBytes& passphrase, Kdf kdf = Kdf::Pbkdf2) const;
    Result<SecretBytes> toUnencryptedPem(PlainFormat format = PlainFormat::Pkcs8) const;
    Result<SecretBytes> toUnencryptedDer() const;

    bool isNull() const { return !m_key; }
    PublicKey publicKey() const;
    int bits() const;
    bool isRsa() const;
    QString algorithmName() const;

    evp_pkey_st* handle() const { return m_key.get(); }

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace certdesk::crypto
