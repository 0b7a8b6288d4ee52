#include "core/policy/OsbizV3Profile.h"

#include "core/policy/CheckSubject.h"
#include "core/policy/SignatureHash.h"

#include <algorithm>
#include <iterator>

namespace certdesk::policy {

QString OsbizV3Profile::id() const
{
    return QStringLiteral("osbiz-v3");
}

QString OsbizV3Profile::title() const
{
    return tr("OpenScape Business V3: what the PBX accepts");
}

QString OsbizV3Profile::reference() const
{
    return tr("OpenScape Business V3 SSL whitepaper, section 2.1 (SSL format requirements)");
}

bool OsbizV3Profile::isAcceptedFileFormat(const QString& format)
{
    QString f = format.trimmed().toLower();
    f.remove(QLatin1Char('#'));
    f.remove(QLatin1Char('-'));
    f.remove(QLatin1Char(' '));
    if (f.startsWith(QLatin1Char('.')))
        f.remove(0, 1);
    return f == QLatin1String("pkcs12") || f == QLatin1String("p12") || f == QLatin1String("pfx") ||
           f == QLatin1String("pem");
}

QList<Finding> OsbizV3Profile::check(const CheckSubject& subject) const
{
    const crypto::CertificateDetails d = subject.details();
    const QString pbx = tr("OpenScape Business itself: the Admin Portal refuses to import or "
                           "activate a certificate that breaks this rule, and every client "
                           "behind it keeps the old certificate");
    const QString newRsaKey =
        tr("Generate a new CSR with a 2048-bit RSA key (certdesk-cli csr, which uses RSA 2048 "
           "by default, or Admin Portal → Server Certificates → Generate CSR with Public Key "
           "Length 2048) and have the CA issue the certificate again for that request. "
           "Re-issuing for the old key is not enough.");
    QList<Finding> out;

    if (d.version != 3) {
        out << finding(Severity::Error, QStringLiteral("osbiz.x509-version"),
                       tr("The certificate is X.509 version %1. OpenScape Business requires an "
                          "X.509 version 3 server certificate.")
                           .arg(d.version),
                       tr("Issue the certificate again as version 3: every current CA, the "
                          "Admin Portal and certdesk-cli do. Version 1 certificates come from "
                          "old tools that also leave out the Subject Alternative Name."),
                       pbx);
    }

    if (d.publicKeyAlgorithm != QLatin1String("RSA")) {
        out << finding(
            Severity::Error, QStringLiteral("osbiz.key-algorithm"),
            tr("The certificate's key is of type %1. The OSBiz PBX accepts only RSA "
               "2048-bit keys.")
                .arg(d.publicKeyAlgorithm.isEmpty() ? tr("unknown") : d.publicKeyAlgorithm),
            newRsaKey, pbx);
    } else if (d.publicKeyLength != requiredRsaBits) {
        out << finding(Severity::Error, QStringLiteral("osbiz.key-length"),
                       tr("The certificate's RSA key is %1 bits long. The OSBiz PBX accepts "
                          "only RSA 2048-bit keys.")
                           .arg(d.publicKeyLength),
                       newRsaKey, pbx);
    }

    static const QLatin1String accepted[] = {QLatin1String("sha256RSA"), QLatin1String("sha384RSA"),
                                             QLatin1String("sha512RSA")};
    if (std::find(std::begin(accepted), std::end(accepted), d.signatureAlgorithm) ==
        std::end(accepted)) {
        const SignatureHash hash = SignatureHash::of(d);
        QString why;
        if (hash.isBroken())
            why = tr("%1 uses a hash that is no longer considered safe.").arg(d.signatureAlgorithm);
        else if (d.signatureAlgorithm.contains(QLatin1String("ECDSA")))
            why = tr("The issuer signed it with an EC key (ECDSA).");
        out << finding(Severity::Error, QStringLiteral("osbiz.signature-algorithm"),
                       tr("The certificate is signed with %1. The OSBiz PBX accepts only "
                          "sha256RSA, sha384RSA and sha512RSA signatures.")
                               .arg(d.signatureAlgorithm) +
                           (why.isEmpty() ? QString() : QLatin1Char(' ') + why),
                       tr("Have the certificate issued again with an RSA signature using "
                          "SHA-256 (sha256RSA; sha384RSA or sha512RSA also work): choose that "
                          "signature at your CA, or for a self-signed or own-CA certificate "
                          "generate it again with Type of Signature Algorithm sha256RSA "
                          "(certdesk-cli --sig sha256)."),
                       pbx);
    }

    if (subject.passphrase) {
        const qsizetype n = subject.passphrase->characterCount();
        if (n < minPassphraseCharacters || n > maxPassphraseCharacters) {
            const QString count = n == 0   ? tr("The passphrase is empty.")
                                  : n == 1 ? tr("The passphrase has 1 character.")
                                           : tr("The passphrase has %n characters.", nullptr,
                                                static_cast<int>(qMin<qsizetype>(n, 1000000)));
            out << finding(Severity::Error, QStringLiteral("osbiz.passphrase-length"),
                           count + QLatin1Char(' ') +
                               tr("The Admin Portal accepts passphrases of 7 to 32 characters "
                                  "for PKCS#12 files and key imports."),
                           tr("Export the file again with a passphrase of 7 to 32 characters "
                              "(certdesk-cli convert … --out-passphrase-file FILE)."),
                           pbx);
        }
    }

    if (!subject.fileFormat.isEmpty() && !isAcceptedFileFormat(subject.fileFormat)) {
        out << finding(
            Severity::Error, QStringLiteral("osbiz.file-format"),
            tr("The file is in %1 format. The Admin Portal imports only PKCS#12 files (.p12) "
               "or a PEM certificate (.crt/.cer) with its PEM key (.key).")
                .arg(subject.fileFormat),
            tr("Convert it: certdesk-cli convert FILE --to p12 puts certificate and "
               "key in one passphrase-protected PKCS#12 file; --to pem writes PEM."),
            pbx);
    }

    if (subject.key && !subject.key->isNull() && !subject.certificate.matches(*subject.key)) {
        out << finding(Severity::Error, QStringLiteral("osbiz.key-mismatch"),
                       tr("The private key does not belong to this certificate: their public "
                          "keys differ. The PBX cannot serve a certificate without its own "
                          "key."),
                       tr("Use the key that was generated together with the CSR for this "
                          "certificate (key_csr.pem from Generate CSR, or the key CertDesk "
                          "wrote), or request a new certificate for this key. certdesk-cli "
                          "match KEY CERT shows which files belong together."),
                       pbx);
    }

    if (d.basicConstraintsCa.value_or(false)) {
        out << finding(Severity::Warning, QStringLiteral("osbiz.not-server-certificate"),
                       tr("This is a CA certificate (basicConstraints CA:TRUE), not a TLS "
                          "server certificate. OpenScape Business needs the server certificate "
                          "the CA issued."),
                       tr("Import and activate the server certificate (the .p12 or .crt the "
                          "CA issued for the PBX's name); keep the CA certificate for "
                          "installing on the clients."),
                       pbx);
    }
    return out;
}

} // namespace certdesk::policy
