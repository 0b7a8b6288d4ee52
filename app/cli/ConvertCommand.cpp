#include "app/cli/ConvertCommand.h"

#include "core/crypto/AdminPortalFiles.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/io/SecureFileWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace certdesk::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ConvertCommand", text);
}

} // namespace

ConvertCommand::ConvertCommand()
    : m_to(QStringLiteral("to"),
           tr("Output format: pem, der, p12 (modern: AES-256, PBKDF2, SHA-256 MAC) or p12-compat "
              "(3DES, SHA-1 MAC, for older appliances and Windows)."),
           QStringLiteral("FORMAT"))
    , m_out(QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE"))
    , m_split(QStringLiteral("split"),
              tr("Split the input (e.g. a PKCS#12) into NAME.crt (certificate and chain) and "
                 "NAME.key, written into --out-dir."))
    , m_name(QStringLiteral("name"), tr("Base name for --split (default: the input's name)."),
             QStringLiteral("NAME"))
    , m_key(QStringLiteral("key"), tr("Private key to join with the certificate (for p12)."),
            QStringLiteral("FILE"))
    , m_inPassphrase(QString(), tr("passphrase of the input file"))
    , m_keyPassphrase(QStringLiteral("key-"), tr("passphrase of the --key file"))
    , m_outPassphrase(QStringLiteral("out-"),
                      tr("passphrase for the written PKCS#12 or key (7-32 characters)"))
    , m_noEncrypt(QStringLiteral("no-encrypt-key"),
                  tr("Write a private key unencrypted (only if you must; keep it safe)."))
    , m_force(QStringLiteral("force"), tr("Replace files that already exist."))
{
}

QString ConvertCommand::summary() const
{
    return tr("Convert between PEM, DER and PKCS#12: --to pem|der|p12|p12-compat --out FILE, or "
              "--split a PKCS#12 into certificate and key, or join a certificate with --key into "
              "a PKCS#12.");
}

void ConvertCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The input file."));
    parser.addOption(m_to);
    parser.addOption(m_out);
    parser.addOption(m_split);
    parser.addOption(m_name);
    parser.addOption(QCommandLineOption(QStringLiteral("out-dir"),
                                        tr("Folder for --split (default: current folder)."),
                                        QStringLiteral("DIR")));
    parser.addOption(m_key);
    m_inPassphrase.addTo(parser);
    m_keyPassphrase.addTo(parser);
    m_outPassphrase.addTo(parser);
    parser.addOption(m_noEncrypt);
    parser.addOption(m_force);
}

Status ConvertCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1)
        return Error::usage(tr("Give exactly one input file."));
    const QString input = parser.positionalArguments().constFirst();
    const bool split = parser.isSet(m_split);
    if (split == parser.isSet(m_to))
        return Error::usage(tr("Give either --to FORMAT with --out FILE, or --split."));
    if (!split && !parser.isSet(m_out))
        return Error::usage(tr("Give the file to write with --out FILE."));
    if (parser.isSet(m_noEncrypt) && m_outPassphrase.isSet(parser))
        return Error::usage(tr("Give either --out-passphrase-file/--out-passphrase-env or "
                               "--no-encrypt-key, not both."));

    const QString to = split ? QStringLiteral("split") : parser.value(m_to).toLower();
    const bool toP12 = to == QLatin1String("p12") || to == QLatin1String("p12-compat");
    if (!split && !toP12 && to != QLatin1String("pem") && to != QLatin1String("der"))
        return Error::usage(tr("--to takes pem, der, p12 or p12-compat."));

    auto inPassphrase = m_inPassphrase.read(parser);
    if (!inPassphrase)
        return inPassphrase.error();
    auto outPassphrase = m_outPassphrase.read(parser);
    if (!outPassphrase)
        return outPassphrase.error();
    if (*outPassphrase) {
        if (Status s = crypto::checkPkcs12Passphrase(**outPassphrase); !s)
            return Error::usage(s.error().message);
    }

    auto file = crypto::CryptoFile::load(input, PassphraseOption::pointer(*inPassphrase));
    if (!file)
        return file.error();
    if (parser.isSet(m_key)) {
        if (file->key)
            return Error::usage(tr("%1 already holds a private key; drop --key.").arg(input));
        auto keyPassphrase = m_keyPassphrase.read(parser);
        if (!keyPassphrase)
            return keyPassphrase.error();
        auto keyFile = crypto::CryptoFile::load(parser.value(m_key),
                                                PassphraseOption::pointer(*keyPassphrase));
        if (!keyFile)
            return keyFile.error();
        if (!keyFile->key)
            return Error::failure(tr("%1 holds no private key.").arg(parser.value(m_key)));
        file->key = keyFile->key;
    }
    const QList<crypto::Certificate> chain = crypto::orderChain(file->certificates);

    // A key that is written needs a passphrase unless unencrypted output was asked for.
    const auto encodeKey = [&](bool der) -> Result<QByteArray> {
        if (parser.isSet(m_noEncrypt)) {
            auto plain = der ? file->key->toUnencryptedDer() : file->key->toUnencryptedPem();
            if (!plain)
                return plain.error();
            return plain->view().toByteArray();
        }
        if (!*outPassphrase)
            return Error::usage(tr("The private key is written encrypted: give "
                                   "--out-passphrase-file FILE or --out-passphrase-env VAR, or "
                                   "--no-encrypt-key."));
        return der ? file->key->toEncryptedDer(**outPassphrase)
                   : file->key->toEncryptedPem(**outPassphrase);
    };

    io::SecureFileWriter writer;
    writer.setOverwrite(parser.isSet(m_force));
    QStringList written;

    if (split) {
        if (chain.isEmpty() || !file->key)
            return Error::failure(tr("--split needs a file with a certificate and its private key "
                                     "(e.g. a PKCS#12); %1 has %2 certificate(s) and %3.")
                                      .arg(input)
                                      .arg(chain.size())
                                      .arg(file->key ? tr("a key") : tr("no key")));
        auto name = OutputOptions::checkedName(
            parser.isSet(m_name) ? parser.value(m_name) : QFileInfo(input).completeBaseName());
        if (!name)
            return name.error();
        const QString dir = parser.isSet(QStringLiteral("out-dir"))
                                ? parser.value(QStringLiteral("out-dir"))
                                : QDir::currentPath();
        if (!QFileInfo(dir).isDir())
            return Error::usage(
                tr("The output folder %1 does not exist. Create it first.").arg(dir));
        QByteArray certs;
        for (const crypto::Certificate& c : chain)
            certs += c.toPem();
        auto key = encodeKey(false);
        if (!key)
            return key.error();
        const QString certPath = QDir(dir).filePath(crypto::AdminPortalFiles::certificate(*name));
        const QString keyPath = QDir(dir).filePath(crypto::AdminPortalFiles::key(*name));
        writer.add(certPath, certs);
        writer.add(keyPath, *key);
        written << certPath << keyPath;
    } else {
        const QString outPath = parser.value(m_out);
        QByteArray bytes;
        if (toP12) {
            if (chain.isEmpty() || !file->key)
                return Error::failure(tr("A PKCS#12 file needs a certificate and its private key: "
                                         "give the key with --key FILE."));
            if (!*outPassphrase)
                return Error::usage(tr("The PKCS#12 file needs a passphrase: give "
                                       "--out-passphrase-file FILE or --out-passphrase-env VAR."));
            crypto::Pkcs12Bundle bundle;
            bundle.key = *file->key;
            bundle.certificate = chain.first();
            bundle.chain = chain.mid(1);
            bundle.friendlyName = chain.first().subjectCommonName();
            auto p12 = bundle.write(**outPassphrase, to == QLatin1String("p12")
                                                         ? crypto::Pkcs12Format::Modern
                                                         : crypto::Pkcs12Format::Compat);
            if (!p12)
                return p12.error();
            bytes = *p12;
        } else if (to == QLatin1String("pem")) {
            for (const crypto::Certificate& c : chain)
                bytes += c.toPem();
            for (const crypto::CertificateRequest& r : file->requests)
                bytes += r.toPem();
            if (file->key) {
                if (!chain.isEmpty() && !parser.isSet(m_noEncrypt) && !*outPassphrase) {
                    warn(tr("Note: the private key is left out; add --out-passphrase-file (or "
                            "use --split) to write it."));
                } else {
                    auto key = encodeKey(false);
                    if (!key)
                        return key.error();
                    bytes += *key;
                }
            }
        } else { // der: one object per file
            const int objects =
                int(!chain.isEmpty()) + int(!file->requests.isEmpty()) + int(file->key.has_value());
            if (objects > 1 || chain.size() > 1)
                return Error::usage(tr("DER holds a single object but %1 holds several. Use "
                                       "--split or --to pem, or convert the parts one by one.")
                                        .arg(input));
            if (!chain.isEmpty()) {
                bytes = chain.first().toDer();
            } else if (!file->requests.isEmpty()) {
                bytes = file->requests.first().toDer();
            } else if (file->key) {
                auto key = encodeKey(true);
                if (!key)
                    return key.error();
                bytes = *key;
            }
        }
        if (bytes.isEmpty())
            return Error::failure(tr("Nothing to convert in %1.").arg(input));
        writer.add(outPath, bytes);
        written << outPath;
    }

    if (Status s = writer.commit(); !s)
        return s;
    for (const QString& path : written)
        out(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

} // namespace certdesk::cli
