#include "core/crypto/CertificateBuilder.h"

#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/X509Extensions.h"
#include "core/crypto/X509Names.h"

#include <QCoreApplication>

#include <vector>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CertificateBuilder", text);
}

QString gmt(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'GMT'"));
}

bool setTime(ASN1_TIME* field, const QDateTime& t)
{
    // ASN1_TIME_set picks UTCTime until 2049 and GeneralizedTime after, as RFC 5280 requires.
    return ASN1_TIME_set(field, static_cast<time_t>(t.toSecsSinceEpoch())) != nullptr;
}

} // namespace

Status CertificateSpec::validate() const
{
    if (!notBefore.isValid() || !notAfter.isValid())
        return Error::usage(tr("Give both the start and the end of the validity period (GMT)."));
    if (notAfter <= notBefore)
        return Error::usage(tr("The end of the validity period (%1) is not after its start (%2). "
                               "Choose an end time later than the start.")
                                .arg(gmt(notAfter), gmt(notBefore)));
    if (notBefore.toSecsSinceEpoch() < 0)
        return Error::usage(tr("The validity cannot start before 1970."));
    if (Status s = subject.validate(); !s)
        return s;
    for (const GeneralName& name : subjectAltNames) {
        if (Status s = name.validate(); !s)
            return s;
    }
    if (crlDistributionPoint) {
        if (crlDistributionPoint->kind != GeneralName::Kind::Dns &&
            crlDistributionPoint->kind != GeneralName::Kind::Uri)
            return Error::usage(tr("The CRL distribution point must be a DNS name or a URI."));
        if (Status s = crlDistributionPoint->validate(); !s)
            return s;
    }
    if (profile != Profile::CertificateAuthority && subject.commonName.isEmpty() &&
        subjectAltNames.isEmpty())
        return Error::usage(tr("A server certificate needs a Common Name (CN) or a Subject "
                               "Alternative Name that clients connect to."));
    return {};
}

Result<Certificate> CertificateBuilder::selfSign(const PrivateKey& key) const
{
    if (m_spec.profile == CertificateSpec::Profile::CaSignedServer)
        return Error::usage(tr("A CA-signed server certificate needs an issuing CA."));
    return sign(key.publicKey(), nullptr, key);
}

Result<Certificate> CertificateBuilder::issue(const PublicKey& subjectKey,
                                              const Certificate& issuer,
                                              const PrivateKey& issuerKey) const
{
    if (issuer.isNull())
        return Error::usage(tr("No issuing CA certificate given."));
    if (!issuer.isCa())
        return Error::failure(tr("\"%1\" is not a CA certificate (basicConstraints CA:TRUE), so "
                                 "it cannot issue certificates. Choose a CA certificate.")
                                  .arg(issuer.subjectCommonName()));
    if (!issuer.matches(issuerKey))
        return Error::failure(tr("The CA key does not belong to the CA certificate \"%1\". Choose "
                                 "the key file that was created with that CA.")
                                  .arg(issuer.subjectCommonName()));
    if (m_spec.notAfter > issuer.notAfter())
        return Error::usage(tr("The certificate would outlive its CA, which is valid until %1. "
                               "End the validity period at or before that time.")
                                .arg(gmt(issuer.notAfter())));
    return sign(subjectKey, &issuer, issuerKey);
}

Result<Certificate> CertificateBuilder::sign(const PublicKey& subjectKey, const Certificate* issuer,
                                             const PrivateKey& signingKey) const
{
    if (subjectKey.isNull() || signingKey.isNull())
        return Error::usage(tr("No key to certify."));
    if (Status s = m_spec.validate(); !s)
        return s.error();

    ossl::X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return ossl::failure(tr("Cannot create the certificate"));

    const SerialNumber serial = m_spec.serial.isNull() ? SerialNumber::random() : m_spec.serial;
    const QByteArray serialBytes = serial.bigEndian();
    ossl::BignumPtr serialBn(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(serialBytes.constData()),
                  static_cast<int>(serialBytes.size()), nullptr));
    ossl::Asn1IntegerPtr serialInt(serialBn ? BN_to_ASN1_INTEGER(serialBn.get(), nullptr)
                                            : nullptr);
    if (!serialInt || X509_set_serialNumber(cert.get(), serialInt.get()) != 1)
        return ossl::failure(tr("Cannot set the serial number"));

    auto subject = x509names::toX509Name(m_spec.subject);
    if (!subject)
        return subject.error();
    if (issuer && X509_NAME_cmp(subject->get(), X509_get_subject_name(issuer->handle())) == 0)
        return Error::usage(tr("The subject is the same as the CA's subject. Give the certificate "
                               "its own subject (e.g. the server's name as Common Name)."));
    if (X509_set_subject_name(cert.get(), subject->get()) != 1 ||
        X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer->handle())
                                                : subject->get()) != 1 ||
        !setTime(X509_getm_notBefore(cert.get()), m_spec.notBefore) ||
        !setTime(X509_getm_notAfter(cert.get()), m_spec.notAfter) ||
        X509_set_pubkey(cert.get(), subjectKey.handle()) != 1)
        return ossl::failure(tr("Cannot fill in the certificate"));

    const bool isCa = m_spec.profile == CertificateSpec::Profile::CertificateAuthority;
    std::vector<Result<ossl::X509ExtPtr>> extensions;
    extensions.push_back(x509ext::basicConstraints(isCa, true));
    extensions.push_back(x509ext::keyUsage(isCa ? (x509ext::KeyCertSign | x509ext::CrlSign)
                                                : x509ext::serverKeyUsage(subjectKey.handle()),
                                           true));
    if (!isCa)
        extensions.push_back(x509ext::serverAuth());
    extensions.push_back(x509ext::subjectKeyIdentifier(cert.get()));
    extensions.push_back(
        x509ext::authorityKeyIdentifier(issuer ? issuer->handle() : cert.get(), !issuer));
    if (!m_spec.subjectAltNames.isEmpty())
        extensions.push_back(x509ext::subjectAltName(m_spec.subjectAltNames));
    if (m_spec.crlDistributionPoint)
        extensions.push_back(x509ext::crlDistributionPoint(*m_spec.crlDistributionPoint));
    for (auto& ext : extensions) {
        if (!ext)
            return ext.error();
        if (X509_add_ext(cert.get(), ext->get(), -1) != 1)
            return ossl::failure(tr("Cannot add a certificate extension"));
    }

    if (X509_sign(cert.get(), signingKey.handle(), ossl::messageDigest(m_spec.digest)) <= 0)
        return ossl::failure(tr("Signing the certificate failed"));
    // Re-read the signed encoding so no state cached during construction survives.
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    if (len <= 0)
        return ossl::failure(tr("Cannot encode the certificate"));
    const QByteArray encoded(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return Certificate::fromDer(encoded);
}

} // namespace certdesk::crypto
