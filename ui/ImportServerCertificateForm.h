#pragma once

#include "core/Result.h"
#include "ui/FileSource.h"
#include "ui/StoreTasks.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace certdesk::ui {

class ApplyBar;
class DetailLinesView;
class DialogProvider;
class FileSourceField;
class FindingsPanel;
class PassphraseFields;
class StoreController;

// "Import Server Certificate": a PKCS#12 file, or a certificate file and its key file, opened
// with the passphrase and added under a new name. "View Fingerprint of Certificate" shows what
// would be imported, with its compliance findings, before anything is stored.
class ImportServerCertificateForm : public QWidget
{
    Q_OBJECT
public:
    ImportServerCertificateForm(StoreController* store, DialogProvider* dialogs,
                                QWidget* parent = nullptr);

    void setPkcs12(const FileSource& bundle);
    void setCertificateAndKey(const FileSource& certificate, const FileSource& key);
    Status validate() const;

signals:
    void entryCreated(const QString& name);

private:
    StoreTasks::ImportRequest request() const;
    void refresh();
    void viewFingerprint();
    void apply();
    void suggestName(const FileSource& source);

    StoreController* m_store = nullptr;
    QLineEdit* m_name = nullptr;
    QRadioButton* m_pkcs12Mode = nullptr;
    QRadioButton* m_pemMode = nullptr;
    FileSourceField* m_bundle = nullptr;
    FileSourceField* m_certificate = nullptr;
    FileSourceField* m_key = nullptr;
    PassphraseFields* m_passphrase = nullptr;
    QPushButton* m_fingerprint = nullptr;
    QLabel* m_previewStatus = nullptr;
    DetailLinesView* m_preview = nullptr;
    FindingsPanel* m_findings = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
