#include "ui/ImportServerCertificateForm.h"

#include "core/store/CertificateStore.h"
#include "ui/ApplyBar.h"
#include "ui/DetailLinesView.h"
#include "ui/FieldMarker.h"
#include "ui/FileSourceField.h"
#include "ui/FindingsPanel.h"
#include "ui/PassphraseFields.h"
#include "ui/StoreController.h"

#include "ui/ScrollPage.h"
#include <QButtonGroup>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace certdesk::ui {

ImportServerCertificateForm::ImportServerCertificateForm(StoreController* store,
                                                         DialogProvider* dialogs, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("importServerCertificateForm"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    auto* box = new QGroupBox(tr("Server Certificate"), content);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(tr("Name of the Certificate:"), m_name);

    m_pkcs12Mode = new QRadioButton(tr("PKCS#12 file (.p12, .pfx)"), box);
    m_pkcs12Mode->setObjectName(QStringLiteral("pkcs12Mode"));
    m_pemMode = new QRadioButton(tr("Certificate and key files (.crt, .cer, .pem, .key)"), box);
    m_pemMode->setObjectName(QStringLiteral("pemMode"));
    m_pkcs12Mode->setChecked(true);
    auto* group = new QButtonGroup(box);
    group->addButton(m_pkcs12Mode);
    group->addButton(m_pemMode);
    auto* modes = new QHBoxLayout;
    modes->addWidget(m_pkcs12Mode);
    modes->addWidget(m_pemMode);
    modes->addStretch();
    form->addRow(tr("Import as:"), modes);

    m_bundle = new FileSourceField(dialogs, tr("Choose the PKCS#12 File"),
                                   tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"), box);
    m_bundle->setObjectName(QStringLiteral("pkcs12File"));
    form->addRow(tr("File with Certificate [PKCS#12]:"), m_bundle);
    m_certificate =
        new FileSourceField(dialogs, tr("Choose the Certificate File"),
                            tr("Certificates (*.crt *.cer *.pem *.der *.p7b);;All files (*)"), box);
    m_certificate->setObjectName(QStringLiteral("certificateFile"));
    form->addRow(tr("File with Certificate [X.509]:"), m_certificate);
    m_key = new FileSourceField(dialogs, tr("Choose the Private Key File"),
                                tr("Private keys (*.key *.pem *.der);;All files (*)"), box);
    m_key->setObjectName(QStringLiteral("keyFile"));
    form->addRow(tr("File with Private Key:"), m_key);
    m_passphrase = new PassphraseFields(form, box, false, tr("Passphrase for decryption:"));
    layout->addWidget(box);

    auto* previewBox = new QGroupBox(tr("Certificate to import"), content);
    auto* previewLayout = new QVBoxLayout(previewBox);
    m_fingerprint = new QPushButton(tr("View Fingerprint of Certificate"), previewBox);
    m_fingerprint->setObjectName(QStringLiteral("viewFingerprintButton"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_fingerprint);
    row->addStretch();
    previewLayout->addLayout(row);
    m_previewStatus = new QLabel(previewBox);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    m_previewStatus->setWordWrap(true);
    m_previewStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    previewLayout->addWidget(m_previewStatus);
    m_findings = new FindingsPanel(previewBox);
    previewLayout->addWidget(m_findings);
    m_preview = new DetailLinesView(previewBox);
    previewLayout->addWidget(m_preview);
    layout->addWidget(previewBox);

    m_apply = new ApplyBar(tr("Import"), this);
    // Outside the scrolling part: the reason Apply is disabled is always in sight.
    m_apply->setContentsMargins(9, 0, 9, 6);
    outer->addWidget(m_apply);
    layout->addStretch();

    connect(m_name, &QLineEdit::textChanged, this, &ImportServerCertificateForm::refresh);
    connect(m_pkcs12Mode, &QRadioButton::toggled, this, &ImportServerCertificateForm::refresh);
    for (FileSourceField* f : {m_bundle, m_certificate, m_key})
        connect(f, &FileSourceField::changed, this, [this, f] {
            suggestName(f->source());
            refresh();
        });
    connect(m_passphrase, &PassphraseFields::changed, this, &ImportServerCertificateForm::refresh);
    connect(m_store, &StoreController::entriesChanged, this, &ImportServerCertificateForm::refresh);
    connect(m_fingerprint, &QPushButton::clicked, this,
            &ImportServerCertificateForm::viewFingerprint);
    connect(m_apply, &ApplyBar::applied, this, &ImportServerCertificateForm::apply);
    refresh();
}

void ImportServerCertificateForm::setPkcs12(const FileSource& bundle)
{
    m_pkcs12Mode->setChecked(true);
    m_bundle->setSource(bundle);
}

void ImportServerCertificateForm::setCertificateAndKey(const FileSource& certificate,
                                                       const FileSource& key)
{
    m_pemMode->setChecked(true);
    if (!certificate.isEmpty())
        m_certificate->setSource(certificate);
    if (!key.isEmpty())
        m_key->setSource(key);
}

void ImportServerCertificateForm::suggestName(const FileSource& source)
{
    if (!m_name->text().isEmpty() || source.path.isEmpty())
        return;
    m_name->setText(QFileInfo(source.path).completeBaseName());
}

StoreTasks::ImportRequest ImportServerCertificateForm::request() const
{
    StoreTasks::ImportRequest r;
    r.name = m_name->text().trimmed();
    r.pkcs12 = m_pkcs12Mode->isChecked();
    if (r.pkcs12) {
        r.bundle = m_bundle->source();
    } else {
        r.certificate = m_certificate->source();
        r.key = m_key->source();
    }
    if (!m_passphrase->isEmpty())
        r.passphrase = m_passphrase->passphrase();
    return r;
}

Status ImportServerCertificateForm::validate() const
{
    const bool pkcs12 = m_pkcs12Mode->isChecked();
    const QString name = m_name->text().trimmed();
    Status nameStatus;
    if (name.isEmpty())
        nameStatus = Error::usage(tr("Enter the Name of the Certificate."));
    else if (Status s = store::CertificateStore::checkName(name); !s)
        nameStatus = s;
    else if (m_store->find(name))
        nameStatus = Error::usage(
            tr("An entry named \"%1\" already exists. Choose another name.").arg(name));
    FieldMarker::mark(m_name,
                      name.isEmpty() || nameStatus ? QString() : nameStatus.error().message);

    const Status passphrase = m_passphrase->validate(pkcs12);
    Status files;
    if (pkcs12 && m_bundle->source().isEmpty())
        files = Error::usage(
            tr("Choose the PKCS#12 file (.p12/.pfx) with Browse…, or drop it on the window."));
    else if (!pkcs12 && m_certificate->source().isEmpty())
        files = Error::usage(tr("Choose the certificate file (.crt/.cer/.pem) with Browse…"));
    for (const Status* s : std::initializer_list<const Status*>{&files, &passphrase}) {
        if (!*s)
            return *s;
    }
    if (!nameStatus)
        return nameStatus;
    if (m_store->keyState() == StoreController::KeyState::Failed)
        return Error::failure(tr("The certificate store is locked: %1").arg(m_store->keyError()));
    return {};
}

void ImportServerCertificateForm::refresh()
{
    const bool pkcs12 = m_pkcs12Mode->isChecked();
    m_bundle->setEnabled(pkcs12);
    m_certificate->setEnabled(!pkcs12);
    m_key->setEnabled(!pkcs12);
    const Status s = validate();
    m_apply->setProblem(s ? QString() : s.error().message);
    m_fingerprint->setEnabled(pkcs12 ? !m_bundle->source().isEmpty() && !m_passphrase->isEmpty()
                                     : !m_certificate->source().isEmpty());
}

void ImportServerCertificateForm::viewFingerprint()
{
    const StoreTasks::ImportRequest r = request();
    m_fingerprint->setEnabled(false);
    m_previewStatus->setText(tr("Reading the file…"));
    QtConcurrent::run([r] {
        return std::optional<Result<StoreTasks::ImportPreview>>(StoreTasks::preview(r));
    }).then(this, [this](std::optional<Result<StoreTasks::ImportPreview>> preview) {
        refresh();
        if (!*preview) {
            m_previewStatus->setText(preview->error().message);
            m_preview->setLines({});
            m_findings->clear();
            return;
        }
        m_previewStatus->setText(
            tr("Fingerprint (SHA-256): %1").arg((*preview)->fingerprintSha256));
        m_preview->setLines((*preview)->lines);
        m_findings->setReport((*preview)->report);
    });
}

void ImportServerCertificateForm::apply()
{
    if (!validate())
        return;
    const StoreTasks::ImportRequest r = request();
    const QString what = tr("Importing \"%1\"…").arg(r.name);
    m_apply->setRunning(true, what);
    m_store->write<store::StoreEntry>(
        what, true, this,
        [r](store::CertificateStore& s) { return StoreTasks::importServer(s, r); },
        [this](Result<store::StoreEntry> entry) {
            m_apply->setRunning(false);
            if (!entry) {
                m_apply->showResult(false, entry.error().message);
                return;
            }
            m_apply->showResult(
                true, tr("Imported \"%1\" (CN=%2, valid until %3 GMT). Activate it "
                         "on a system with Activate Certificate.")
                          .arg(entry->name, entry->commonName,
                               entry->notAfter.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))));
            m_name->clear();
            m_passphrase->clear();
            m_bundle->clear();
            m_certificate->clear();
            m_key->clear();
            emit entryCreated(entry->name);
            refresh();
        });
}

} // namespace certdesk::ui
