#pragma once

#include "core/Result.h"
#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/OpenSslTypes.h"
#include "core/crypto/PublicKey.h"

#include <QByteArray>
#include <QList>

#include <memory>

namespace certdesk::crypto {

class PrivateKey;

// A PKCS#10 certificate signing request.
class CertificateRequest
{
public:
    CertificateRequest() = default;
    static CertificateRequest adopt(X509_req_st* req); // takes ownership

    static Result<CertificateRequest> fromPem(QByteArrayView pem);
    static Result<CertificateRequest> fromDer(QByteArrayView der);

    bool isNull() const { return !m_req; }
    QByteArray toPem() const;
    QByteArray toDer() const;

    PublicKey publicKey() const;
    bool matches(const PrivateKey& key) const;
    bool verifySignature() const; // self-signature with its own public key
    DistinguishedName subject() const;
    QList<GeneralName> subjectAltNames() const;

    X509_req_st* handle() const { return m_req.get(); }

private:
    std::shared_ptr<X509_req_st> m_req;
};

} // namespace certdesk::crypto
