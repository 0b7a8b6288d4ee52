#include "ui/ImportSignedWidget.h"

#include "core/store/CertificateStore.h"
#include "ui/ApplyBar.h"
#include "ui/FileSourceField.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

ImportSignedWidget::ImportSignedWidget(StoreController* store, DialogProvider* dialogs,
                                       QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("importSigned"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_file = new FileSourceField(
        dialogs, tr("Choose the CA's Answer"),
        tr("Certificates (*.crt *.cer *.pem *.der *.p7b *.p7c);;All files (*)"), this);
    m_file->setObjectName(QStringLiteral("answerFile"));
    form->addRow(tr("File with Certificate [X.509]:"), m_file);
    layout->addLayout(form);
    m_apply = new ApplyBar(tr("Import"), this);
    layout->addWidget(m_apply);
    layout->addStretch();
    connect(m_file, &FileSourceField::changed, this, &ImportSignedWidget::refresh);
    connect(m_store, &StoreController::keyStateChanged, this, &ImportSignedWidget::refresh);
    connect(m_apply, &ApplyBar::applied, this, &ImportSignedWidget::apply);
    refresh();
}

void ImportSignedWidget::setEntry(const QString& name)
{
    if (name != m_name) {
        m_file->clear();
        m_apply->clearResult();
    }
    m_name = name;
    const auto entry = m_store->find(name);
    const bool request = entry && entry->type == store::EntryType::CertificateRequest;
    m_text->setText(request ? tr("Import the certificate your CA issued for the CSR \"%1\". The "
                                 "answer is matched to the CSR's key; a chain in the same file is "
                                 "kept with it.")
                                  .arg(name)
                            : tr("Import a renewed certificate for \"%1\" (issued for the same "
                                 "key). The answer is matched to the entry's key.")
                                  .arg(name));
    refresh();
}

void ImportSignedWidget::setAnswer(const FileSource& answer)
{
    m_file->setSource(answer);
}

void ImportSignedWidget::refresh()
{
    QString problem;
    if (m_name.isEmpty())
        problem = tr("Choose a certificate or CSR in the tree.");
    else if (m_file->source().isEmpty())
        problem = tr("Choose the file with the CA's answer (.crt, .cer, .pem, .der or .p7b).");
    else if (m_store->keyState() == StoreController::KeyState::Failed)
        problem = tr("The certificate store is locked: %1").arg(m_store->keyError());
    m_apply->setProblem(problem);
}

void ImportSignedWidget::apply()
{
    const QString name = m_name;
    const FileSource answer = m_file->source();
    const QString what = tr("Importing the CA's answer for \"%1\"…").arg(name);
    m_apply->setRunning(true, what);
    m_store->write<store::StoreEntry>(
        what, true, this,
        [name, answer](store::CertificateStore& s) {
            return StoreTasks::importSigned(s, name, answer);
        },
        [this](Result<store::StoreEntry> entry) {
            m_apply->setRunning(false);
            if (!entry) {
                m_apply->showResult(false, entry.error().message);
                return;
            }
            m_file->clear();
            m_apply->showResult(
                true, tr("\"%1\" is now a %2 (CN=%3, valid until %4 GMT).")
                          .arg(entry->name, store::entryTypeLabel(entry->type), entry->commonName,
                               entry->notAfter.toString(QStringLiteral("dd.MM.yyyy HH:mm:ss"))));
            emit imported(entry->name);
        });
}

} // namespace certdesk::ui
