#include "core/crypto/SerialNumber.h"

#include "core/crypto/OpenSslUtil.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <openssl/rand.h>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SerialNumber", text);
}

// DER content octets of a positive INTEGER: a leading zero is needed when the top bit is set.
constexpr int kMaxSerialOctets = 20;

QByteArray minimal(QByteArray bytes)
{
    while (!bytes.isEmpty() && bytes.front() == '\0')
        bytes.remove(0, 1);
    return bytes;
}

} // namespace

Result<SerialNumber> SerialNumber::fromDecimal(const QString& decimal)
{
    const QString text = decimal.trimmed();
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (!digits.match(text).hasMatch())
        return Error::usage(tr("The serial number \"%1\" is not a decimal number. Use digits "
                               "only, e.g. 4356465.")
                                .arg(decimal));
    BIGNUM* bn = nullptr;
    const QByteArray latin = text.toLatin1();
    if (BN_dec2bn(&bn, latin.constData()) == 0 || !bn)
        return ossl::failure(tr("Cannot read the serial number"));
    ossl::BignumPtr holder(bn);
    if (BN_is_zero(bn))
        return Error::usage(tr("The serial number must be greater than 0."));
    const int octets = BN_num_bytes(bn) + (BN_num_bits(bn) % 8 == 0 ? 1 : 0);
    if (octets > kMaxSerialOctets)
        return Error::usage(tr("The serial number is too large: at most 20 bytes are allowed "
                               "(up to 48 decimal digits, below 2^159). Use a smaller number."));
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    SerialNumber s;
    s.m_bytes = bytes;
    return s;
}

SerialNumber SerialNumber::fromBigEndian(const QByteArray& bytes)
{
    SerialNumber s;
    s.m_bytes = minimal(bytes);
    return s;
}

SerialNumber SerialNumber::random()
{
    QByteArray bytes(kMaxSerialOctets, Qt::Uninitialized);
    do {
        if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), kMaxSerialOctets) != 1)
            qFatal("RAND_bytes failed: no entropy for serial numbers");
        bytes[0] = static_cast<char>(bytes[0] & 0x7F); // positive, fits 20 octets
    } while (minimal(bytes).isEmpty());
    return fromBigEndian(bytes);
}

QString SerialNumber::toDecimal() const
{
    if (m_bytes.isEmpty())
        return QStringLiteral("0");
    ossl::BignumPtr bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(m_bytes.constData()),
                                 static_cast<int>(m_bytes.size()), nullptr));
    char* dec = BN_bn2dec(bn.get());
    QString text = QString::fromLatin1(dec);
    OPENSSL_free(dec);
    return text;
}

QString SerialNumber::toHex() const
{
    QStringList parts;
    // As openssl prints it: a leading 00 when the top bit would otherwise read as negative.
    if (!m_bytes.isEmpty() && (static_cast<unsigned char>(m_bytes.front()) & 0x80))
        parts << QStringLiteral("00");
    for (const char c : m_bytes)
        parts << QStringLiteral("%1")
                     .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'))
                     .toUpper();
    if (parts.isEmpty())
        parts << QStringLiteral("00");
    return parts.join(QLatin1Char(':'));
}

} // namespace certdesk::crypto
