#pragma once

#include <QString>

namespace certdesk::crypto {
struct CertificateDetails;
}

namespace certdesk::policy {

// The hash family inside a certificate's signature algorithm, read from the name
// CertificateDetails gives ("sha256RSA", "sha1RSA", "sha256ECDSA", or OpenSSL's long name)
// and its OID.
class SignatureHash
{
public:
    enum class Family {
        Sha2,  // SHA-224/256/384/512
        Sha1,  // refused by current clients
        Md,    // MD2/MD4/MD5: broken
        Other, // RSASSA-PSS (hash in the parameters), EdDSA, SHA-3, unknown
    };

    static SignatureHash of(const crypto::CertificateDetails& details);

    Family family() const { return m_family; }
    bool isSha2() const { return m_family == Family::Sha2; }
    bool isBroken() const { return m_family == Family::Sha1 || m_family == Family::Md; }

private:
    explicit SignatureHash(Family family)
        : m_family(family)
    {
    }
    Family m_family;
};

} // namespace certdesk::policy
