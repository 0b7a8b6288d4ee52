#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::remote {

// A certificate with its key, packed the way "Import Server Certificate" takes it: a PKCS#12
// file, or a PEM certificate (with chain) and its PEM key encrypted with the passphrase.
struct UploadBundle
{
    Q_DECLARE_TR_FUNCTIONS(UploadBundle)

public:
    enum class Form { Pkcs12, Pem };

    Form form = Form::Pkcs12;
    QString name; // "Name of the Certificate" on the system
    crypto::SecretBytes passphrase;
    QByteArray pkcs12;
    QByteArray certificatePem;    // leaf then chain
    QByteArray keyPem;            // encrypted PKCS#8
    QByteArray certificateSha256; // raw, of the leaf

    static constexpr int passphraseLength = 32;

    // Without `passphrase` a fresh random one of 32 characters is made: nobody needs to know
    // it, since the system keeps the key after the import.
    static Result<UploadBundle> make(const QString& name, const crypto::Certificate& certificate,
                                     const QList<crypto::Certificate>& chain,
                                     const crypto::PrivateKey& key, Form form,
                                     crypto::Pkcs12Format pkcs12Format,
                                     std::optional<crypto::SecretBytes> passphrase = std::nullopt);
    // Letters and digits from the system's CSPRNG (no characters a form might mangle).
    static crypto::SecretBytes randomPassphrase(int length = passphraseLength);
    static QString formName(Form form); // "p12", "pem"
    static std::optional<Form> parseForm(const QString& text);
};

} // namespace certdesk::remote
