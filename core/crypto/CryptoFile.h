#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::crypto {

// Everything found in one file: PEM bundles (any mix, any order), DER certificates, requests
// and keys, PKCS#7 (.p7b) chains and PKCS#12 (.p12/.pfx).
struct CryptoFile
{
    enum class Container { Pem, Der, Pkcs7, Pkcs12 };

    Container container = Container::Pem;
    QList<Certificate> certificates; // as found; orderChain() for a chain
    QList<CertificateRequest> requests;
    std::optional<PrivateKey> key;
    bool keyWasEncrypted = false;

    // `passphrase` opens encrypted keys and PKCS#12 files; without one such files fail with
    // a message asking for it.
    static Result<CryptoFile> parse(QByteArrayView data, const SecretBytes* passphrase = nullptr);
    static Result<CryptoFile> load(const QString& path, const SecretBytes* passphrase = nullptr);

    QString containerName() const;
    bool isEmpty() const;
};

} // namespace certdesk::crypto
