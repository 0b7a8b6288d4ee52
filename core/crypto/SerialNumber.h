#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace certdesk::crypto {

// A certificate serial number: positive, at most 20 octets DER-encoded (RFC 5280 4.1.2.2).
class SerialNumber
{
public:
    SerialNumber() = default;
    static Result<SerialNumber> fromDecimal(const QString& decimal);
    static SerialNumber fromBigEndian(const QByteArray& bytes);
    static SerialNumber random(); // 159 random bits, never zero

    bool isNull() const { return m_bytes.isEmpty(); }
    QByteArray bigEndian() const { return m_bytes; }
    QString toDecimal() const;
    QString toHex() const; // "07:5B:CD:15"

    bool operator==(const SerialNumber&) const = default;

private:
    QByteArray m_bytes; // minimal big-endian magnitude
};

} // namespace certdesk::crypto
