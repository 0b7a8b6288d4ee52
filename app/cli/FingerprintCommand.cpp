#include "app/cli/FingerprintCommand.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("FingerprintCommand", text);
}
} // namespace

FingerprintCommand::FingerprintCommand()
    : m_passphrase(QString(), tr("passphrase of an encrypted key or PKCS#12 file"))
    , m_sha1(QStringLiteral("sha1"), tr("Also print the SHA-1 fingerprint the Admin Portal shows."))
    , m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString FingerprintCommand::summary() const
{
    return tr("Print the SHA-256 fingerprint of each certificate in FILE (as openssl x509 "
              "-fingerprint -sha256 does), and the public key SHA-256 of CSRs and keys.");
}

void FingerprintCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("Certificate, CSR, key or PKCS#12 file."));
    m_passphrase.addTo(parser);
    parser.addOption(m_sha1);
    parser.addOption(m_json);
}

Status FingerprintCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1)
        return Error::usage(tr("Give exactly one file."));
    const QString path = parser.positionalArguments().constFirst();
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();
    auto file = crypto::CryptoFile::load(path, PassphraseOption::pointer(*passphrase));
    if (!file)
        return file.error();

    QJsonArray json;
    for (const crypto::Certificate& c : crypto::orderChain(file->certificates)) {
        const QString sha256 = crypto::colonHex(c.sha256Fingerprint());
        const QString sha1 = crypto::colonHex(c.sha1Fingerprint());
        json.append(QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("certificate")},
            {QStringLiteral("commonName"), c.subjectCommonName()},
            {QStringLiteral("fingerprintSha256"), sha256},
            {QStringLiteral("fingerprintSha1"), sha1},
            {QStringLiteral("publicKeySha256"), crypto::colonHex(c.publicKey().sha256())}});
        if (!parser.isSet(m_json)) {
            out(QStringLiteral("SHA256 Fingerprint=%1  CN=%2").arg(sha256, c.subjectCommonName()));
            if (parser.isSet(m_sha1))
                out(QStringLiteral("SHA1 Fingerprint=%1").arg(sha1));
        }
    }
    const auto addKey = [&](const QString& kind, const crypto::PublicKey& key) {
        const QString sha = crypto::colonHex(key.sha256());
        json.append(
            QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("publicKeySha256"), sha}});
        if (!parser.isSet(m_json))
            out(QStringLiteral("Public key SHA256=%1  (%2)").arg(sha, kind));
    };
    for (const crypto::CertificateRequest& r : file->requests)
        addKey(QStringLiteral("request"), r.publicKey());
    if (file->key)
        addKey(QStringLiteral("privateKey"), file->key->publicKey());
    if (parser.isSet(m_json))
        out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)).trimmed());
    return {};
}

} // namespace certdesk::cli
