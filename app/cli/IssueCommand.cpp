#include "app/cli/IssueCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/AdminPortalFiles.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"

#include <QCoreApplication>
#include <QDir>

namespace certdesk::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("IssueCommand", text);
}

} // namespace

IssueCommand::IssueCommand()
    : m_name(QStringLiteral("name"),
             tr("Name of the Certificate: the bundle is written as BasedOnNAME.p12."),
             QStringLiteral("NAME"))
    , m_caCert(QStringLiteral("ca-cert"),
               tr("The issuing CA certificate (PEM/DER, chain allowed)."), QStringLiteral("FILE"))
    , m_caEntry(QStringLiteral("ca"),
                tr("Take the issuing CA (and its key) from the store entry NAME."),
                QStringLiteral("NAME"))
    , m_store(QStringLiteral("store"),
              tr("Create the issued certificate as an entry of the local store (with its key and "
                 "the CA chain) instead of writing BasedOnNAME.p12."))
    , m_caKey(QStringLiteral("ca-key"), tr("The CA's private key."), QStringLiteral("FILE"))
    , m_caPassphrase(QStringLiteral("ca-"), tr("passphrase of the CA key"))
    , m_passphrase(QString(), tr("passphrase for encryption of the PKCS#12 file (7-32 characters)"))
    , m_format(QStringLiteral("format"),
               tr("PKCS#12 protection: compat (3DES, SHA-1 MAC; default, what older appliances and "
                  "Windows read) or modern (AES-256, PBKDF2, SHA-256 MAC)."),
               QStringLiteral("FORMAT"), QStringLiteral("compat"))
    , m_keyType(QStringLiteral("key-type"),
                tr("Key to generate: rsa2048 (default; the only one the PBX accepts), rsa3072, "
                   "rsa4096, ec-p256, ec-p384."),
                QStringLiteral("TYPE"), QStringLiteral("rsa2048"))
    , m_key(QStringLiteral("key"),
            tr("Re-issue for this existing private key instead of a new one."),
            QStringLiteral("FILE"))
    , m_keyPassphrase(QStringLiteral("key-"), tr("passphrase of the --key file"))
    , m_csr(QStringLiteral("csr"),
            tr("Sign this certificate signing request; writes NAME.crt (certificate and CA "
               "chain, PEM). Subject and SANs come from the request unless given."),
            QStringLiteral("FILE"))
    , m_validity(365)
{
}

QString IssueCommand::summary() const
{
    return tr("Generate CA-Signed Server Certificate [PKCS#12]: issue a server certificate with "
              "one of your CA certificates and write it, its key and the CA as BasedOnNAME.p12.");
}

void IssueCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_name);
    parser.addOption(m_caCert);
    parser.addOption(m_caKey);
    parser.addOption(m_caEntry);
    parser.addOption(m_store);
    m_caPassphrase.addTo(parser);
    m_passphrase.addTo(parser);
    parser.addOption(m_format);
    m_subject.addTo(parser);
    m_validity.addTo(parser);
    parser.addOption(m_keyType);
    parser.addOption(m_key);
    m_keyPassphrase.addTo(parser);
    parser.addOption(m_csr);
    m_output.addTo(parser);
}

Status IssueCommand::execute(const QCommandLineParser& parser)
{
    auto name = OutputOptions::checkedName(parser.value(m_name));
    if (!name)
        return name.error();
    const bool caFromStore = parser.isSet(m_caEntry);
    if (caFromStore == (parser.isSet(m_caCert) || parser.isSet(m_caKey)) ||
        (!caFromStore && !(parser.isSet(m_caCert) && parser.isSet(m_caKey))))
        return Error::usage(tr("Give the issuing CA either with --ca-cert FILE and --ca-key FILE, "
                               "or as a store entry with --ca NAME."));
    const bool toStore = parser.isSet(m_store);
    const int keySources =
        int(parser.isSet(m_key)) + int(parser.isSet(m_csr)) + int(parser.isSet(m_keyType));
    if (keySources > 1)
        return Error::usage(tr("Give only one of --key-type, --key and --csr."));
    const bool fromCsr = parser.isSet(m_csr);
    if (toStore && fromCsr)
        return Error::usage(tr("A certificate for a CSR has no key here: import it into the CSR's "
                               "own entry with 'store import-signed' instead of --store."));

    const auto format = crypto::parsePkcs12Format(parser.value(m_format));
    if (!format)
        return Error::usage(tr("--format takes compat or modern."));

    // Passphrases first: nothing is generated when one of them is missing or unusable.
    auto caPassphrase = m_caPassphrase.read(parser);
    if (!caPassphrase)
        return caPassphrase.error();
    std::optional<crypto::SecretBytes> bundlePassphrase;
    if (!fromCsr && !toStore) {
        auto p = m_passphrase.require(parser, tr("The PKCS#12 file needs a passphrase for "
                                                 "encryption"));
        if (!p)
            return p.error();
        if (Status s = crypto::checkPkcs12Passphrase(*p); !s)
            return Error::usage(s.error().message);
        bundlePassphrase = std::move(*p);
    }

    crypto::CertificateSpec spec;
    spec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
    auto sans = m_subject.subjectAltNames(parser);
    if (!sans)
        return sans.error();
    auto digest = m_subject.digest(parser);
    if (!digest)
        return digest.error();
    spec.subjectAltNames = *sans;
    spec.digest = *digest;

    crypto::CertificateRequest request;
    if (fromCsr) {
        auto file = crypto::CryptoFile::load(parser.value(m_csr));
        if (!file)
            return file.error();
        if (file->requests.isEmpty())
            return Error::failure(
                tr("%1 holds no certificate signing request.").arg(parser.value(m_csr)));
        request = file->requests.first();
        if (!request.verifySignature())
            return Error::failure(tr("The signature of the request in %1 does not verify: the "
                                     "file is damaged or was altered. Ask for a new CSR.")
                                      .arg(parser.value(m_csr)));
        spec.subject = request.subject();
        if (spec.subjectAltNames.isEmpty())
            spec.subjectAltNames = request.subjectAltNames();
    }
    // Subject fields given on the command line win over the request's.
    {
        auto subject = m_subject.subject(parser, spec.subject);
        if (!subject)
            return subject.error();
        spec.subject = *subject;
    }
    if (Status s = m_validity.apply(parser, spec); !s)
        return s;

    std::optional<store::CertificateStore> localStore;
    if (caFromStore || toStore) {
        auto opened = StoreAccess::open(true);
        if (!opened)
            return opened.error();
        if (Status s = opened->checkNewName(*name); toStore && !s)
            return s;
        localStore = std::move(*opened);
    }
    QList<crypto::Certificate> caChain;
    crypto::PrivateKey caKey;
    if (caFromStore) {
        auto ca = localStore->load(parser.value(m_caEntry), true);
        if (!ca)
            return ca.error();
        if (ca->certificate.isNull() || !ca->key)
            return Error::failure(tr("The store entry \"%1\" is not a CA certificate with a key.")
                                      .arg(parser.value(m_caEntry)));
        caChain = QList<crypto::Certificate>{ca->certificate} + ca->chain;
        caKey = *ca->key;
    } else {
        auto caFile = crypto::CryptoFile::load(parser.value(m_caCert));
        if (!caFile)
            return caFile.error();
        caChain = crypto::orderChain(caFile->certificates);
        if (caChain.isEmpty())
            return Error::failure(tr("%1 holds no CA certificate.").arg(parser.value(m_caCert)));
        auto caKeyFile = crypto::CryptoFile::load(parser.value(m_caKey),
                                                  PassphraseOption::pointer(*caPassphrase));
        if (!caKeyFile)
            return caKeyFile.error();
        if (!caKeyFile->key)
            return Error::failure(tr("%1 holds no private key. Give the CA's key with --ca-key.")
                                      .arg(parser.value(m_caKey)));
        caKey = *caKeyFile->key;
    }

    auto writer = m_output.writer(parser);
    if (!writer)
        return writer.error();

    crypto::PrivateKey subjectKey;
    crypto::PublicKey subjectPublicKey;
    if (fromCsr) {
        subjectPublicKey = request.publicKey();
    } else if (parser.isSet(m_key)) {
        auto keyPassphrase = m_keyPassphrase.read(parser);
        if (!keyPassphrase)
            return keyPassphrase.error();
        auto keyFile = crypto::CryptoFile::load(parser.value(m_key),
                                                PassphraseOption::pointer(*keyPassphrase));
        if (!keyFile)
            return keyFile.error();
        if (!keyFile->key)
            return Error::failure(tr("%1 holds no private key.").arg(parser.value(m_key)));
        subjectKey = *keyFile->key;
        subjectPublicKey = subjectKey.publicKey();
    } else {
        const auto algorithm = crypto::parseKeyAlgorithm(parser.value(m_keyType));
        if (!algorithm)
            return Error::usage(tr("\"%1\" is not a key type. Use one of: %2.")
                                    .arg(parser.value(m_keyType),
                                         crypto::keyAlgorithmNames().join(QStringLiteral(", "))));
        auto key = crypto::PrivateKey::generate(*algorithm);
        if (!key)
            return key.error();
        subjectKey = *key;
        subjectPublicKey = subjectKey.publicKey();
    }

    auto certificate =
        crypto::CertificateBuilder(spec).issue(subjectPublicKey, caChain.first(), caKey);
    if (!certificate)
        return certificate.error();

    if (toStore) {
        store::EntryMaterial material;
        material.certificate = *certificate;
        material.chain = caChain;
        material.key = subjectKey;
        auto entry = localStore->add(*name, store::EntryType::CaSigned, material);
        if (!entry)
            return entry.error();
        out(tr("Stored \"%1\" (%2 issued by %3, valid until %4, SHA-256 %5)")
                .arg(entry->name, store::entryTypeLabel(entry->type),
                     caChain.first().subjectCommonName(),
                     entry->notAfter.toUTC().toString(Qt::ISODate), entry->fingerprintSha256));
        return {};
    }

    QString path;
    if (fromCsr) {
        path = m_output.pathFor(parser, crypto::AdminPortalFiles::certificate(*name));
        QByteArray pem = certificate->toPem();
        for (const crypto::Certificate& ca : caChain)
            pem += ca.toPem();
        writer->add(path, pem);
    } else {
        crypto::Pkcs12Bundle bundle;
        bundle.key = subjectKey;
        bundle.certificate = *certificate;
        bundle.chain = caChain;
        bundle.friendlyName = *name;
        auto p12 = bundle.write(*bundlePassphrase, *format);
        if (!p12)
            return p12.error();
        path = m_output.pathFor(parser, crypto::AdminPortalFiles::caSignedBundle(*name));
        writer->add(path, *p12);
    }
    if (Status s = writer->commit(); !s)
        return s;

    const auto details = crypto::CertificateDetails::of(*certificate);
    out(tr("Wrote %1 (%2 issued by %3, serial %4, valid until %5, SHA-256 %6%7)")
            .arg(QDir::toNativeSeparators(path), details.certificateType,
                 caChain.first().subjectCommonName(), details.serialDecimal,
                 details.notAfter.toUTC().toString(Qt::ISODate), details.fingerprintSha256,
                 fromCsr ? QString()
                         : QStringLiteral(", PKCS#12 %1").arg(crypto::pkcs12FormatName(*format))));
    return {};
}

} // namespace certdesk::cli
