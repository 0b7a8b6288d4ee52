#include "core/remote/UploadBundle.h"

#include <QRandomGenerator>

namespace certdesk::remote {

crypto::SecretBytes UploadBundle::randomPassphrase(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr quint32 size = sizeof(alphabet) - 1;
    std::string text(static_cast<size_t>(length), '\0');
    QRandomGenerator* rng = QRandomGenerator::system();
    for (char& c : text)
        c = alphabet[rng->bounded(size)];
    crypto::SecretBytes secret(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
    std::fill(text.begin(), text.end(), '\0');
    return secret;
}

QString UploadBundle::formName(Form form)
{
    return form == Form::Pkcs12 ? QStringLiteral("p12") : QStringLiteral("pem");
}

std::optional<UploadBundle::Form> UploadBundle::parseForm(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("p12") || t == QLatin1String("pkcs12"))
        return Form::Pkcs12;
    if (t == QLatin1String("pem"))
        return Form::Pem;
    return std::nullopt;
}

Result<UploadBundle> UploadBundle::make(const QString& name, const crypto::Certificate& certificate,
                                        const QList<crypto::Certificate>& chain,
                                        const crypto::PrivateKey& key, Form form,
                                        crypto::Pkcs12Format pkcs12Format,
                                        std::optional<crypto::SecretBytes> passphrase)
{
    if (certificate.isNull())
        return Error::failure(tr("There is no certificate to upload."));
    if (key.isNull())
        return Error::failure(
            tr("The certificate's private key is missing: the system cannot serve "
               "a certificate without it."));
    UploadBundle b;
    b.form = form;
    b.name = name;
    b.passphrase = passphrase ? std::move(*passphrase) : randomPassphrase();
    if (Status s = crypto::checkPkcs12Passphrase(b.passphrase); !s)
        return s.error();
    b.certificateSha256 = certificate.sha256Fingerprint();
    if (form == Form::Pkcs12) {
        crypto::Pkcs12Bundle p12;
        p12.key = key;
        p12.certificate = certificate;
        p12.chain = chain;
        p12.friendlyName = name;
        auto der = p12.write(b.passphrase, pkcs12Format);
        if (!der)
            return der.error();
        b.pkcs12 = *der;
    } else {
        b.certificatePem = certificate.toPem();
        for (const crypto::Certificate& ca : chain)
            b.certificatePem += ca.toPem();
        auto keyPem = key.toEncryptedPem(b.passphrase);
        if (!keyPem)
            return keyPem.error();
        b.keyPem = *keyPem;
    }
    return b;
}

} // namespace certdesk::remote
