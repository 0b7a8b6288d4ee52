#include "app/cli/StoreEntryCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/io/SecureFileWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("StoreEntryCommand", text);
}
} // namespace

StoreEntryCommand::StoreEntryCommand(Action action)
    : m_action(action)
    , m_json(QStringLiteral("json"), tr("Print JSON."))
    , m_out(QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE"))
    , m_format(QStringLiteral("format"),
               tr("pem (certificate and chain, or the CSR; default), der (the certificate or CSR "
                  "alone), p12 (modern) or p12-compat (3DES, SHA-1 MAC) with the key."),
               QStringLiteral("FORMAT"), QStringLiteral("pem"))
    , m_keyOut(QStringLiteral("key-out"),
               tr("Also write the private key to FILE (encrypted with the passphrase, or "
                  "--no-encrypt-key)."),
               QStringLiteral("FILE"))
    , m_noEncrypt(QStringLiteral("no-encrypt-key"),
                  tr("Write the private key unencrypted (only if you must; keep it safe)."))
    , m_force(QStringLiteral("force"), tr("Replace files that already exist."))
    , m_passphrase(QString(),
                   tr("passphrase for the exported PKCS#12 file or key (7-32 characters)"))
{
}

QString StoreEntryCommand::name() const
{
    switch (m_action) {
    case Action::Show:
        return QStringLiteral("store show");
    case Action::Delete:
        return QStringLiteral("store delete");
    case Action::Rename:
        return QStringLiteral("store rename");
    case Action::Export:
        return QStringLiteral("store export");
    case Action::ImportSigned:
        return QStringLiteral("store import-signed");
    }
    return {};
}

QString StoreEntryCommand::summary() const
{
    switch (m_action) {
    case Action::Show:
        return tr("View Certificate: show a stored entry (with its SHA-256 fingerprint).");
    case Action::Delete:
        return tr("Delete Certificate: move an entry to the store's trash (kept 30 days).");
    case Action::Rename:
        return tr("Rename an entry.");
    case Action::Export:
        return tr("Export Certificate / CSR: write an entry as PEM, DER or PKCS#12.");
    case Action::ImportSigned:
        return tr("Import Updated Certificate / Certificate for CSR [X.509]: add the CA's answer "
                  "(PEM, DER or PKCS#7, with or without chain) to the entry whose key it "
                  "certifies. ENTRY '-' finds the entry by its key.");
    }
    return {};
}

QString StoreEntryCommand::positionalSyntax() const
{
    switch (m_action) {
    case Action::Rename:
        return QStringLiteral("OLD NEW");
    case Action::ImportSigned:
        return QStringLiteral("ENTRY FILE");
    default:
        return QStringLiteral("ENTRY");
    }
}

void StoreEntryCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(positionalSyntax(), tr("Entry name(s) or files."));
    if (m_action == Action::Show)
        parser.addOption(m_json);
    if (m_action == Action::Export) {
        parser.addOption(m_out);
        parser.addOption(m_format);
        parser.addOption(m_keyOut);
        parser.addOption(m_noEncrypt);
        parser.addOption(m_force);
        m_passphrase.addTo(parser);
    }
}

Status StoreEntryCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    const int expected = (m_action == Action::Rename || m_action == Action::ImportSigned) ? 2 : 1;
    if (args.size() != expected)
        return Error::usage(tr("Expected: certdesk-cli %1 %2").arg(name(), positionalSyntax()));

    switch (m_action) {
    case Action::Show:
        return show(args[0], parser);
    case Action::Export:
        return exportEntry(args[0], parser);
    case Action::ImportSigned:
        return importSigned(args[0], args[1]);
    case Action::Delete: {
        auto store = StoreAccess::open(false);
        if (!store)
            return store.error();
        if (Status s = store->remove(args[0]); !s)
            return s;
        out(tr("Moved \"%1\" to the store's trash; it is kept there for %2 days.")
                .arg(args[0])
                .arg(store::CertificateStore::trashDays));
        return {};
    }
    case Action::Rename: {
        auto store = StoreAccess::open(false);
        if (!store)
            return store.error();
        if (Status s = store->rename(args[0], args[1]); !s)
            return s;
        out(tr("Renamed \"%1\" to \"%2\".").arg(args[0], args[1]));
        return {};
    }
    }
    return {};
}

Status StoreEntryCommand::show(const QString& entryName, const QCommandLineParser& parser)
{
    auto store = StoreAccess::open(false);
    if (!store)
        return store.error();
    const auto entry = store->find(entryName);
    auto material = store->load(entryName, false);
    if (!material)
        return material.error();
    const crypto::CertificateDetails details =
        material->certificate.isNull() ? crypto::CertificateDetails::of(material->request)
                                       : crypto::CertificateDetails::of(material->certificate);
    if (parser.isSet(m_json)) {
        QJsonObject o = details.toJson();
        o.insert(QStringLiteral("name"), entry->name);
        o.insert(QStringLiteral("entryType"), store::entryTypeId(entry->type));
        o.insert(QStringLiteral("hasKey"), entry->hasKey);
        o.insert(QStringLiteral("chainLength"), material->chain.size());
        o.insert(QStringLiteral("created"), entry->created.toString(Qt::ISODate));
        o.insert(QStringLiteral("updated"), entry->updated.toString(Qt::ISODate));
        if (!entry->notes.isEmpty())
            o.insert(QStringLiteral("notes"), entry->notes);
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed());
        return {};
    }
    out(tr("Name of the Certificate: %1").arg(entry->name));
    for (const crypto::DetailLine& line : details.toLines())
        out(line.heading ? line.label : QStringLiteral("%1: %2").arg(line.label, line.value));
    for (const crypto::Certificate& c : material->chain)
        out(tr("Chain: %1 (SHA-256 %2)")
                .arg(c.subjectCommonName(), crypto::colonHex(c.sha256Fingerprint())));
    out(tr("Private key: %1").arg(entry->hasKey ? tr("stored, encrypted") : tr("none")));
    return {};
}

Status StoreEntryCommand::exportEntry(const QString& entryName, const QCommandLineParser& parser)
{
    if (!parser.isSet(m_out))
        return Error::usage(tr("Give the file to write with --out FILE."));
    const QString format = parser.value(m_format).toLower();
    const bool toP12 = format == QLatin1String("p12") || format == QLatin1String("p12-compat");
    if (!toP12 && format != QLatin1String("pem") && format != QLatin1String("der"))
        return Error::usage(tr("--format takes pem, der, p12 or p12-compat."));
    const bool needKey = toP12 || parser.isSet(m_keyOut);
    if (parser.isSet(m_noEncrypt) && (toP12 || m_passphrase.isSet(parser)))
        return Error::usage(tr("--no-encrypt-key goes only with --key-out and no passphrase."));

    std::optional<crypto::SecretBytes> passphrase;
    if (toP12 || (parser.isSet(m_keyOut) && !parser.isSet(m_noEncrypt))) {
        auto p =
            m_passphrase.require(parser, toP12 ? tr("The PKCS#12 file needs a passphrase")
                                               : tr("The exported key is encrypted and "
                                                    "needs a passphrase (or --no-encrypt-key)"));
        if (!p)
            return p.error();
        if (Status s = crypto::checkPkcs12Passphrase(*p); !s)
            return Error::usage(s.error().message);
        passphrase = std::move(*p);
    }

    auto store = StoreAccess::open(needKey);
    if (!store)
        return store.error();
    auto material = store->load(entryName, needKey);
    if (!material)
        return material.error();
    if (needKey && !material->key)
        return Error::failure(tr("\"%1\" has no private key to export.").arg(entryName));

    QByteArray bytes;
    if (toP12) {
        if (material->certificate.isNull())
            return Error::failure(tr("\"%1\" is a CSR without a certificate yet; import the CA's "
                                     "answer first (store import-signed).")
                                      .arg(entryName));
        crypto::Pkcs12Bundle bundle;
        bundle.key = *material->key;
        bundle.certificate = material->certificate;
        bundle.chain = material->chain;
        bundle.friendlyName = entryName;
        auto p12 = bundle.write(*passphrase, format == QLatin1String("p12")
                                                 ? crypto::Pkcs12Format::Modern
                                                 : crypto::Pkcs12Format::Compat);
        if (!p12)
            return p12.error();
        bytes = *p12;
    } else if (format == QLatin1String("der")) {
        bytes = material->certificate.isNull() ? material->request.toDer()
                                               : material->certificate.toDer();
    } else if (material->certificate.isNull()) {
        bytes = material->request.toPem();
    } else {
        bytes = material->certificate.toPem();
        for (const crypto::Certificate& c : material->chain)
            bytes += c.toPem();
    }

    io::SecureFileWriter writer;
    writer.setOverwrite(parser.isSet(m_force));
    writer.add(parser.value(m_out), bytes);
    if (parser.isSet(m_keyOut)) {
        QByteArray keyBytes;
        if (passphrase) {
            auto pem = material->key->toEncryptedPem(*passphrase);
            if (!pem)
                return pem.error();
            keyBytes = *pem;
        } else {
            auto plain = material->key->toUnencryptedPem();
            if (!plain)
                return plain.error();
            keyBytes = plain->view().toByteArray();
        }
        writer.add(parser.value(m_keyOut), keyBytes);
    }
    if (Status s = writer.commit(); !s)
        return s;
    for (const QString& path : writer.paths())
        out(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

Status StoreEntryCommand::importSigned(const QString& entryName, const QString& file)
{
    auto answer = crypto::CryptoFile::load(file);
    if (!answer)
        return answer.error();
    auto store = StoreAccess::open(true);
    if (!store)
        return store.error();
    auto entry = store->importSigned(entryName == QLatin1String("-") ? QString() : entryName,
                                     answer->certificates);
    if (!entry)
        return entry.error();
    out(tr("\"%1\" is now a %2 (CN=%3, valid until %4, SHA-256 %5).")
            .arg(entry->name, store::entryTypeLabel(entry->type), entry->commonName,
                 entry->notAfter.toUTC().toString(Qt::ISODate), entry->fingerprintSha256));
    return {};
}

} // namespace certdesk::cli
