#include "core/crypto/CertificateRequest.h"

#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/X509Names.h"

#include <QCoreApplication>

#include <openssl/pem.h>

namespace certdesk::crypto {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CertificateRequest", text);
}
} // namespace

CertificateRequest CertificateRequest::adopt(X509_req_st* req)
{
    CertificateRequest r;
    r.m_req = std::shared_ptr<X509_REQ>(req, X509_REQ_free);
    return r;
}

Result<CertificateRequest> CertificateRequest::fromPem(QByteArrayView pem)
{
    ossl::BioPtr bio = ossl::memoryBio(pem);
    X509_REQ* req = PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr);
    if (!req)
        return ossl::failure(tr("This is not a PEM certificate signing request. Check that you "
                                "chose the .csr file"));
    return adopt(req);
}

Result<CertificateRequest> CertificateRequest::fromDer(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    X509_REQ* req = d2i_X509_REQ(nullptr, &p, static_cast<long>(der.size()));
    if (!req)
        return ossl::failure(tr("This is not a DER certificate signing request. Check that you "
                                "chose the .csr file"));
    return adopt(req);
}

QByteArray CertificateRequest::toPem() const
{
    ossl::BioPtr bio = ossl::newMemoryBio();
    if (!m_req || PEM_write_bio_X509_REQ(bio.get(), m_req.get()) != 1)
        return {};
    return ossl::bioBytes(bio.get());
}

QByteArray CertificateRequest::toDer() const
{
    if (!m_req)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_X509_REQ(m_req.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

PublicKey CertificateRequest::publicKey() const
{
    if (!m_req)
        return {};
    EVP_PKEY* key = X509_REQ_get_pubkey(m_req.get()); // new reference
    return key ? PublicKey::adopt(key) : PublicKey();
}

bool CertificateRequest::matches(const PrivateKey& key) const
{
    return !key.isNull() && publicKey() == key.publicKey();
}

bool CertificateRequest::verifySignature() const
{
    if (!m_req)
        return false;
    EVP_PKEY* key = X509_REQ_get0_pubkey(m_req.get());
    const bool ok = key && X509_REQ_verify(m_req.get(), key) == 1;
    ossl::clearErrors();
    return ok;
}

DistinguishedName CertificateRequest::subject() const
{
    return m_req ? x509names::toDistinguishedName(X509_REQ_get_subject_name(m_req.get()))
                 : DistinguishedName();
}

QList<GeneralName> CertificateRequest::subjectAltNames() const
{
    if (!m_req)
        return {};
    ossl::ExtensionStackPtr extensions(X509_REQ_get_extensions(m_req.get()));
    if (!extensions)
        return {};
    const int idx = X509v3_get_ext_by_NID(extensions.get(), NID_subject_alt_name, -1);
    if (idx < 0)
        return {};
    X509_EXTENSION* ext = sk_X509_EXTENSION_value(extensions.get(), idx);
    ossl::GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(X509V3_EXT_d2i(ext)));
    return x509names::toGeneralNames(names.get());
}

} // namespace certdesk::crypto
