#include "ui/CertificateForm.h"

#include "core/crypto/AdminPortalFiles.h"
#include "core/store/CertificateStore.h"
#include "ui/ApplyBar.h"
#include "ui/CrlDistributionPointFields.h"
#include "ui/DialogProvider.h"
#include "ui/FieldMarker.h"
#include "ui/PassphraseFields.h"
#include "ui/SanEditor.h"
#include "ui/SignatureFields.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"
#include "ui/SubjectFields.h"
#include "ui/ValidityFields.h"

#include "ui/ScrollPage.h"
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace certdesk::ui {

namespace {

QString formName(CertificateForm::Mode mode)
{
    switch (mode) {
    case CertificateForm::Mode::CaCertificate:
        return QStringLiteral("generateCaForm");
    case CertificateForm::Mode::SelfSigned:
        return QStringLiteral("generateSelfSignedForm");
    case CertificateForm::Mode::CaSigned:
        return QStringLiteral("generateCaSignedForm");
    }
    return {};
}

} // namespace

CertificateForm::CertificateForm(Mode mode, StoreController* store, DialogProvider* dialogs,
                                 QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_store(store)
    , m_dialogs(dialogs)
{
    setObjectName(formName(mode));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    auto* general = new QGroupBox(tr("General"), content);
    auto* form = new QFormLayout(general);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(tr("Name of the Certificate:"), m_name);
    if (mode == Mode::CaSigned) {
        m_passphrase = new PassphraseFields(form, general, true);
        m_saveBundle = new QCheckBox(general);
        m_saveBundle->setObjectName(QStringLiteral("saveBundleCheck"));
        m_saveBundle->setChecked(true);
        form->addRow(QString(), m_saveBundle);
        m_bundleFormat = new QComboBox(general);
        m_bundleFormat->setObjectName(QStringLiteral("bundleFormatCombo"));
        m_bundleFormat->addItem(
            tr("Compatible (3DES, SHA-1 MAC) — what the PBX and older Windows read"),
            int(crypto::Pkcs12Format::Compat));
        m_bundleFormat->addItem(tr("Modern (AES-256, PBKDF2, SHA-256 MAC)"),
                                int(crypto::Pkcs12Format::Modern));
        form->addRow(tr("PKCS#12 Encryption:"), m_bundleFormat);
        connect(m_passphrase, &PassphraseFields::changed, this, &CertificateForm::refresh);
        connect(m_saveBundle, &QCheckBox::toggled, this, [this](bool on) {
            m_passphrase->setEnabled(on);
            m_bundleFormat->setEnabled(on);
            refresh();
        });
    }
    m_serial = new QLineEdit(general);
    m_serial->setObjectName(QStringLiteral("serialEdit"));
    m_serial->setPlaceholderText(tr("random (recommended)"));
    m_serial->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,49}")), m_serial));
    form->addRow(tr("Serial Number of Certificate:"), m_serial);
    m_signature = new SignatureFields(form, general);
    layout->addWidget(general);

    // A technician's own CA lives long (the Admin Portal suggests 10 years); server
    // certificates stay within the 398 days clients accept.
    m_validity = mode == Mode::CaCertificate ? new ValidityFields(3650, 0, content)
                                             : new ValidityFields(365, 398, content);
    layout->addWidget(m_validity);
    m_subject = new SubjectFields(tr("Subject Name"), content);
    layout->addWidget(m_subject);
    m_san = new SanEditor(content);
    layout->addWidget(m_san);

    auto* crlBox = new QGroupBox(tr("CRL Distribution Point"), content);
    auto* crlForm = new QFormLayout(crlBox);
    crlForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_crl = new CrlDistributionPointFields(crlForm, crlBox);
    layout->addWidget(crlBox);

    m_apply = new ApplyBar(mode == Mode::CaSigned ? tr("Generate Certificate") : tr("Apply"), this);
    // Outside the scrolling part: the reason Apply is disabled is always in sight.
    m_apply->setContentsMargins(9, 0, 9, 6);
    outer->addWidget(m_apply);
    layout->addStretch();

    connect(m_name, &QLineEdit::textChanged, this, &CertificateForm::refresh);
    connect(m_serial, &QLineEdit::textChanged, this, &CertificateForm::refresh);
    connect(m_signature, &SignatureFields::changed, this, &CertificateForm::refresh);
    connect(m_validity, &ValidityFields::changed, this, &CertificateForm::refresh);
    connect(m_subject, &SubjectFields::changed, this, &CertificateForm::refresh);
    connect(m_san, &SanEditor::changed, this, &CertificateForm::refresh);
    connect(m_crl, &CrlDistributionPointFields::changed, this, &CertificateForm::refresh);
    connect(m_store, &StoreController::entriesChanged, this, &CertificateForm::refresh);
    connect(m_store, &StoreController::keyStateChanged, this, &CertificateForm::refresh);
    connect(m_apply, &ApplyBar::applied, this, &CertificateForm::apply);
    setIssuer(QString());
}

void CertificateForm::setIssuer(const QString& caName)
{
    m_issuer = caName;
    if (m_saveBundle)
        m_saveBundle->setText(
            tr("Also save %1").arg(crypto::AdminPortalFiles::caSignedBundle(caName)));
    refresh();
}

Result<crypto::CertificateSpec> CertificateForm::spec() const
{
    crypto::CertificateSpec spec;
    spec.profile = m_mode == Mode::CaCertificate
                       ? crypto::CertificateSpec::Profile::CertificateAuthority
                   : m_mode == Mode::SelfSigned ? crypto::CertificateSpec::Profile::SelfSignedServer
                                                : crypto::CertificateSpec::Profile::CaSignedServer;
    if (!m_serial->text().isEmpty()) {
        auto serial = crypto::SerialNumber::fromDecimal(m_serial->text());
        if (!serial)
            return serial.error();
        spec.serial = *serial;
    }
    spec.digest = m_signature->digest();
    spec.notBefore = m_validity->notBefore();
    spec.notAfter = m_validity->notAfter();
    spec.subject = m_subject->name();
    spec.subjectAltNames = m_san->names();
    spec.crlDistributionPoint = m_crl->point();
    return spec;
}

Status CertificateForm::validate() const
{
    // Every field is checked (and marked) even when an earlier one already failed.
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

    Status passphrase;
    if (m_passphrase)
        passphrase = m_passphrase->validate(m_saveBundle->isChecked());

    Status serial;
    if (!m_serial->text().isEmpty()) {
        auto parsed = crypto::SerialNumber::fromDecimal(m_serial->text());
        if (!parsed)
            serial = parsed.error();
    }
    FieldMarker::mark(m_serial, serial ? QString() : serial.error().message);

    const Status validity = m_validity->validate();
    const Status subject = m_subject->validate();
    const Status san = m_san->validate();
    const Status crl = m_crl->validate();
    for (const Status* s : std::initializer_list<const Status*>{&nameStatus, &passphrase, &serial,
                                                                &validity, &subject, &san, &crl}) {
        if (!*s)
            return *s;
    }
    auto built = spec();
    if (!built)
        return built.error();
    if (Status s = built->validate(); !s)
        return s;
    if (m_mode == Mode::CaSigned && m_issuer.isEmpty())
        return Error::usage(tr("Choose the issuing CA certificate in the tree."));
    if (m_store->keyState() == StoreController::KeyState::Failed)
        return Error::failure(tr("The certificate store is locked: %1").arg(m_store->keyError()));
    return {};
}

void CertificateForm::refresh()
{
    const Status s = validate();
    m_apply->setProblem(s ? QString() : s.error().message);
}

QString CertificateForm::bundlePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString suggested = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                  .filePath(crypto::AdminPortalFiles::caSignedBundle(m_issuer));
    return m_dialogs->saveFile(this, tr("Save PKCS#12 File"), suggested,
                               tr("PKCS#12 files (*.p12 *.pfx)"));
}

void CertificateForm::apply()
{
    if (!validate())
        return;
    auto built = spec();
    if (!built)
        return;
    const QString name = m_name->text().trimmed();
    const crypto::CertificateSpec certificateSpec = *built;

    StoreController::Job<store::StoreEntry> job;
    QString what;
    if (m_mode == Mode::CaSigned) {
        std::optional<StoreTasks::Bundle> bundle;
        if (m_saveBundle->isChecked()) {
            const QString path = bundlePath();
            if (path.isEmpty())
                return;
            bundle = StoreTasks::Bundle{
                path, m_passphrase->passphrase(),
                static_cast<crypto::Pkcs12Format>(m_bundleFormat->currentData().toInt())};
        }
        const QString issuer = m_issuer;
        what = tr("Generating the key and the CA-signed certificate \"%1\"…").arg(name);
        job = [issuer, name, certificateSpec, bundle](store::CertificateStore& s) {
            return StoreTasks::issue(s, issuer, name, certificateSpec, bundle);
        };
    } else {
        const store::EntryType type = m_mode == Mode::CaCertificate
                                          ? store::EntryType::CaCertificate
                                          : store::EntryType::SelfSigned;
        what = tr("Generating the key and the certificate \"%1\"…").arg(name);
        job = [name, type, certificateSpec](store::CertificateStore& s) {
            return StoreTasks::generateSelfSigned(s, name, type, certificateSpec);
        };
    }
    m_apply->setRunning(true, what);
    m_store->write<store::StoreEntry>(
        what, true, this, job, [this](Result<store::StoreEntry> entry) {
            m_apply->setRunning(false);
            if (!entry) {
                m_apply->showResult(false, entry.error().message);
                return;
            }
            m_apply->showResult(
                true, tr("Generated \"%1\": %2, valid until %3 GMT.")
                          .arg(entry->name, store::entryTypeLabel(entry->type),
                               entry->notAfter.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))));
            m_name->clear();
            if (m_passphrase)
                m_passphrase->clear();
            m_validity->resetToDefault();
            emit entryCreated(entry->name);
            refresh();
        });
}

} // namespace certdesk::ui
