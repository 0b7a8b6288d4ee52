#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/KeyAlgorithm.h"
#include "core/crypto/SerialNumber.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace certdesk::crypto {

class PrivateKey;
class PublicKey;

// The fields of the Admin Portal's "Generate Self-Signed Certificate", "Generate CA
// Certificate" and "Generate CA-Signed Server Certificate" pages.
struct CertificateSpec
{
    enum class Profile {
        SelfSignedServer,     // server certificate signed by its own key
        CertificateAuthority, // CA:TRUE, keyCertSign + cRLSign
        CaSignedServer,       // server certificate issued by a CA
    };

    Profile profile = Profile::SelfSignedServer;
    SerialNumber serial; // null: a random one
    SignatureDigest digest = SignatureDigest::Sha256;
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC
    DistinguishedName subject;
    QList<GeneralName> subjectAltNames;
    std::optional<GeneralName> crlDistributionPoint; // DNS name or URI

    Status validate() const;
};

// Signs certificates per CertificateSpec.
class CertificateBuilder
{
public:
    explicit CertificateBuilder(CertificateSpec spec)
        : m_spec(std::move(spec))
    {
    }

    // SelfSignedServer or CertificateAuthority (a root): signed with `key` itself.
    Result<Certificate> selfSign(const PrivateKey& key) const;
    // CaSignedServer (or an intermediate CertificateAuthority): `subjectKey` certified by
    // `issuer`, signed with `issuerKey`.
    Result<Certificate> issue(const PublicKey& subjectKey, const Certificate& issuer,
                              const PrivateKey& issuerKey) const;

private:
    Result<Certificate> sign(const PublicKey& subjectKey, const Certificate* issuer,
                             const PrivateKey& signingKey) const;
    CertificateSpec m_spec;
};

} // namespace certdesk::crypto
