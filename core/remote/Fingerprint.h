#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

class QSslCertificate;

namespace certdesk::remote {

// SHA-256 fingerprints as technicians see and type them.
class Fingerprint
{
public:
    // SHA-256 over the certificate's DER: what browsers and `openssl x509 -fingerprint
    // -sha256` show.
    static QByteArray ofCertificate(const QSslCertificate& certificate);
    // SHA-256 over the certificate's SubjectPublicKeyInfo (the public-key pin); empty if the
    // certificate cannot be read.
    static QByteArray ofPublicKey(const QSslCertificate& certificate);

    // Accepts "AB:CD:…", "abcd…", with spaces, and an optional "SHA256:"/"sha256 Fingerprint="
    // prefix as openssl prints it. A usage error unless it is 32 bytes of hex.
    static Result<QByteArray> parse(const QString& text);
    // "AB:CD:…" (upper case, colon-separated), the form the Admin Portal and CertDesk show.
    static QString format(const QByteArray& sha256);
};

} // namespace certdesk::remote
