#include "core/crypto/OpenSslUtil.h"

#include <QTimeZone>

#include <openssl/err.h>

namespace certdesk::crypto::ossl {

BioPtr memoryBio(QByteArrayView data)
{
    return BioPtr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

BioPtr newMemoryBio()
{
    return BioPtr(BIO_new(BIO_s_mem()));
}

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

QString takeErrors()
{
    QStringList reasons;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        const char* reason = ERR_reason_error_string(code);
        const QString text =
            reason ? QString::fromLatin1(reason) : QStringLiteral("error %1").arg(code, 0, 16);
        if (!reasons.contains(text))
            reasons << text;
    }
    return reasons.join(QStringLiteral("; "));
}

void clearErrors()
{
    ERR_clear_error();
}

int lastErrorReason()
{
    return ERR_GET_REASON(ERR_peek_last_error());
}

Error failure(const QString& context)
{
    const QString reasons = takeErrors();
    if (reasons.isEmpty())
        return Error::failure(context);
    return Error::failure(QStringLiteral("%1 (OpenSSL: %2)").arg(context, reasons));
}

QByteArray digest(const EVP_MD* md, QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), out, &len, md, nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(len));
}

const EVP_MD* messageDigest(SignatureDigest digest)
{
    switch (digest) {
    case SignatureDigest::Sha256:
        return EVP_sha256();
    case SignatureDigest::Sha384:
        return EVP_sha384();
    case SignatureDigest::Sha512:
        return EVP_sha512();
    }
    return EVP_sha256();
}

QString asn1StringToQString(const ASN1_STRING* s)
{
    if (!s)
        return {};
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, s);
    if (len < 0)
        return {};
    QString text = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return text;
}

QDateTime asn1TimeToDateTime(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), QTimeZone::utc());
}

} // namespace certdesk::crypto::ossl
