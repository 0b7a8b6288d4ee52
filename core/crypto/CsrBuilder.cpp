#include "core/crypto/CsrBuilder.h"

#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/X509Extensions.h"
#include "core/crypto/X509Names.h"

#include <QCoreApplication>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CsrBuilder", text);
}

} // namespace

Status CsrBuilder::validate() const
{
    if (Status s = m_spec.subject.validate(); !s)
        return s;
    for (const GeneralName& name : m_spec.subjectAltNames) {
        if (Status s = name.validate(); !s)
            return s;
    }
    return {};
}

Result<CertificateRequest> CsrBuilder::build(const PrivateKey& key) const
{
    if (key.isNull())
        return Error::usage(tr("No key to sign the request with."));
    if (Status s = validate(); !s)
        return s.error();

    ossl::X509ReqPtr req(X509_REQ_new());
    if (!req || X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1)
        return ossl::failure(tr("Cannot create the request"));
    auto name = x509names::toX509Name(m_spec.subject);
    if (!name)
        return name.error();
    if (X509_REQ_set_subject_name(req.get(), name->get()) != 1 ||
        X509_REQ_set_pubkey(req.get(), key.handle()) != 1)
        return ossl::failure(tr("Cannot fill in the request"));

    ossl::ExtensionStackPtr extensions(sk_X509_EXTENSION_new_null());
    const auto push = [&extensions](Result<ossl::X509ExtPtr> ext) -> Status {
        if (!ext)
            return ext.error();
        if (sk_X509_EXTENSION_push(extensions.get(), ext->get()) <= 0)
            return ossl::failure(tr("Out of memory"));
        ext->release();
        return {};
    };
    if (!m_spec.subjectAltNames.isEmpty()) {
        if (Status s = push(x509ext::subjectAltName(m_spec.subjectAltNames)); !s)
            return s.error();
    }
    if (m_spec.requestKeyUsage) {
        if (Status s = push(x509ext::keyUsage(x509ext::serverKeyUsage(key.handle()), true)); !s)
            return s.error();
    }
    if (m_spec.requestServerAuth) {
        if (Status s = push(x509ext::serverAuth()); !s)
            return s.error();
    }
    if (sk_X509_EXTENSION_num(extensions.get()) > 0 &&
        X509_REQ_add_extensions(req.get(), extensions.get()) != 1)
        return ossl::failure(tr("Cannot add the requested extensions"));

    if (X509_REQ_sign(req.get(), key.handle(), ossl::messageDigest(m_spec.digest)) <= 0)
        return ossl::failure(tr("Signing the request failed"));
    return CertificateRequest::adopt(req.release());
}

} // namespace certdesk::crypto
