#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/KeyAlgorithm.h"

#include <QList>

namespace certdesk::crypto {

class PrivateKey;

// What the Admin Portal's "Generate Certificate Signing Request (CSR)" page asks for.
struct CsrSpec
{
    DistinguishedName subject;
    QList<GeneralName> subjectAltNames;
    SignatureDigest digest = SignatureDigest::Sha256;
    bool requestKeyUsage = true;   // digitalSignature, keyEncipherment
    bool requestServerAuth = true; // extendedKeyUsage serverAuth
};

// Builds and signs a PKCS#10 request for a key.
class CsrBuilder
{
public:
    explicit CsrBuilder(CsrSpec spec)
        : m_spec(std::move(spec))
    {
    }
    Status validate() const;
    Result<CertificateRequest> build(const PrivateKey& key) const;

private:
    CsrSpec m_spec;
};

} // namespace certdesk::crypto
