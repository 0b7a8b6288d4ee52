#include "core/remote/Fingerprint.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateDetails.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSslCertificate>

namespace certdesk::remote {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("Fingerprint", text);
}
} // namespace

QByteArray Fingerprint::ofCertificate(const QSslCertificate& certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

QByteArray Fingerprint::ofPublicKey(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    // core/crypto hashes the SubjectPublicKeyInfo exactly as the store does for its entries,
    // so a key pin and a store entry's publicKeySha256 compare directly.
    auto parsed = crypto::Certificate::fromDer(certificate.toDer());
    if (!parsed)
        return {};
    return parsed->publicKey().sha256();
}

Result<QByteArray> Fingerprint::parse(const QString& text)
{
    QString t = text.trimmed();
    const qsizetype eq = t.lastIndexOf(QLatin1Char('='));
    if (eq >= 0)
        t = t.mid(eq + 1); // "sha256 Fingerprint=AB:CD…"
    if (t.startsWith(QLatin1String("sha256:"), Qt::CaseInsensitive))
        t = t.mid(7);
    QString hex;
    for (const QChar c : t) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        hex += c;
    }
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    bool allHex = !hex.isEmpty();
    for (const QChar c : hex)
        allHex = allHex && c.isLetterOrNumber() && c.toLower() <= QLatin1Char('f');
    if (!allHex || hex.size() != 64 || bytes.size() != 32)
        return Error::usage(
            tr("\"%1\" is not a SHA-256 fingerprint: expected 32 bytes in hex, like "
               "AB:CD:…:EF (64 hex digits).")
                .arg(text));
    return bytes;
}

QString Fingerprint::format(const QByteArray& sha256)
{
    return crypto::colonHex(sha256);
}

} // namespace certdesk::remote
