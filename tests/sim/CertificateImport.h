#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace certdesk::sim {

// What "Import Server Certificate" checks on the real system, as far as the SSL whitepaper
// tells: passphrase of 7 to 32 characters, a file the passphrase opens, an RSA key of 2048
// bits, a sha256/384/512RSA signature and a key that belongs to the certificate. Each refusal
// is the error text the simulator sends back (the client shows it verbatim).
class CertificateImport
{
public:
    crypto::Certificate certificate;
    QList<crypto::Certificate> chain; // issuing CAs
    crypto::PrivateKey key;

    static Status checkName(const QString& name);
    static Status checkPassphrase(const crypto::SecretBytes& passphrase);
    static Result<CertificateImport> fromPkcs12(const QByteArray& der,
                                                const crypto::SecretBytes& passphrase);
    // A PEM certificate (optionally followed by its chain) and its key, encrypted with the
    // passphrase or not.
    static Result<CertificateImport> fromPem(const QByteArray& certificatePem,
                                             const QByteArray& keyPem,
                                             const crypto::SecretBytes& passphrase);

private:
    Status checkAcceptable() const;
};

} // namespace certdesk::sim
