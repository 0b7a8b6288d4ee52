#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateBuilder.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace certdesk::ui {

class ApplyBar;
class CrlDistributionPointFields;
class DialogProvider;
class PassphraseFields;
class SanEditor;
class SignatureFields;
class StoreController;
class SubjectFields;
class ValidityFields;

// The Admin Portal's certificate forms: "Generate CA Certificate", "Generate Self-Signed
// Certificate" (Certificate Generation) and "Generate CA-Signed Server Certificate [PKCS#12]"
// (a CA certificate). Every field is checked as it is typed; Apply stays disabled with the
// reason in words until the form is complete.
//
// The CA-signed form adds the new certificate, its key and the CA chain to the store under
// "Name of the Certificate" and, with "Also save BasedOn<CA>.p12" (the default), writes the
// PKCS#12 file the Admin Portal would download, encrypted with the passphrase.
class CertificateForm : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { CaCertificate, SelfSigned, CaSigned };

    CertificateForm(Mode mode, StoreController* store, DialogProvider* dialogs,
                    QWidget* parent = nullptr);

    Mode mode() const { return m_mode; }
    // The issuing CA (CaSigned mode).
    void setIssuer(const QString& caName);
    // The first problem with the form, or success.
    Status validate() const;

signals:
    void entryCreated(const QString& name);

private:
    void refresh();
    void apply();
    Result<crypto::CertificateSpec> spec() const;
    QString bundlePath();

    Mode m_mode;
    StoreController* m_store = nullptr;
    DialogProvider* m_dialogs = nullptr;
    QString m_issuer;
    QLineEdit* m_name = nullptr;
    PassphraseFields* m_passphrase = nullptr;
    QCheckBox* m_saveBundle = nullptr;
    QComboBox* m_bundleFormat = nullptr;
    QLineEdit* m_serial = nullptr;
    SignatureFields* m_signature = nullptr;
    ValidityFields* m_validity = nullptr;
    SubjectFields* m_subject = nullptr;
    SanEditor* m_san = nullptr;
    CrlDistributionPointFields* m_crl = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
