#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::policy {

// What a compliance check looks at: the server certificate and, where known, what comes with
// it. Everything but the certificate is optional; rules about a missing part are skipped.
struct CheckSubject
{
    crypto::Certificate certificate;       // the leaf: the server certificate the PBX will serve
    QList<crypto::Certificate> chain;      // its issuing CA certificates (leaf excluded), any order
    std::optional<crypto::PrivateKey> key; // the key that goes with it (import, bundle)
    std::optional<crypto::SecretBytes> passphrase; // the PKCS#12 / key import passphrase
    // The container the certificate comes in, as a file would be uploaded: "PKCS#12", "PEM",
    // "DER", "PKCS#7" (CryptoFile::containerName()); empty when it is not about a file.
    QString fileFormat;
    // Does the certificate chain to a root that browsers and operating systems ship (a public
    // CA, Let's Encrypt)? false: issued by the technician's own CA; nullopt: not known.
    std::optional<bool> publiclyTrusted;
    // The moment to judge expiry against; tests pin it.
    QDateTime now = QDateTime::currentDateTimeUtc();

    // The certificate's details as of `now`.
    crypto::CertificateDetails details() const;
};

} // namespace certdesk::policy
