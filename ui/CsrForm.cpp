#include "ui/CsrForm.h"

#include "core/crypto/CsrBuilder.h"
#include "core/store/CertificateStore.h"
#include "ui/ApplyBar.h"
#include "ui/FieldMarker.h"
#include "ui/SanEditor.h"
#include "ui/SignatureFields.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"
#include "ui/SubjectFields.h"

#include "ui/ScrollPage.h"
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace certdesk::ui {

CsrForm::CsrForm(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("generateCsrForm"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    auto* general = new QGroupBox(tr("General"), content);
    auto* form = new QFormLayout(general);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(tr("Certificate Request Name:"), m_name);
    m_signature = new SignatureFields(form, general);
    layout->addWidget(general);
    m_subject = new SubjectFields(tr("Subject Name"), content);
    layout->addWidget(m_subject);
    m_san = new SanEditor(content);
    layout->addWidget(m_san);
    m_apply = new ApplyBar(tr("Apply"), this);
    // Outside the scrolling part: the reason Apply is disabled is always in sight.
    m_apply->setContentsMargins(9, 0, 9, 6);
    outer->addWidget(m_apply);
    layout->addStretch();

    connect(m_name, &QLineEdit::textChanged, this, &CsrForm::refresh);
    connect(m_subject, &SubjectFields::changed, this, &CsrForm::refresh);
    connect(m_san, &SanEditor::changed, this, &CsrForm::refresh);
    connect(m_store, &StoreController::entriesChanged, this, &CsrForm::refresh);
    connect(m_store, &StoreController::keyStateChanged, this, &CsrForm::refresh);
    connect(m_apply, &ApplyBar::applied, this, &CsrForm::apply);
    refresh();
}

Status CsrForm::validate() const
{
    const QString name = m_name->text().trimmed();
    Status nameStatus;
    if (name.isEmpty())
        nameStatus = Error::usage(tr("Enter the Certificate Request Name."));
    else if (Status s = store::CertificateStore::checkName(name); !s)
        nameStatus = s;
    else if (m_store->find(name))
        nameStatus = Error::usage(
            tr("An entry named \"%1\" already exists. Choose another name.").arg(name));
    FieldMarker::mark(m_name,
                      name.isEmpty() || nameStatus ? QString() : nameStatus.error().message);
    const Status subject = m_subject->validate();
    const Status san = m_san->validate();
    for (const Status* s : std::initializer_list<const Status*>{&nameStatus, &subject, &san}) {
        if (!*s)
            return *s;
    }
    crypto::CsrSpec spec;
    spec.subject = m_subject->name();
    spec.subjectAltNames = m_san->names();
    spec.digest = m_signature->digest();
    if (Status s = crypto::CsrBuilder(spec).validate(); !s)
        return s;
    if (m_store->keyState() == StoreController::KeyState::Failed)
        return Error::failure(tr("The certificate store is locked: %1").arg(m_store->keyError()));
    return {};
}

void CsrForm::refresh()
{
    const Status s = validate();
    m_apply->setProblem(s ? QString() : s.error().message);
}

void CsrForm::apply()
{
    if (!validate())
        return;
    const QString name = m_name->text().trimmed();
    crypto::CsrSpec spec;
    spec.subject = m_subject->name();
    spec.subjectAltNames = m_san->names();
    spec.digest = m_signature->digest();
    const QString what = tr("Generating the key and the CSR \"%1\"…").arg(name);
    m_apply->setRunning(true, what);
    m_store->write<store::StoreEntry>(
        what, true, this,
        [name, spec](store::CertificateStore& s) { return StoreTasks::generateCsr(s, name, spec); },
        [this](Result<store::StoreEntry> entry) {
            m_apply->setRunning(false);
            if (!entry) {
                m_apply->showResult(false, entry.error().message);
                return;
            }
            m_apply->showResult(true,
                                tr("Generated the CSR \"%1\". Export it (Export Certificate / "
                                   "CSR) for your CA, then import the CA's answer.")
                                    .arg(entry->name));
            m_name->clear();
            emit entryCreated(entry->name);
            refresh();
        });
}

} // namespace certdesk::ui
