#include "core/crypto/X509Extensions.h"

#include "core/crypto/X509Names.h"

#include <QCoreApplication>

namespace certdesk::crypto::x509ext {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("X509Extensions", text);
}

Result<ossl::X509ExtPtr> encode(int nid, bool critical, void* value)
{
    X509_EXTENSION* ext = X509V3_EXT_i2d(nid, critical ? 1 : 0, value);
    if (!ext)
        return ossl::failure(tr("Cannot encode a certificate extension"));
    return ossl::X509ExtPtr(ext);
}

} // namespace

Result<ossl::X509ExtPtr> basicConstraints(bool ca, bool critical)
{
    std::unique_ptr<BASIC_CONSTRAINTS, ossl::Deleter<BASIC_CONSTRAINTS_free>> bc(
        BASIC_CONSTRAINTS_new());
    if (!bc)
        return ossl::failure(tr("Out of memory"));
    bc->ca = ca ? 0xFF : 0;
    return encode(NID_basic_constraints, critical, bc.get());
}

Result<ossl::X509ExtPtr> keyUsage(unsigned bits, bool critical)
{
    std::unique_ptr<ASN1_BIT_STRING, ossl::Deleter<ASN1_BIT_STRING_free>> ku(ASN1_BIT_STRING_new());
    if (!ku)
        return ossl::failure(tr("Out of memory"));
    // KU bit n is bit (7 - n) of the first octet: digitalSignature(0) = 0x80, …
    for (int bit = 0; bit < 8; ++bit) {
        if (bits & (0x80u >> bit))
            ASN1_BIT_STRING_set_bit(ku.get(), bit, 1);
    }
    return encode(NID_key_usage, critical, ku.get());
}

Result<ossl::X509ExtPtr> serverAuth()
{
    std::unique_ptr<EXTENDED_KEY_USAGE, ossl::Deleter<EXTENDED_KEY_USAGE_free>> eku(
        EXTENDED_KEY_USAGE_new());
    if (!eku || sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(NID_server_auth)) <= 0)
        return ossl::failure(tr("Out of memory"));
    // OBJ_nid2obj returns a static object; freeing the stack leaves it alone.
    return encode(NID_ext_key_usage, false, eku.get());
}

Result<ossl::X509ExtPtr> subjectAltName(const QList<GeneralName>& names)
{
    auto gens = x509names::toGeneralNames(names);
    if (!gens)
        return gens.error();
    return encode(NID_subject_alt_name, false, gens->get());
}

Result<ossl::X509ExtPtr> crlDistributionPoint(const GeneralName& name)
{
    if (name.kind != GeneralName::Kind::Dns && name.kind != GeneralName::Kind::Uri)
        return Error::usage(tr("A CRL distribution point is a DNS name or a URI."));
    auto gens = x509names::toGeneralNames(QList<GeneralName>{name});
    if (!gens)
        return gens.error();
    std::unique_ptr<CRL_DIST_POINTS, ossl::Deleter<CRL_DIST_POINTS_free>> points(
        CRL_DIST_POINTS_new());
    DIST_POINT* point = DIST_POINT_new();
    DIST_POINT_NAME* pointName = DIST_POINT_NAME_new();
    if (!points || !point || !pointName) {
        DIST_POINT_free(point);
        DIST_POINT_NAME_free(pointName);
        return ossl::failure(tr("Out of memory"));
    }
    pointName->type = 0; // fullName
    pointName->name.fullname = gens->release();
    point->distpoint = pointName;
    if (sk_DIST_POINT_push(points.get(), point) <= 0) {
        DIST_POINT_free(point);
        return ossl::failure(tr("Out of memory"));
    }
    return encode(NID_crl_distribution_points, false, points.get());
}

Result<ossl::X509ExtPtr> subjectKeyIdentifier(const X509* subject)
{
    // RFC 5280 method 1: SHA-1 of the subjectPublicKey BIT STRING.
    const ASN1_BIT_STRING* key = X509_get0_pubkey_bitstr(subject);
    if (!key)
        return ossl::failure(tr("The certificate has no public key"));
    const QByteArray hash = ossl::digest(
        EVP_sha1(), QByteArrayView(reinterpret_cast<const char*>(ASN1_STRING_get0_data(key)),
                                   ASN1_STRING_length(key)));
    ossl::Asn1OctetStringPtr ski(ASN1_OCTET_STRING_new());
    if (!ski || hash.isEmpty() ||
        ASN1_OCTET_STRING_set(ski.get(), reinterpret_cast<const unsigned char*>(hash.constData()),
                              static_cast<int>(hash.size())) != 1)
        return ossl::failure(tr("Cannot compute the subject key identifier"));
    return encode(NID_subject_key_identifier, false, ski.get());
}

Result<ossl::X509ExtPtr> authorityKeyIdentifier(const X509* issuer, bool selfSigned)
{
    // Use the issuer's own SKI when it has one, so chains built by other tools still link. A
    // certificate under construction is not asked: OpenSSL would cache its unfinished extensions.
    const ASN1_OCTET_STRING* issuerSki =
        selfSigned ? nullptr : X509_get0_subject_key_id(const_cast<X509*>(issuer));
    QByteArray keyId;
    if (issuerSki) {
        keyId = QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(issuerSki)),
                           ASN1_STRING_length(issuerSki));
    } else {
        const ASN1_BIT_STRING* key = X509_get0_pubkey_bitstr(issuer);
        if (!key)
            return ossl::failure(tr("The issuer has no public key"));
        keyId = ossl::digest(
            EVP_sha1(), QByteArrayView(reinterpret_cast<const char*>(ASN1_STRING_get0_data(key)),
                                       ASN1_STRING_length(key)));
    }
    std::unique_ptr<AUTHORITY_KEYID, ossl::Deleter<AUTHORITY_KEYID_free>> akid(
        AUTHORITY_KEYID_new());
    if (!akid)
        return ossl::failure(tr("Out of memory"));
    akid->keyid = ASN1_OCTET_STRING_new();
    if (!akid->keyid || ASN1_OCTET_STRING_set(
                            akid->keyid, reinterpret_cast<const unsigned char*>(keyId.constData()),
                            static_cast<int>(keyId.size())) != 1)
        return ossl::failure(tr("Cannot compute the authority key identifier"));
    return encode(NID_authority_key_identifier, false, akid.get());
}

unsigned serverKeyUsage(EVP_PKEY* key)
{
    return EVP_PKEY_is_a(key, "RSA") ? (DigitalSignature | KeyEncipherment) : DigitalSignature;
}

} // namespace certdesk::crypto::x509ext
