#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CsrBuilder.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/crypto/SecretBytes.h"
#include "core/policy/ComplianceReport.h"
#include "core/store/CertificateStore.h"
#include "ui/FileSource.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::ui {

// What each button of the Expert Mode pages does to the store, composed from core calls the
// same way certdesk-cli composes them. Everything here may block (key generation, files,
// key encryption): StoreController runs it on a worker thread.
class StoreTasks
{
    Q_DECLARE_TR_FUNCTIONS(StoreTasks)

public:
    enum class ExportFormat { Pem, Der, Pkcs12, Pkcs12Compat };

    struct Bundle // a BasedOn<Name>.p12 written beside the store entry
    {
        QString path;
        crypto::SecretBytes passphrase;
        crypto::Pkcs12Format format = crypto::Pkcs12Format::Compat;
    };

    struct EntryView // what View Certificate and Export show
    {
        store::StoreEntry entry;
        store::EntryMaterial material;
        QList<crypto::DetailLine> lines;
    };

    struct ImportRequest // Import Server Certificate
    {
        QString name;
        bool pkcs12 = true;
        FileSource bundle;      // .p12/.pfx
        FileSource certificate; // .cer/.crt/.pem (chain allowed)
        FileSource key;         // .key/.pem
        std::optional<crypto::SecretBytes> passphrase;
    };

    struct ImportPreview // View Fingerprint of Certificate
    {
        QList<crypto::DetailLine> lines;
        QString fingerprintSha256;
        policy::ComplianceReport report;
    };

    static Result<store::StoreEntry> generateSelfSigned(store::CertificateStore& store,
                                                        const QString& name, store::EntryType type,
                                                        const crypto::CertificateSpec& spec);
    static Result<store::StoreEntry> generateCsr(store::CertificateStore& store,
                                                 const QString& name, const crypto::CsrSpec& spec);
    // Generate CA-Signed Server Certificate [PKCS#12]: a new RSA 2048 key, certified by the CA
    // entry `caName`, stored as `name`; with `bundle` also written as a PKCS#12 file.
    static Result<store::StoreEntry> issue(store::CertificateStore& store, const QString& caName,
                                           const QString& name, crypto::CertificateSpec spec,
                                           const std::optional<Bundle>& bundle);
    // Update CA-Signed Server Certificate [X.509]: a new certificate from the CA `caName` for
    // the key of `target` (a CSR or a CA-signed entry), with the target's subject and names.
    static Result<store::StoreEntry> reissue(store::CertificateStore& store, const QString& caName,
                                             const QString& target, crypto::CertificateSpec spec);

    static Result<ImportPreview> preview(const ImportRequest& request);
    static Result<store::StoreEntry> importServer(store::CertificateStore& store,
                                                  const ImportRequest& request);
    // Import Updated Certificate / Certificate for CSR [X.509]
    static Result<store::StoreEntry> importSigned(store::CertificateStore& store,
                                                  const QString& name, const FileSource& answer);

    static Result<EntryView> view(const store::CertificateStore& store, const QString& name);
    static Result<QString> exportEntry(const store::CertificateStore& store, const QString& name,
                                       ExportFormat format, const QString& path,
                                       const std::optional<crypto::SecretBytes>& passphrase);
    static Status remove(store::CertificateStore& store, const QString& name);

    // The default compliance profiles on a stored entry, judged as it would be uploaded in
    // `fileFormat` ("PKCS#12", "PEM", "DER" or empty). std::nullopt for a CSR.
    static std::optional<policy::ComplianceReport> check(const EntryView& view,
                                                         const QString& fileFormat);
    static QString fileFormatName(ExportFormat format);
    static QString exportFileName(const QString& name, ExportFormat format, bool request);
    static bool needsKey(ExportFormat format);
};

} // namespace certdesk::ui
