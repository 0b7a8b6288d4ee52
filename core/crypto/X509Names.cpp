#include "core/crypto/X509Names.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QtEndian>

namespace certdesk::crypto::x509names {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("X509Names", text);
}

bool addEntry(X509_NAME* name, int nid, const QString& value)
{
    if (value.isEmpty())
        return true;
    const QByteArray utf8 = value.toUtf8();
    // Country must be PrintableString; MBSTRING_UTF8 lets OpenSSL pick the type its mask allows.
    return X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(utf8.constData()),
                                      static_cast<int>(utf8.size()), -1, 0) == 1;
}

QString entry(const X509_NAME* name, int nid)
{
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0)
        return {};
    return ossl::asn1StringToQString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx)));
}

} // namespace

Result<ossl::X509NamePtr> toX509Name(const DistinguishedName& dn)
{
    ossl::X509NamePtr name(X509_NAME_new());
    // The usual order from the most general to the most specific.
    const bool ok = name && addEntry(name.get(), NID_countryName, dn.country) &&
                    addEntry(name.get(), NID_stateOrProvinceName, dn.state) &&
                    addEntry(name.get(), NID_localityName, dn.locality) &&
                    addEntry(name.get(), NID_organizationName, dn.organization) &&
                    addEntry(name.get(), NID_organizationalUnitName, dn.organizationalUnit) &&
                    addEntry(name.get(), NID_commonName, dn.commonName) &&
                    addEntry(name.get(), NID_pkcs9_emailAddress, dn.email);
    if (!ok)
        return ossl::failure(tr("The subject name cannot be encoded"));
    return name;
}

DistinguishedName toDistinguishedName(const X509_NAME* name)
{
    DistinguishedName dn;
    if (!name)
        return dn;
    dn.country = entry(name, NID_countryName);
    dn.state = entry(name, NID_stateOrProvinceName);
    dn.locality = entry(name, NID_localityName);
    dn.organization = entry(name, NID_organizationName);
    dn.organizationalUnit = entry(name, NID_organizationalUnitName);
    dn.commonName = entry(name, NID_commonName);
    dn.email = entry(name, NID_pkcs9_emailAddress);
    return dn;
}

Result<ossl::GeneralNamePtr> toGeneralName(const GeneralName& name)
{
    if (Status s = name.validate(); !s)
        return s.error();
    ossl::GeneralNamePtr gen(GENERAL_NAME_new());
    if (!gen)
        return ossl::failure(tr("Out of memory"));
    if (name.kind == GeneralName::Kind::Ip) {
        const QHostAddress address(name.value);
        QByteArray raw;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 v4 = address.toIPv4Address();
            raw = QByteArray(4, Qt::Uninitialized);
            for (int i = 0; i < 4; ++i)
                raw[i] = static_cast<char>((v4 >> (24 - 8 * i)) & 0xFF);
        } else {
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            raw = QByteArray(reinterpret_cast<const char*>(v6.c), 16);
        }
        ASN1_OCTET_STRING* ip = ASN1_OCTET_STRING_new();
        if (!ip ||
            ASN1_OCTET_STRING_set(ip, reinterpret_cast<const unsigned char*>(raw.constData()),
                                  static_cast<int>(raw.size())) != 1) {
            ASN1_OCTET_STRING_free(ip);
            return ossl::failure(tr("Out of memory"));
        }
        GENERAL_NAME_set0_value(gen.get(), GEN_IPADD, ip);
        return gen;
    }
    int type = GEN_DNS;
    if (name.kind == GeneralName::Kind::Email)
        type = GEN_EMAIL;
    else if (name.kind == GeneralName::Kind::Uri)
        type = GEN_URI;
    // DNS names, e-mail addresses and URIs are IA5String (ASCII); validate() ensured that.
    ASN1_IA5STRING* ia5 = ASN1_IA5STRING_new();
    const QByteArray ascii = name.value.toLatin1();
    if (!ia5 || ASN1_STRING_set(ia5, ascii.constData(), static_cast<int>(ascii.size())) != 1) {
        ASN1_IA5STRING_free(ia5);
        return ossl::failure(tr("Out of memory"));
    }
    GENERAL_NAME_set0_value(gen.get(), type, ia5);
    return gen;
}

Result<ossl::GeneralNamesPtr> toGeneralNames(const QList<GeneralName>& names)
{
    ossl::GeneralNamesPtr out(GENERAL_NAMES_new());
    if (!out)
        return ossl::failure(tr("Out of memory"));
    for (const GeneralName& name : names) {
        auto gen = toGeneralName(name);
        if (!gen)
            return gen.error();
        if (sk_GENERAL_NAME_push(out.get(), gen->get()) <= 0)
            return ossl::failure(tr("Out of memory"));
        gen->release();
    }
    return out;
}

QList<GeneralName> toGeneralNames(const GENERAL_NAMES* names)
{
    QList<GeneralName> out;
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME* gen = sk_GENERAL_NAME_value(names, i);
        int type = 0;
        const void* value = GENERAL_NAME_get0_value(gen, &type);
        GeneralName name;
        switch (type) {
        case GEN_DNS:
            name.kind = GeneralName::Kind::Dns;
            name.value = ossl::asn1StringToQString(static_cast<const ASN1_STRING*>(value));
            break;
        case GEN_EMAIL:
            name.kind = GeneralName::Kind::Email;
            name.value = ossl::asn1StringToQString(static_cast<const ASN1_STRING*>(value));
            break;
        case GEN_URI:
            name.kind = GeneralName::Kind::Uri;
            name.value = ossl::asn1StringToQString(static_cast<const ASN1_STRING*>(value));
            break;
        case GEN_IPADD: {
            const auto* ip = static_cast<const ASN1_OCTET_STRING*>(value);
            const QByteArray raw(reinterpret_cast<const char*>(ASN1_STRING_get0_data(ip)),
                                 ASN1_STRING_length(ip));
            name.kind = GeneralName::Kind::Ip;
            if (raw.size() == 4) {
                name.value = QHostAddress(qFromBigEndian<quint32>(raw.constData())).toString();
            } else if (raw.size() == 16) {
                Q_IPV6ADDR v6;
                memcpy(v6.c, raw.constData(), 16);
                name.value = QHostAddress(v6).toString();
            } else {
                continue;
            }
            break;
        }
        default:
            continue; // other name forms are not shown by the Admin Portal
        }
        out << name;
    }
    return out;
}

} // namespace certdesk::crypto::x509names
