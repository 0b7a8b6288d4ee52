#include "core/crypto/Certificate.h"

#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/PrivateKey.h"

#include <QCoreApplication>

#include <openssl/pem.h>

namespace certdesk::crypto {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Certificate", text);
}
} // namespace

Certificate Certificate::adopt(x509_st* cert)
{
    Certificate c;
    c.m_cert = std::shared_ptr<X509>(cert, X509_free);
    return c;
}

Result<Certificate> Certificate::fromPem(QByteArrayView pem)
{
    ossl::BioPtr bio = ossl::memoryBio(pem);
    X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!cert)
        return ossl::failure(tr("This is not a PEM certificate. Check that you chose the "
                                "certificate file"));
    return adopt(cert);
}

Result<Certificate> Certificate::fromDer(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
    if (!cert)
        return ossl::failure(tr("This is not a DER certificate. Check that you chose the "
                                "certificate file"));
    return adopt(cert);
}

QByteArray Certificate::toPem() const
{
    ossl::BioPtr bio = ossl::newMemoryBio();
    if (!m_cert || PEM_write_bio_X509(bio.get(), m_cert.get()) != 1)
        return {};
    return ossl::bioBytes(bio.get());
}

QByteArray Certificate::toDer() const
{
    if (!m_cert)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_X509(m_cert.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

QByteArray Certificate::sha256Fingerprint() const
{
    return ossl::digest(EVP_sha256(), toDer());
}

QByteArray Certificate::sha1Fingerprint() const
{
    return ossl::digest(EVP_sha1(), toDer());
}

PublicKey Certificate::publicKey() const
{
    if (!m_cert)
        return {};
    EVP_PKEY* key = X509_get_pubkey(m_cert.get()); // new reference
    return key ? PublicKey::adopt(key) : PublicKey();
}

bool Certificate::matches(const PrivateKey& key) const
{
    return !key.isNull() && publicKey() == key.publicKey();
}

QString Certificate::subjectCommonName() const
{
    if (!m_cert)
        return {};
    const X509_NAME* name = X509_get_subject_name(m_cert.get());
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return {};
    return ossl::asn1StringToQString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? ossl::asn1TimeToDateTime(X509_get0_notBefore(m_cert.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? ossl::asn1TimeToDateTime(X509_get0_notAfter(m_cert.get())) : QDateTime();
}

bool Certificate::isCa() const
{
    return m_cert && X509_check_ca(m_cert.get()) > 0 &&
           (X509_get_extension_flags(m_cert.get()) & EXFLAG_CA);
}

bool Certificate::isSelfIssued() const
{
    return m_cert && X509_NAME_cmp(X509_get_subject_name(m_cert.get()),
                                   X509_get_issuer_name(m_cert.get())) == 0;
}

bool Certificate::isSelfSigned() const
{
    return isIssuedBy(*this);
}

bool Certificate::isIssuedBy(const Certificate& issuer) const
{
    if (!m_cert || !issuer.m_cert)
        return false;
    if (X509_NAME_cmp(X509_get_issuer_name(m_cert.get()),
                      X509_get_subject_name(issuer.m_cert.get())) != 0)
        return false;
    EVP_PKEY* key = X509_get0_pubkey(issuer.m_cert.get());
    const bool verified = key && X509_verify(m_cert.get(), key) == 1;
    ossl::clearErrors();
    return verified;
}

bool Certificate::operator==(const Certificate& other) const
{
    if (!m_cert || !other.m_cert)
        return !m_cert && !other.m_cert;
    return X509_cmp(m_cert.get(), other.m_cert.get()) == 0;
}

QList<Certificate> orderChain(const QList<Certificate>& certificates)
{
    if (certificates.size() < 2)
        return certificates;
    // The leaf is the certificate that issued none of the others; prefer a non-CA one.
    auto issuedSomething = [&](const Certificate& c) {
        for (const Certificate& other : certificates) {
            if (!(other == c) && other.isIssuedBy(c))
                return true;
        }
        return false;
    };
    qsizetype leafIndex = -1;
    for (qsizetype i = 0; i < certificates.size(); ++i) {
        if (!issuedSomething(certificates[i])) {
            if (leafIndex < 0 || (!certificates[i].isCa() && certificates[leafIndex].isCa()))
                leafIndex = i;
        }
    }
    if (leafIndex < 0)
        leafIndex = 0;

    QList<Certificate> remaining = certificates;
    QList<Certificate> ordered{remaining.takeAt(leafIndex)};
    for (;;) {
        const Certificate& current = ordered.last();
        if (current.isSelfSigned())
            break;
        qsizetype next = -1;
        for (qsizetype i = 0; i < remaining.size(); ++i) {
            if (current.isIssuedBy(remaining[i])) {
                next = i;
                break;
            }
        }
        if (next < 0)
            break;
        ordered << remaining.takeAt(next);
    }
    ordered << remaining;
    return ordered;
}

} // namespace certdesk::crypto
