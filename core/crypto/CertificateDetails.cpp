#include "core/crypto/CertificateDetails.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SerialNumber.h"
#include "core/crypto/X509Names.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CertificateDetails", text);
}

// The Admin Portal's names for RSA PKCS#1 v1.5 signatures; OpenSSL's long name otherwise.
QString signatureName(int nid)
{
    switch (nid) {
    case NID_sha256WithRSAEncryption:
        return QStringLiteral("sha256RSA");
    case NID_sha384WithRSAEncryption:
        return QStringLiteral("sha384RSA");
    case NID_sha512WithRSAEncryption:
        return QStringLiteral("sha512RSA");
    case NID_sha1WithRSAEncryption:
        return QStringLiteral("sha1RSA");
    case NID_md5WithRSAEncryption:
        return QStringLiteral("md5RSA");
    case NID_ecdsa_with_SHA256:
        return QStringLiteral("sha256ECDSA");
    case NID_ecdsa_with_SHA384:
        return QStringLiteral("sha384ECDSA");
    case NID_ecdsa_with_SHA512:
        return QStringLiteral("sha512ECDSA");
    default:
        return nid == NID_undef ? tr("unknown") : QString::fromLatin1(OBJ_nid2ln(nid));
    }
}

QString oidText(const ASN1_OBJECT* obj)
{
    char buf[128] = {};
    OBJ_obj2txt(buf, sizeof buf, obj, 1);
    return QString::fromLatin1(buf);
}

QString hexOf(const ASN1_OCTET_STRING* s)
{
    if (!s)
        return {};
    return colonHex(
        QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s)));
}

QStringList keyUsageNames(uint32_t bits)
{
    static const std::pair<uint32_t, const char*> names[] = {
        {KU_DIGITAL_SIGNATURE, "Digital Signature"},
        {KU_NON_REPUDIATION, "Non Repudiation"},
        {KU_KEY_ENCIPHERMENT, "Key Encipherment"},
        {KU_DATA_ENCIPHERMENT, "Data Encipherment"},
        {KU_KEY_AGREEMENT, "Key Agreement"},
        {KU_KEY_CERT_SIGN, "Certificate Sign"},
        {KU_CRL_SIGN, "CRL Sign"},
        {KU_ENCIPHER_ONLY, "Encipher Only"},
        {KU_DECIPHER_ONLY, "Decipher Only"},
    };
    QStringList out;
    for (const auto& [bit, name] : names) {
        if (bits & bit)
            out << QLatin1String(name);
    }
    return out;
}

QStringList extendedKeyUsageNames(const EXTENDED_KEY_USAGE* eku)
{
    QStringList out;
    for (int i = 0; eku && i < sk_ASN1_OBJECT_num(eku); ++i) {
        const ASN1_OBJECT* obj = sk_ASN1_OBJECT_value(eku, i);
        const int nid = OBJ_obj2nid(obj);
        out << (nid != NID_undef ? QString::fromLatin1(OBJ_nid2ln(nid)) : oidText(obj));
    }
    return out;
}

// Key usage, EKU and SAN from an extension list (a CSR's requested extensions).
void readRequestedExtensions(const STACK_OF(X509_EXTENSION) * exts, CertificateDetails& d)
{
    for (int i = 0; i < sk_X509_EXTENSION_num(exts); ++i) {
        X509_EXTENSION* ext = sk_X509_EXTENSION_value(exts, i);
        const int nid = OBJ_obj2nid(X509_EXTENSION_get_object(ext));
        if (nid == NID_key_usage) {
            std::unique_ptr<ASN1_BIT_STRING, ossl::Deleter<ASN1_BIT_STRING_free>> ku(
                static_cast<ASN1_BIT_STRING*>(X509V3_EXT_d2i(ext)));
            uint32_t bits = 0;
            for (int bit = 0; ku && bit < 9; ++bit) {
                if (ASN1_BIT_STRING_get_bit(ku.get(), bit))
                    bits |= bit < 8 ? (0x80u >> bit) : KU_DECIPHER_ONLY;
            }
            d.keyUsage = keyUsageNames(bits);
        } else if (nid == NID_ext_key_usage) {
            std::unique_ptr<EXTENDED_KEY_USAGE, ossl::Deleter<EXTENDED_KEY_USAGE_free>> eku(
                static_cast<EXTENDED_KEY_USAGE*>(X509V3_EXT_d2i(ext)));
            d.extendedKeyUsage = extendedKeyUsageNames(eku.get());
        } else if (nid == NID_basic_constraints) {
            std::unique_ptr<BASIC_CONSTRAINTS, ossl::Deleter<BASIC_CONSTRAINTS_free>> bc(
                static_cast<BASIC_CONSTRAINTS*>(X509V3_EXT_d2i(ext)));
            if (bc)
                d.basicConstraintsCa = bc->ca != 0;
        }
    }
}

void fillPublicKey(const PublicKey& key, CertificateDetails& d)
{
    d.publicKeyAlgorithm = key.algorithmName();
    d.publicKeyLength = key.bits();
    d.publicKeyHex = QString::fromLatin1(key.keyMaterial().toHex().toUpper());
    d.publicKeySha256 = colonHex(key.sha256());
}

QJsonObject nameJson(const DistinguishedName& dn)
{
    QJsonObject o;
    const auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    put("C", dn.country);
    put("ST", dn.state);
    put("L", dn.locality);
    put("O", dn.organization);
    put("OU", dn.organizationalUnit);
    put("CN", dn.commonName);
    put("emailAddress", dn.email);
    return o;
}

QJsonArray namesJson(const QList<GeneralName>& names)
{
    QJsonArray a;
    for (const GeneralName& n : names)
        a.append(n.toString());
    return a;
}

QString isoUtc(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// The Admin Portal's date format: "Friday, 11/10/2023 00:00:00".
QString portalDate(const QDateTime& t)
{
    return QLocale::c().toString(t.toUTC(), QStringLiteral("dddd, MM/dd/yyyy HH:mm:ss"));
}

} // namespace

QString colonHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex(':').toUpper());
}

CertificateDetails CertificateDetails::of(const Certificate& certificate, const QDateTime& now)
{
    CertificateDetails d;
    X509* x = certificate.handle();
    if (!x)
        return d;

    const bool ca = certificate.isCa();
    if (certificate.isSelfSigned())
        d.certificateType = ca ? tr("Self-Signed CA Certificate") : tr("Self-Signed Certificate");
    else
        d.certificateType =
            ca ? tr("Intermediate CA Certificate") : tr("CA-Signed Peer Certificate");

    ossl::BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr));
    if (serial) {
        QByteArray bytes(BN_num_bytes(serial.get()), Qt::Uninitialized);
        BN_bn2bin(serial.get(), reinterpret_cast<unsigned char*>(bytes.data()));
        const SerialNumber s = SerialNumber::fromBigEndian(bytes);
        d.serialDecimal = s.toDecimal();
        d.serialHex = s.toHex();
    }

    d.signatureAlgorithm = signatureName(X509_get_signature_nid(x));
    const X509_ALGOR* sigAlg = nullptr;
    X509_get0_signature(nullptr, &sigAlg, x);
    if (sigAlg) {
        const ASN1_OBJECT* obj = nullptr;
        X509_ALGOR_get0(&obj, nullptr, nullptr, sigAlg);
        d.signatureAlgorithmOid = oidText(obj);
    }
    d.version = static_cast<int>(X509_get_version(x)) + 1;
    d.notBefore = certificate.notBefore();
    d.notAfter = certificate.notAfter();
    if (d.notAfter.isValid()) {
        const qint64 secs = now.secsTo(d.notAfter);
        d.daysLeft = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    }

    std::unique_ptr<CRL_DIST_POINTS, ossl::Deleter<CRL_DIST_POINTS_free>> dps(
        static_cast<CRL_DIST_POINTS*>(
            X509_get_ext_d2i(x, NID_crl_distribution_points, nullptr, nullptr)));
    for (int i = 0; dps && i < sk_DIST_POINT_num(dps.get()); ++i) {
        const DIST_POINT* dp = sk_DIST_POINT_value(dps.get(), i);
        if (dp->distpoint && dp->distpoint->type == 0)
            d.crlDistributionPoints << x509names::toGeneralNames(dp->distpoint->name.fullname);
    }

    d.issuer = x509names::toDistinguishedName(X509_get_issuer_name(x));
    d.subject = x509names::toDistinguishedName(X509_get_subject_name(x));
    ossl::GeneralNamesPtr sans(
        static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr)));
    d.subjectAltNames = x509names::toGeneralNames(sans.get());

    fillPublicKey(certificate.publicKey(), d);
    d.fingerprintSha1 = colonHex(certificate.sha1Fingerprint());
    d.fingerprintSha256 = colonHex(certificate.sha256Fingerprint());

    if (X509_get_extension_flags(x) & EXFLAG_KUSAGE)
        d.keyUsage = keyUsageNames(X509_get_key_usage(x));
    std::unique_ptr<EXTENDED_KEY_USAGE, ossl::Deleter<EXTENDED_KEY_USAGE_free>> eku(
        static_cast<EXTENDED_KEY_USAGE*>(X509_get_ext_d2i(x, NID_ext_key_usage, nullptr, nullptr)));
    d.extendedKeyUsage = extendedKeyUsageNames(eku.get());
    std::unique_ptr<BASIC_CONSTRAINTS, ossl::Deleter<BASIC_CONSTRAINTS_free>> bc(
        static_cast<BASIC_CONSTRAINTS*>(
            X509_get_ext_d2i(x, NID_basic_constraints, nullptr, nullptr)));
    if (bc) {
        d.basicConstraintsCa = bc->ca != 0;
        if (bc->pathlen)
            d.pathLength = static_cast<int>(ASN1_INTEGER_get(bc->pathlen));
    }
    d.subjectKeyIdentifier = hexOf(X509_get0_subject_key_id(x));
    d.authorityKeyIdentifier = hexOf(X509_get0_authority_key_id(x));
    ossl::clearErrors();
    return d;
}

CertificateDetails CertificateDetails::of(const CertificateRequest& request)
{
    CertificateDetails d;
    X509_REQ* r = request.handle();
    if (!r)
        return d;
    d.certificateType = tr("Certificate Signing Request (CSR)");
    d.signatureAlgorithm = signatureName(X509_REQ_get_signature_nid(r));
    const X509_ALGOR* sigAlg = nullptr;
    X509_REQ_get0_signature(r, nullptr, &sigAlg);
    if (sigAlg) {
        const ASN1_OBJECT* obj = nullptr;
        X509_ALGOR_get0(&obj, nullptr, nullptr, sigAlg);
        d.signatureAlgorithmOid = oidText(obj);
    }
    d.subject = request.subject();
    d.subjectAltNames = request.subjectAltNames();
    fillPublicKey(request.publicKey(), d);
    const QByteArray der = request.toDer();
    d.fingerprintSha1 = colonHex(ossl::digest(EVP_sha1(), der));
    d.fingerprintSha256 = colonHex(ossl::digest(EVP_sha256(), der));
    ossl::ExtensionStackPtr exts(X509_REQ_get_extensions(r));
    readRequestedExtensions(exts.get(), d);
    d.signatureValid = request.verifySignature();
    ossl::clearErrors();
    return d;
}

CertificateDetails CertificateDetails::of(const PrivateKey& key)
{
    CertificateDetails d;
    d.certificateType = tr("Private Key");
    fillPublicKey(key.publicKey(), d);
    return d;
}

QJsonObject CertificateDetails::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), certificateType);
    if (!serialDecimal.isEmpty()) {
        o.insert(QStringLiteral("serialNumber"), serialDecimal);
        o.insert(QStringLiteral("serialNumberHex"), serialHex);
    }
    if (version)
        o.insert(QStringLiteral("version"), version);
    if (!signatureAlgorithm.isEmpty()) {
        o.insert(QStringLiteral("signatureAlgorithm"), signatureAlgorithm);
        o.insert(QStringLiteral("signatureAlgorithmOid"), signatureAlgorithmOid);
    }
    if (notBefore.isValid())
        o.insert(QStringLiteral("notBefore"), isoUtc(notBefore));
    if (notAfter.isValid())
        o.insert(QStringLiteral("notAfter"), isoUtc(notAfter));
    if (daysLeft)
        o.insert(QStringLiteral("daysLeft"), *daysLeft);
    if (!crlDistributionPoints.isEmpty())
        o.insert(QStringLiteral("crlDistributionPoints"), namesJson(crlDistributionPoints));
    if (issuer)
        o.insert(QStringLiteral("issuer"), nameJson(*issuer));
    if (!subject.isEmpty())
        o.insert(QStringLiteral("subject"), nameJson(subject));
    if (!certificateType.isEmpty() && certificateType != tr("Private Key"))
        o.insert(QStringLiteral("subjectAltNames"), namesJson(subjectAltNames));
    o.insert(QStringLiteral("publicKeyAlgorithm"), publicKeyAlgorithm);
    o.insert(QStringLiteral("publicKeyLength"), publicKeyLength);
    o.insert(QStringLiteral("publicKey"), publicKeyHex);
    o.insert(QStringLiteral("publicKeySha256"), publicKeySha256);
    if (!fingerprintSha256.isEmpty()) {
        o.insert(QStringLiteral("fingerprintSha1"), fingerprintSha1);
        o.insert(QStringLiteral("fingerprintSha256"), fingerprintSha256);
    }
    if (!keyUsage.isEmpty())
        o.insert(QStringLiteral("keyUsage"), QJsonArray::fromStringList(keyUsage));
    if (!extendedKeyUsage.isEmpty())
        o.insert(QStringLiteral("extendedKeyUsage"), QJsonArray::fromStringList(extendedKeyUsage));
    if (basicConstraintsCa) {
        QJsonObject bcObj{{QStringLiteral("ca"), *basicConstraintsCa}};
        if (pathLength)
            bcObj.insert(QStringLiteral("pathLength"), *pathLength);
        o.insert(QStringLiteral("basicConstraints"), bcObj);
    }
    if (!subjectKeyIdentifier.isEmpty())
        o.insert(QStringLiteral("subjectKeyIdentifier"), subjectKeyIdentifier);
    if (!authorityKeyIdentifier.isEmpty())
        o.insert(QStringLiteral("authorityKeyIdentifier"), authorityKeyIdentifier);
    if (signatureValid)
        o.insert(QStringLiteral("signatureValid"), *signatureValid);
    return o;
}

QList<DetailLine> CertificateDetails::toLines() const
{
    QList<DetailLine> lines;
    const auto add = [&lines](const QString& label, const QString& value) {
        lines.append({label, value, false});
    };
    const auto addName = [&](const QString& heading, const DistinguishedName& dn) {
        lines.append({heading, QString(), true});
        add(tr("  Country (C)"), dn.country);
        add(tr("  Organization (O)"), dn.organization);
        add(tr("  Organization Unit (OU)"), dn.organizationalUnit);
        add(tr("  Common Name (CN)"), dn.commonName);
        if (!dn.state.isEmpty())
            add(tr("  State (ST)"), dn.state);
        if (!dn.locality.isEmpty())
            add(tr("  Locality (L)"), dn.locality);
        if (!dn.email.isEmpty())
            add(tr("  E-mail (emailAddress)"), dn.email);
    };
    const auto joinNames = [](const QList<GeneralName>& names) {
        QStringList parts;
        for (const GeneralName& n : names)
            parts << n.toString();
        return parts.join(QStringLiteral(", "));
    };

    add(tr("Certificate Type"), certificateType);
    if (!serialDecimal.isEmpty()) {
        add(tr("Serial Number of Certificate"), serialDecimal);
        add(tr("Serial Number of Certificate (hex)"), serialHex);
    }
    if (!signatureAlgorithm.isEmpty())
        add(tr("Type of Signature Algorithm"), signatureAlgorithm);
    if (notBefore.isValid()) {
        add(tr("Start Time of Validity Period (GMT)"), portalDate(notBefore));
        add(tr("End Time of Validity Period (GMT)"), portalDate(notAfter));
        if (daysLeft)
            add(tr("Days Left"), QString::number(*daysLeft));
        add(tr("CRL Distribution Point"), joinNames(crlDistributionPoints));
    }
    if (issuer)
        addName(tr("Issued by CA"), *issuer);
    if (!subject.isEmpty())
        addName(tr("Subject Name"), subject);
    if (certificateType != tr("Private Key"))
        add(tr("Subject Alternative Name"), joinNames(subjectAltNames));
    add(tr("Public Key Algorithm"), publicKeyAlgorithm);
    add(tr("Public Key Length"), QString::number(publicKeyLength));
    add(tr("Public Key"), publicKeyHex);
    if (!fingerprintSha1.isEmpty()) {
        add(tr("Fingerprint"), fingerprintSha1);
        add(tr("Fingerprint (SHA-256)"), fingerprintSha256);
    }
    add(tr("Public Key (SHA-256)"), publicKeySha256);
    if (!keyUsage.isEmpty())
        add(tr("Key Usage"), keyUsage.join(QStringLiteral(", ")));
    if (!extendedKeyUsage.isEmpty())
        add(tr("Extended Key Usage"), extendedKeyUsage.join(QStringLiteral(", ")));
    if (basicConstraintsCa)
        add(tr("Basic Constraints"), *basicConstraintsCa ? tr("CA") : tr("not a CA"));
    if (signatureValid)
        add(tr("Signature"), *signatureValid ? tr("valid") : tr("INVALID"));
    return lines;
}

} // namespace certdesk::crypto
