#include "app/cli/MatchCommand.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("MatchCommand", text);
}
} // namespace

MatchCommand::MatchCommand()
    : m_passphrase(QString(), tr("passphrase of encrypted keys or PKCS#12 files among the inputs"))
{
}

QString MatchCommand::summary() const
{
    return tr("Check that keys, certificates and CSRs belong together (same public key). For a "
              "file with a chain, its leaf certificate counts. Exit 0 when all match, 1 when not.");
}

void MatchCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("Two or more key, certificate, CSR "
                                                            "or PKCS#12 files."));
    m_passphrase.addTo(parser);
}

Status MatchCommand::execute(const QCommandLineParser& parser)
{
    const QStringList files = parser.positionalArguments();
    if (files.size() < 2)
        return Error::usage(tr("Give at least two files to compare."));
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();

    struct Entry
    {
        QString label;
        crypto::PublicKey key;
    };
    QList<Entry> entries;
    for (const QString& path : files) {
        auto file = crypto::CryptoFile::load(path, PassphraseOption::pointer(*passphrase));
        if (!file)
            return file.error(); // names the file already
        const QList<crypto::Certificate> chain = crypto::orderChain(file->certificates);
        if (!chain.isEmpty())
            entries.append({tr("%1 (certificate)").arg(path), chain.first().publicKey()});
        for (const crypto::CertificateRequest& r : file->requests)
            entries.append({tr("%1 (CSR)").arg(path), r.publicKey()});
        if (file->key)
            entries.append({tr("%1 (private key)").arg(path), file->key->publicKey()});
    }

    const crypto::PublicKey& reference = entries.first().key;
    QStringList mismatched;
    for (const Entry& e : entries) {
        out(QStringLiteral("%1  %2").arg(crypto::colonHex(e.key.sha256()), e.label));
        if (!(e.key == reference))
            mismatched << e.label;
    }
    if (!mismatched.isEmpty())
        return Error::failure(
            tr("No match: %1 has a different public key than %2. The key does "
               "not belong to that certificate/request; find the matching "
               "file.")
                .arg(mismatched.join(QStringLiteral(", ")), entries.first().label));
    out(tr("All %1 share one public key: they match.").arg(entries.size()));
    return {};
}

} // namespace certdesk::cli
