#include "core/crypto/PrivateKey.h"

#include "core/crypto/OpenSslUtil.h"

#include <QCoreApplication>

#include <openssl/decoder.h>
#include <openssl/pem.h>

namespace certdesk::crypto {

namespace {

// PBKDF2 work factor for keys a technician protects with a passphrase. OpenSSL's own default
// (2048) is too weak for files that travel on laptops and USB sticks.
constexpr int kPbkdf2Iterations = 100000;
// scrypt cost N = 2^14, r = 8, p = 1 (16 MiB), as `openssl pkcs8 -scrypt` writes; 2^15 would
// exceed the 32 MiB memory limit OpenSSL applies when reading.
constexpr uint64_t kScryptN = 1u << 14;
constexpr uint64_t kScryptR = 8;
constexpr uint64_t kScryptP = 1;

QString tr(const char* text)
{
    return QCoreApplication::translate("PrivateKey", text);
}

struct PassphraseRequest
{
    const SecretBytes* passphrase = nullptr;
    bool asked = false;
};

int passphraseCallback(char* buf, int size, int /*rwflag*/, void* userdata)
{
    auto* request = static_cast<PassphraseRequest*>(userdata);
    request->asked = true;
    if (!request->passphrase || request->passphrase->size() > size)
        return -1;
    const int len = static_cast<int>(request->passphrase->size());
    memcpy(buf, request->passphrase->data(), static_cast<size_t>(len));
    return len;
}

Result<PrivateKey> decode(QByteArrayView data, const char* inputType, const SecretBytes* passphrase)
{
    if (data.isEmpty())
        return Error::failure(tr("The key file is empty. Choose the private key file itself."));
    EVP_PKEY* pkey = nullptr;
    std::unique_ptr<OSSL_DECODER_CTX, ossl::Deleter<OSSL_DECODER_CTX_free>> ctx(
        OSSL_DECODER_CTX_new_for_pkey(&pkey, inputType, nullptr, nullptr, EVP_PKEY_KEYPAIR, nullptr,
                                      nullptr));
    if (!ctx)
        return ossl::failure(tr("Cannot set up the key decoder"));
    PassphraseRequest request{passphrase, false};
    OSSL_DECODER_CTX_set_pem_password_cb(ctx.get(), passphraseCallback, &request);

    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    size_t len = static_cast<size_t>(data.size());
    if (OSSL_DECODER_from_data(ctx.get(), &bytes, &len) != 1 || !pkey) {
        ossl::clearErrors();
        if (request.asked && !passphrase)
            return Error::failure(tr("The private key is protected by a passphrase. Give its "
                                     "passphrase to open it."));
        if (request.asked)
            return Error::failure(tr("The passphrase does not open this private key. Check the "
                                     "passphrase and try again."));
        return Error::failure(tr("This is not a private key OpenSSL can read (PEM or DER, "
                                 "PKCS#8 or PKCS#1). Check that you chose the key file."));
    }
    return PrivateKey::adopt(pkey);
}

using Pkcs8InfoPtr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, ossl::Deleter<PKCS8_PRIV_KEY_INFO_free>>;
using X509SigPtr = std::unique_ptr<X509_SIG, ossl::Deleter<X509_SIG_free>>;

Result<X509SigPtr> encryptPkcs8(EVP_PKEY* key, const SecretBytes& passphrase, PrivateKey::Kdf kdf)
{
    if (passphrase.isEmpty())
        return Error::usage(tr("An empty passphrase cannot protect a key. Give a passphrase."));
    Pkcs8InfoPtr info(EVP_PKEY2PKCS8(key));
    if (!info)
        return ossl::failure(tr("Cannot encode the private key"));
    X509_ALGOR* pbe = nullptr;
    if (kdf == PrivateKey::Kdf::Scrypt)
        pbe = PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, kScryptN, kScryptR,
                                    kScryptP);
    else
        pbe = PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), kPbkdf2Iterations, nullptr, 0, nullptr,
                                NID_hmacWithSHA256);
    if (!pbe)
        return ossl::failure(tr("Cannot set up key encryption"));
    X509_SIG* sig =
        PKCS8_set0_pbe(passphrase.data(), static_cast<int>(passphrase.size()), info.get(), pbe);
    if (!sig) {
        X509_ALGOR_free(pbe);
        return ossl::failure(tr("Cannot encrypt the private key"));
    }
    return X509SigPtr(sig);
}

} // namespace

PrivateKey PrivateKey::adopt(evp_pkey_st* key)
{
    PrivateKey k;
    k.m_key = std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
    return k;
}

Result<PrivateKey> PrivateKey::generate(KeyAlgorithm algorithm)
{
    EVP_PKEY* key = nullptr;
    switch (algorithm) {
    case KeyAlgorithm::Rsa2048:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048});
        break;
    case KeyAlgorithm::Rsa3072:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{3072});
        break;
    case KeyAlgorithm::Rsa4096:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{4096});
        break;
    case KeyAlgorithm::EcP256:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        break;
    case KeyAlgorithm::EcP384:
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
        break;
    }
    if (!key)
        return ossl::failure(tr("Key generation failed"));
    return adopt(key);
}

Result<PrivateKey> PrivateKey::fromPem(QByteArrayView pem, const SecretBytes* passphrase)
{
    return decode(pem, "PEM", passphrase);
}

Result<PrivateKey> PrivateKey::fromDer(QByteArrayView der, const SecretBytes* passphrase)
{
    return decode(der, "DER", passphrase);
}

Result<QByteArray> PrivateKey::toEncryptedPem(const SecretBytes& passphrase, Kdf kdf) const
{
    auto sig = encryptPkcs8(m_key.get(), passphrase, kdf);
    if (!sig)
        return sig.error();
    ossl::BioPtr bio = ossl::newMemoryBio();
    if (PEM_write_bio_PKCS8(bio.get(), sig->get()) != 1)
        return ossl::failure(tr("Cannot write the encrypted key"));
    return ossl::bioBytes(bio.get());
}

Result<QByteArray> PrivateKey::toEncryptedDer(const SecretBytes& passphrase, Kdf kdf) const
{
    auto sig = encryptPkcs8(m_key.get(), passphrase, kdf);
    if (!sig)
        return sig.error();
    ossl::BioPtr bio = ossl::newMemoryBio();
    if (i2d_PKCS8_bio(bio.get(), sig->get()) != 1)
        return ossl::failure(tr("Cannot write the encrypted key"));
    return ossl::bioBytes(bio.get());
}

Result<SecretBytes> PrivateKey::toUnencryptedPem(PlainFormat format) const
{
    ossl::BioPtr bio = ossl::newMemoryBio();
    const int ok = format == PlainFormat::Pkcs1
                       ? PEM_write_bio_PrivateKey_traditional(bio.get(), m_key.get(), nullptr,
                                                              nullptr, 0, nullptr, nullptr)
                       : PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0,
                                                  nullptr, nullptr);
    if (ok != 1)
        return ossl::failure(tr("Cannot write the private key"));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return SecretBytes(QByteArrayView(data, len));
}

Result<SecretBytes> PrivateKey::toUnencryptedDer() const
{
    ossl::BioPtr bio = ossl::newMemoryBio();
    if (i2d_PKCS8PrivateKeyInfo_bio(bio.get(), m_key.get()) != 1)
        return ossl::failure(tr("Cannot write the private key"));
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return SecretBytes(QByteArrayView(data, len));
}

PublicKey PrivateKey::publicKey() const
{
    if (!m_key)
        return {};
    // A public-only copy, so holding a PublicKey never keeps private material alive.
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_key.get(), &der);
    if (len <= 0)
        return {};
    const unsigned char* p = der;
    EVP_PKEY* pub = d2i_PUBKEY(nullptr, &p, len);
    OPENSSL_free(der);
    return pub ? PublicKey::adopt(pub) : PublicKey();
}

int PrivateKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

bool PrivateKey::isRsa() const
{
    return m_key && EVP_PKEY_is_a(m_key.get(), "RSA");
}

QString PrivateKey::algorithmName() const
{
    return publicKey().algorithmName();
}

} // namespace certdesk::crypto
