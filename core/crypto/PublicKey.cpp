#include "core/crypto/PublicKey.h"

#include "core/crypto/OpenSslUtil.h"

#include <openssl/core_names.h>

namespace certdesk::crypto {

PublicKey PublicKey::adopt(evp_pkey_st* key)
{
    PublicKey k;
    k.m_key = std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
    return k;
}

int PublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

bool PublicKey::isRsa() const
{
    return m_key && EVP_PKEY_is_a(m_key.get(), "RSA");
}

QString PublicKey::algorithmName() const
{
    if (!m_key)
        return {};
    if (EVP_PKEY_is_a(m_key.get(), "RSA"))
        return QStringLiteral("RSA");
    if (EVP_PKEY_is_a(m_key.get(), "EC")) {
        char group[80] = {};
        size_t len = 0;
        if (EVP_PKEY_get_group_name(m_key.get(), group, sizeof group, &len) == 1) {
            const QString g = QString::fromLatin1(group);
            if (g == QLatin1String("prime256v1"))
                return QStringLiteral("EC P-256");
            if (g == QLatin1String("secp384r1"))
                return QStringLiteral("EC P-384");
            if (g == QLatin1String("secp521r1"))
                return QStringLiteral("EC P-521");
            return QStringLiteral("EC ") + g;
        }
        return QStringLiteral("EC");
    }
    return QString::fromLatin1(EVP_PKEY_get0_type_name(m_key.get()));
}

QByteArray PublicKey::subjectPublicKeyInfoDer() const
{
    if (!m_key)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(m_key.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

QByteArray PublicKey::keyMaterial() const
{
    if (!m_key)
        return {};
    if (EVP_PKEY_is_a(m_key.get(), "RSA")) {
        BIGNUM* n = nullptr;
        if (EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_N, &n) != 1)
            return {};
        ossl::BignumPtr holder(n);
        QByteArray out(BN_num_bytes(n), Qt::Uninitialized);
        BN_bn2bin(n, reinterpret_cast<unsigned char*>(out.data()));
        return out;
    }
    size_t len = 0;
    if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, nullptr, 0,
                                        &len) != 1)
        return {};
    QByteArray out(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                        reinterpret_cast<unsigned char*>(out.data()), len,
                                        &len) != 1)
        return {};
    return out;
}

QByteArray PublicKey::sha256() const
{
    return ossl::digest(EVP_sha256(), subjectPublicKeyInfoDer());
}

bool PublicKey::operator==(const PublicKey& other) const
{
    if (!m_key || !other.m_key)
        return !m_key && !other.m_key;
    const bool equal = EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
    ossl::clearErrors();
    return equal;
}

} // namespace certdesk::crypto
