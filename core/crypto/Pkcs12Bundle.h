#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::crypto {

// How a PKCS#12 file is protected when written. Chosen per export: many appliances and
// older Windows cannot read the modern form.
enum class Pkcs12Format {
    Modern, // AES-256-CBC with PBKDF2 (HMAC-SHA256), SHA-256 MAC
    Compat, // pbeWithSHA1And3-KeyTripleDES-CBC for key and certificates, SHA-1 MAC
};

std::optional<Pkcs12Format> parsePkcs12Format(const QString& text);
QString pkcs12FormatName(Pkcs12Format format);

// A key, its certificate and the chain above it, as in a .p12/.pfx file.
struct Pkcs12Bundle
{
    PrivateKey key;
    Certificate certificate;
    QList<Certificate> chain; // issuer first, root last
    QString friendlyName;

    // Reads modern and legacy files (RC2-40, 3DES, SHA-1 MAC); legacy algorithms are enabled
    // for reading only.
    static Result<Pkcs12Bundle> read(QByteArrayView der, const SecretBytes& passphrase);
    Result<QByteArray> write(const SecretBytes& passphrase, Pkcs12Format format) const;
};

// Passphrase rule of the Admin Portal for PKCS#12 and imports: 7 to 32 characters.
Status checkPkcs12Passphrase(const SecretBytes& passphrase);

} // namespace certdesk::crypto
