#include "ui/UpdateCaSignedWidget.h"

#include "core/crypto/CertificateBuilder.h"
#include "ui/ApplyBar.h"
#include "ui/FieldMarker.h"
#include "ui/SignatureFields.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"
#include "ui/ValidityFields.h"

#include "ui/ScrollPage.h"
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace certdesk::ui {

UpdateCaSignedWidget::UpdateCaSignedWidget(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("updateCaSigned"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    auto* intro = new QLabel(tr("Issue a new certificate with this CA for the key of a stored "
                                "server certificate or CSR. Subject and Subject Alternative Names "
                                "stay as they are."),
                             content);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* general = new QGroupBox(tr("General"), content);
    auto* form = new QFormLayout(general);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_target = new QComboBox(general);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    form->addRow(tr("Server Certificate:"), m_target);
    m_serial = new QLineEdit(general);
    m_serial->setObjectName(QStringLiteral("serialEdit"));
    m_serial->setPlaceholderText(tr("random (recommended)"));
    m_serial->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,49}")), m_serial));
    form->addRow(tr("Serial Number of Certificate:"), m_serial);
    m_signature = new SignatureFields(form, general);
    layout->addWidget(general);
    m_validity = new ValidityFields(365, 398, content);
    layout->addWidget(m_validity);
    m_apply = new ApplyBar(tr("Generate Certificate"), this);
    // Outside the scrolling part: the reason Apply is disabled is always in sight.
    m_apply->setContentsMargins(9, 0, 9, 6);
    outer->addWidget(m_apply);
    layout->addStretch();

    connect(m_target, &QComboBox::currentIndexChanged, this, &UpdateCaSignedWidget::refresh);
    connect(m_serial, &QLineEdit::textChanged, this, &UpdateCaSignedWidget::refresh);
    connect(m_validity, &ValidityFields::changed, this, &UpdateCaSignedWidget::refresh);
    connect(m_store, &StoreController::entriesChanged, this, &UpdateCaSignedWidget::fillTargets);
    connect(m_store, &StoreController::keyStateChanged, this, &UpdateCaSignedWidget::refresh);
    connect(m_apply, &ApplyBar::applied, this, &UpdateCaSignedWidget::apply);
    fillTargets();
}

void UpdateCaSignedWidget::setIssuer(const QString& caName)
{
    m_issuer = caName;
    refresh();
}

void UpdateCaSignedWidget::fillTargets()
{
    const QString current = m_target->currentText();
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (const store::StoreEntry& e : m_store->entries()) {
        if (e.hasKey && (e.type == store::EntryType::CertificateRequest ||
                         e.type == store::EntryType::CaSigned))
            m_target->addItem(tr("%1 (%2)").arg(e.name, store::entryTypeLabel(e.type)), e.name);
    }
    const int index = m_target->findData(current);
    if (index >= 0)
        m_target->setCurrentIndex(index);
    refresh();
}

Status UpdateCaSignedWidget::validate() const
{
    if (m_target->count() == 0)
        return Error::usage(tr("There is no CSR or CA-signed server certificate in the store to "
                               "update. Generate a CSR under Server Certificates first."));
    Status serial;
    if (!m_serial->text().isEmpty()) {
        auto parsed = crypto::SerialNumber::fromDecimal(m_serial->text());
        if (!parsed)
            serial = parsed.error();
    }
    FieldMarker::mark(m_serial, serial ? QString() : serial.error().message);
    if (!serial)
        return serial;
    if (Status s = m_validity->validate(); !s)
        return s;
    if (m_issuer.isEmpty())
        return Error::usage(tr("Choose the issuing CA certificate in the tree."));
    if (m_store->keyState() == StoreController::KeyState::Failed)
        return Error::failure(tr("The certificate store is locked: %1").arg(m_store->keyError()));
    return {};
}

void UpdateCaSignedWidget::refresh()
{
    const Status s = validate();
    m_apply->setProblem(s ? QString() : s.error().message);
}

void UpdateCaSignedWidget::apply()
{
    if (!validate())
        return;
    crypto::CertificateSpec spec;
    if (!m_serial->text().isEmpty())
        spec.serial = crypto::SerialNumber::fromDecimal(m_serial->text()).value();
    spec.digest = m_signature->digest();
    spec.notBefore = m_validity->notBefore();
    spec.notAfter = m_validity->notAfter();
    const QString target = m_target->currentData().toString();
    const QString issuer = m_issuer;
    const QString what = tr("Issuing a new certificate for \"%1\"…").arg(target);
    m_apply->setRunning(true, what);
    m_store->write<store::StoreEntry>(
        what, true, this,
        [issuer, target, spec](store::CertificateStore& s) {
            return StoreTasks::reissue(s, issuer, target, spec);
        },
        [this](Result<store::StoreEntry> entry) {
            m_apply->setRunning(false);
            if (!entry) {
                m_apply->showResult(false, entry.error().message);
                return;
            }
            m_apply->showResult(
                true, tr("\"%1\" now holds a certificate from \"%2\", valid until %3 GMT.")
                          .arg(entry->name, m_issuer,
                               entry->notAfter.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))));
            m_serial->clear();
            m_validity->resetToDefault();
        });
}

} // namespace certdesk::ui
