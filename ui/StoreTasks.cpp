#include "ui/StoreTasks.h"

#include "core/crypto/AdminPortalFiles.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/PrivateKey.h"
#include "core/io/SecureFileWriter.h"
#include "core/policy/CheckSubject.h"
#include "core/policy/ProfileSet.h"

#include <QDir>

namespace certdesk::ui {

namespace {

// The only key the PBX accepts.
constexpr crypto::KeyAlgorithm kServerKey = crypto::KeyAlgorithm::Rsa2048;

std::optional<bool> publiclyTrusted(const store::EntryMaterial& material, store::EntryType type)
{
    if (type == store::EntryType::SelfSigned || type == store::EntryType::CaCertificate ||
        type == store::EntryType::CaSigned || material.certificate.isSelfSigned())
        return false;
    return std::nullopt;
}

} // namespace

Result<store::StoreEntry> StoreTasks::generateSelfSigned(store::CertificateStore& store,
                                                         const QString& name, store::EntryType type,
                                                         const crypto::CertificateSpec& spec)
{
    if (Status s = store.checkNewName(name); !s)
        return s.error();
    auto key = crypto::PrivateKey::generate(kServerKey);
    if (!key)
        return key.error();
    auto certificate = crypto::CertificateBuilder(spec).selfSign(*key);
    if (!certificate)
        return certificate.error();
    store::EntryMaterial material;
    material.certificate = *certificate;
    material.key = *key;
    return store.add(name, type, material);
}

Result<store::StoreEntry> StoreTasks::generateCsr(store::CertificateStore& store,
                                                  const QString& name, const crypto::CsrSpec& spec)
{
    if (Status s = store.checkNewName(name); !s)
        return s.error();
    auto key = crypto::PrivateKey::generate(kServerKey);
    if (!key)
        return key.error();
    auto request = crypto::CsrBuilder(spec).build(*key);
    if (!request)
        return request.error();
    store::EntryMaterial material;
    material.request = *request;
    material.key = *key;
    return store.add(name, store::EntryType::CertificateRequest, material);
}

Result<store::StoreEntry> StoreTasks::issue(store::CertificateStore& store, const QString& caName,
                                            const QString& name, crypto::CertificateSpec spec,
                                            const std::optional<Bundle>& bundle)
{
    if (Status s = store.checkNewName(name); !s)
        return s.error();
    auto ca = store.load(caName, true);
    if (!ca)
        return ca.error();
    if (ca->certificate.isNull() || !ca->key)
        return Error::failure(tr("\"%1\" is not a CA certificate with a key.").arg(caName));
    spec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
    auto key = crypto::PrivateKey::generate(kServerKey);
    if (!key)
        return key.error();
    auto certificate =
        crypto::CertificateBuilder(spec).issue(key->publicKey(), ca->certificate, *ca->key);
    if (!certificate)
        return certificate.error();

    store::EntryMaterial material;
    material.certificate = *certificate;
    material.chain = QList<crypto::Certificate>{ca->certificate} + ca->chain;
    material.key = *key;

    if (bundle) {
        crypto::Pkcs12Bundle p12;
        p12.key = *key;
        p12.certificate = material.certificate;
        p12.chain = material.chain;
        p12.friendlyName = name;
        auto bytes = p12.write(bundle->passphrase, bundle->format);
        if (!bytes)
            return bytes.error();
        io::SecureFileWriter writer;
        writer.setOverwrite(true); // the save dialog asked already
        writer.add(bundle->path, *bytes);
        if (Status s = writer.commit(); !s)
            return s.error();
    }
    return store.add(name, store::EntryType::CaSigned, material);
}

Result<store::StoreEntry> StoreTasks::reissue(store::CertificateStore& store, const QString& caName,
                                              const QString& target, crypto::CertificateSpec spec)
{
    auto ca = store.load(caName, true);
    if (!ca)
        return ca.error();
    if (ca->certificate.isNull() || !ca->key)
        return Error::failure(tr("\"%1\" is not a CA certificate with a key.").arg(caName));
    auto existing = store.load(target, false);
    if (!existing)
        return existing.error();
    crypto::PublicKey subjectKey;
    if (!existing->certificate.isNull()) {
        const auto details = crypto::CertificateDetails::of(existing->certificate);
        spec.subject = details.subject;
        spec.subjectAltNames = details.subjectAltNames;
        subjectKey = existing->certificate.publicKey();
    } else {
        spec.subject = existing->request.subject();
        spec.subjectAltNames = existing->request.subjectAltNames();
        subjectKey = existing->request.publicKey();
    }
    spec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
    if (Status s = spec.validate(); !s)
        return s.error();
    auto certificate =
        crypto::CertificateBuilder(spec).issue(subjectKey, ca->certificate, *ca->key);
    if (!certificate)
        return certificate.error();
    return store.importSigned(target, QList<crypto::Certificate>{*certificate, ca->certificate} +
                                          ca->chain);
}

Result<StoreTasks::ImportPreview> StoreTasks::preview(const ImportRequest& request)
{
    const crypto::SecretBytes* secret = request.passphrase ? &*request.passphrase : nullptr;
    QList<crypto::Certificate> certificates;
    std::optional<crypto::PrivateKey> key;
    QString container;
    if (request.pkcs12) {
        if (request.bundle.isEmpty())
            return Error::usage(tr("Choose the PKCS#12 file (.p12/.pfx)."));
        if (!secret)
            return Error::usage(tr("A PKCS#12 file is opened with its passphrase: enter it."));
        auto bytes = request.bundle.read();
        if (!bytes)
            return bytes.error();
        auto file = crypto::CryptoFile::parse(*bytes, secret);
        if (!file)
            return file.error();
        certificates = file->certificates;
        key = file->key;
        container = file->containerName();
    } else {
        if (request.certificate.isEmpty())
            return Error::usage(tr("Choose the certificate file (.cer/.crt/.pem)."));
        auto bytes = request.certificate.read();
        if (!bytes)
            return bytes.error();
        auto file = crypto::CryptoFile::parse(*bytes, secret);
        if (!file)
            return file.error();
        certificates = file->certificates;
        key = file->key;
        container = file->containerName();
        if (!request.key.isEmpty()) {
            auto keyBytes = request.key.read();
            if (!keyBytes)
                return keyBytes.error();
            auto keyFile = crypto::CryptoFile::parse(*keyBytes, secret);
            if (!keyFile)
                return keyFile.error();
            if (!keyFile->key)
                return Error::failure(tr("%1 holds no private key.").arg(request.key.label()));
            key = keyFile->key;
        }
    }
    if (certificates.isEmpty())
        return Error::failure(tr("The file holds no certificate."));
    const QList<crypto::Certificate> chain = crypto::orderChain(certificates);
    if (key && !chain.first().matches(*key))
        return Error::failure(tr("The private key does not belong to the certificate (their public "
                                 "keys differ). Choose the key that was created with this "
                                 "certificate's CSR."));

    ImportPreview preview;
    const auto details = crypto::CertificateDetails::of(chain.first());
    preview.lines = details.toLines();
    preview.fingerprintSha256 = details.fingerprintSha256;
    policy::CheckSubject subject;
    subject.certificate = chain.first();
    subject.chain = chain.mid(1);
    subject.key = key;
    subject.passphrase = request.passphrase;
    subject.fileFormat = container;
    if (chain.first().isSelfSigned())
        subject.publiclyTrusted = false;
    preview.report = policy::ProfileSet::defaults().check(subject);
    return preview;
}

Result<store::StoreEntry> StoreTasks::importServer(store::CertificateStore& store,
                                                   const ImportRequest& request)
{
    if (Status s = store::CertificateStore::checkName(request.name); !s)
        return s.error();
    if (Status s = store.checkNewName(request.name); !s)
        return s.error();
    const crypto::SecretBytes* secret = request.passphrase ? &*request.passphrase : nullptr;
    store::EntryMaterial material;
    const FileSource& main = request.pkcs12 ? request.bundle : request.certificate;
    auto bytes = main.read();
    if (!bytes)
        return bytes.error();
    auto file = crypto::CryptoFile::parse(*bytes, secret);
    if (!file)
        return file.error();
    std::optional<crypto::PrivateKey> key = file->key;
    if (!request.pkcs12 && !request.key.isEmpty()) {
        auto keyBytes = request.key.read();
        if (!keyBytes)
            return keyBytes.error();
        auto keyFile = crypto::CryptoFile::parse(*keyBytes, secret);
        if (!keyFile)
            return keyFile.error();
        key = keyFile->key;
    }
    if (file->certificates.isEmpty())
        return Error::failure(tr("%1 holds no certificate.").arg(main.label()));
    if (!key)
        return Error::failure(
            request.pkcs12 ? tr("The PKCS#12 file must hold a certificate and its private key.")
                           : tr("Choose the certificate's private key file (.key/.pem)."));
    const QList<crypto::Certificate> chain = crypto::orderChain(file->certificates);
    material.certificate = chain.first();
    material.chain = chain.mid(1);
    material.key = key;
    if (!material.certificate.matches(*material.key))
        return Error::failure(tr("The private key does not belong to the certificate (their public "
                                 "keys differ). Choose the key that was created with this "
                                 "certificate's CSR."));
    return store.add(request.name, store::EntryType::Imported, material);
}

Result<store::StoreEntry> StoreTasks::importSigned(store::CertificateStore& store,
                                                   const QString& name, const FileSource& answer)
{
    auto bytes = answer.read();
    if (!bytes)
        return bytes.error();
    auto file = crypto::CryptoFile::parse(*bytes);
    if (!file)
        return file.error();
    return store.importSigned(name, file->certificates);
}

Result<StoreTasks::EntryView> StoreTasks::view(const store::CertificateStore& store,
                                               const QString& name)
{
    const auto entry = store.find(name);
    if (!entry)
        return Error::failure(tr("There is no entry named \"%1\" in the store.").arg(name));
    auto material = store.load(name, false);
    if (!material)
        return material.error();
    EntryView view;
    view.entry = *entry;
    view.material = *material;
    const crypto::CertificateDetails details =
        material->certificate.isNull() ? crypto::CertificateDetails::of(material->request)
                                       : crypto::CertificateDetails::of(material->certificate);
    view.lines = details.toLines();
    return view;
}

std::optional<policy::ComplianceReport> StoreTasks::check(const EntryView& view,
                                                          const QString& fileFormat)
{
    if (view.material.certificate.isNull())
        return std::nullopt;
    policy::CheckSubject subject;
    subject.certificate = view.material.certificate;
    subject.chain = view.material.chain;
    subject.fileFormat = fileFormat;
    subject.publiclyTrusted = publiclyTrusted(view.material, view.entry.type);
    return policy::ProfileSet::defaults().check(subject);
}

Result<QString> StoreTasks::exportEntry(const store::CertificateStore& store, const QString& name,
                                        ExportFormat format, const QString& path,
                                        const std::optional<crypto::SecretBytes>& passphrase)
{
    const bool toP12 = needsKey(format);
    auto material = store.load(name, toP12);
    if (!material)
        return material.error();
    QByteArray bytes;
    if (toP12) {
        if (material->certificate.isNull())
            return Error::failure(tr("\"%1\" is a CSR without a certificate yet; import the CA's "
                                     "answer first.")
                                      .arg(name));
        if (!material->key)
            return Error::failure(
                tr("\"%1\" has no private key to put into a PKCS#12 file.").arg(name));
        if (!passphrase)
            return Error::usage(tr("The PKCS#12 file needs a passphrase."));
        if (Status s = crypto::checkPkcs12Passphrase(*passphrase); !s)
            return s.error();
        crypto::Pkcs12Bundle bundle;
        bundle.key = *material->key;
        bundle.certificate = material->certificate;
        bundle.chain = material->chain;
        bundle.friendlyName = name;
        auto p12 = bundle.write(*passphrase, format == ExportFormat::Pkcs12
                                                 ? crypto::Pkcs12Format::Modern
                                                 : crypto::Pkcs12Format::Compat);
        if (!p12)
            return p12.error();
        bytes = *p12;
    } else if (format == ExportFormat::Der) {
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
    writer.setOverwrite(true); // the save dialog asked already
    writer.add(path, bytes);
    if (Status s = writer.commit(); !s)
        return s.error();
    return path;
}

Status StoreTasks::remove(store::CertificateStore& store, const QString& name)
{
    return store.remove(name);
}

QString StoreTasks::fileFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Pem:
        return QStringLiteral("PEM");
    case ExportFormat::Der:
        return QStringLiteral("DER");
    case ExportFormat::Pkcs12:
    case ExportFormat::Pkcs12Compat:
        return QStringLiteral("PKCS#12");
    }
    return {};
}

QString StoreTasks::exportFileName(const QString& name, ExportFormat format, bool request)
{
    switch (format) {
    case ExportFormat::Pem:
        return request ? crypto::AdminPortalFiles::csr(name)
                       : crypto::AdminPortalFiles::certificate(name);
    case ExportFormat::Der:
        return name + (request ? QStringLiteral(".der") : QStringLiteral(".cer"));
    case ExportFormat::Pkcs12:
    case ExportFormat::Pkcs12Compat:
        return name + QStringLiteral(".p12");
    }
    return name;
}

bool StoreTasks::needsKey(ExportFormat format)
{
    return format == ExportFormat::Pkcs12 || format == ExportFormat::Pkcs12Compat;
}

} // namespace certdesk::ui
