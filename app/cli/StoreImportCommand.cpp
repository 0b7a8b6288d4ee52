#include "app/cli/StoreImportCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("StoreImportCommand", text);
}
} // namespace

StoreImportCommand::StoreImportCommand()
    : m_name(QStringLiteral("name"), tr("Name of the Certificate in the store."),
             QStringLiteral("NAME"))
    , m_p12(QStringLiteral("p12"), tr("PKCS#12 file (.p12/.pfx) to import."),
            QStringLiteral("FILE"))
    , m_cert(QStringLiteral("cert"), tr("Certificate file (.cer/.crt/.pem, chain allowed)."),
             QStringLiteral("FILE"))
    , m_key(QStringLiteral("key"), tr("Its private key file (.key/.pem)."), QStringLiteral("FILE"))
    , m_fingerprintOnly(
          QStringLiteral("fingerprint-only"),
          tr("View Fingerprint of Certificate: show what would be imported and stop."))
    , m_notes(QStringLiteral("notes"), tr("A note kept with the entry."), QStringLiteral("TEXT"))
    , m_passphrase(QString(), tr("passphrase of the PKCS#12 file or key (7-32 characters)"))
{
}

QString StoreImportCommand::summary() const
{
    return tr("Import Server Certificate: a PKCS#12 file (--p12) or a certificate and its key "
              "(--cert, --key), opened with the passphrase, under a new name.");
}

void StoreImportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_name);
    parser.addOption(m_p12);
    parser.addOption(m_cert);
    parser.addOption(m_key);
    m_passphrase.addTo(parser);
    parser.addOption(m_fingerprintOnly);
    parser.addOption(m_notes);
}

Status StoreImportCommand::execute(const QCommandLineParser& parser)
{
    const bool fromP12 = parser.isSet(m_p12);
    if (fromP12 == parser.isSet(m_cert) || (parser.isSet(m_key) && fromP12))
        return Error::usage(tr("Give either --p12 FILE, or --cert FILE with --key FILE."));
    if (!parser.isSet(m_fingerprintOnly)) {
        if (Status s = store::CertificateStore::checkName(parser.value(m_name)); !s)
            return s;
    }
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();
    if (*passphrase) {
        if (Status s = crypto::checkPkcs12Passphrase(**passphrase); !s)
            return Error::usage(s.error().message);
    }
    const crypto::SecretBytes* secret = *passphrase ? &**passphrase : nullptr;

    store::EntryMaterial material;
    if (fromP12) {
        if (!secret)
            return Error::usage(tr("A PKCS#12 file is opened with its passphrase: give "
                                   "--passphrase-file FILE or --passphrase-env VAR."));
        auto file = crypto::CryptoFile::load(parser.value(m_p12), secret);
        if (!file)
            return file.error();
        if (file->certificates.isEmpty() || !file->key)
            return Error::failure(
                tr("The PKCS#12 file must hold a certificate and its private key."));
        const QList<crypto::Certificate> chain = crypto::orderChain(file->certificates);
        material.certificate = chain.first();
        material.chain = chain.mid(1);
        material.key = file->key;
    } else {
        auto certs = crypto::CryptoFile::load(parser.value(m_cert), secret);
        if (!certs)
            return certs.error();
        if (certs->certificates.isEmpty())
            return Error::failure(tr("%1 holds no certificate.").arg(parser.value(m_cert)));
        std::optional<crypto::PrivateKey> key = certs->key;
        if (parser.isSet(m_key)) {
            auto keyFile = crypto::CryptoFile::load(parser.value(m_key), secret);
            if (!keyFile)
                return keyFile.error();
            key = keyFile->key;
        }
        if (!key)
            return Error::usage(tr("Give the certificate's private key with --key FILE."));
        const QList<crypto::Certificate> chain = crypto::orderChain(certs->certificates);
        material.certificate = chain.first();
        material.chain = chain.mid(1);
        material.key = key;
    }
    if (!material.certificate.matches(*material.key))
        return Error::failure(tr("The private key does not belong to the certificate (their public "
                                 "keys differ). Choose the key that was created with this "
                                 "certificate's CSR."));

    const auto details = crypto::CertificateDetails::of(material.certificate);
    out(tr("Certificate: CN=%1, issued by %2, valid until %3")
            .arg(details.subject.commonName, details.issuer->commonName,
                 details.notAfter.toUTC().toString(Qt::ISODate)));
    out(tr("Fingerprint (SHA-256): %1").arg(details.fingerprintSha256));
    if (parser.isSet(m_fingerprintOnly))
        return {};

    auto store = StoreAccess::open(true);
    if (!store)
        return store.error();
    auto entry = store->add(parser.value(m_name), store::EntryType::Imported, material,
                            parser.value(m_notes));
    if (!entry)
        return entry.error();
    out(tr("Imported as \"%1\".").arg(entry->name));
    return {};
}

} // namespace certdesk::cli
