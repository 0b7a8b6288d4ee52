#pragma once

#include "core/Result.h"
#include "core/crypto/OpenSslTypes.h"
#include "core/crypto/PublicKey.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <memory>

namespace certdesk::crypto {

class PrivateKey;

// An X.509 certificate.
class Certificate
{
public:
    Certificate() = default;
    static Certificate adopt(x509_st* cert); // takes ownership

    static Result<Certificate> fromPem(QByteArrayView pem);
    static Result<Certificate> fromDer(QByteArrayView der);

    bool isNull() const { return !m_cert; }
    QByteArray toPem() const;
    QByteArray toDer() const;

    QByteArray sha256Fingerprint() const; // raw 32 bytes over the DER
    QByteArray sha1Fingerprint() const;   // raw 20 bytes over the DER
    PublicKey publicKey() const;
    bool matches(const PrivateKey& key) const;

    QString subjectCommonName() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    bool isCa() const;         // basicConstraints CA:TRUE
    bool isSelfIssued() const; // subject == issuer
    bool isSelfSigned() const; // self-issued and its own key verifies its signature
    // True when `issuer`'s subject is this certificate's issuer and its key verifies the
    // signature.
    bool isIssuedBy(const Certificate& issuer) const;

    bool operator==(const Certificate& other) const; // same DER

    x509_st* handle() const { return m_cert.get(); }

private:
    std::shared_ptr<x509_st> m_cert;
};

// Puts certificates in chain order, leaf first, each followed by its issuer; certificates
// that belong to no chain through the leaf keep their relative order at the end.
QList<Certificate> orderChain(const QList<Certificate>& certificates);

} // namespace certdesk::crypto
