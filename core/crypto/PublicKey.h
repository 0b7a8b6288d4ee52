#pragma once

#include "core/crypto/OpenSslTypes.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace certdesk::crypto {

// The public half of a key pair, as found in a key, a certificate or a CSR. Comparing two of
// these is how keys, certificates and requests are matched.
class PublicKey
{
public:
    PublicKey() = default;
    static PublicKey adopt(evp_pkey_st* key); // takes ownership

    bool isNull() const { return !m_key; }
    int bits() const;
    bool isRsa() const;
    QString algorithmName() const; // "RSA", "EC P-256" …
    QByteArray subjectPublicKeyInfoDer() const;
    // The key material as the Admin Portal shows it: the RSA modulus, or the EC point.
    QByteArray keyMaterial() const;
    QByteArray sha256() const; // SHA-256 of SubjectPublicKeyInfo (pin value)

    bool operator==(const PublicKey& other) const;

    evp_pkey_st* handle() const { return m_key.get(); }

private:
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace certdesk::crypto
