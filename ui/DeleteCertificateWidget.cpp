#include "ui/DeleteCertificateWidget.h"

#include "core/store/CertificateStore.h"
#include "ui/ApplyBar.h"
#include "ui/DialogProvider.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"

#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

DeleteCertificateWidget::DeleteCertificateWidget(StoreController* store, DialogProvider* dialogs,
                                                 QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("deleteCertificate"));
    auto* layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("deleteText"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_apply = new ApplyBar(tr("Delete"), this);
    layout->addWidget(m_apply);
    layout->addStretch();
    connect(m_apply, &ApplyBar::applied, this, &DeleteCertificateWidget::apply);
}

void DeleteCertificateWidget::setEntry(const QString& name)
{
    m_name = name;
    m_apply->clearResult();
    m_text->setText(tr("Delete \"%1\" from the certificate store? It is moved to the store's trash "
                       "and kept there for %2 days; certdesk-cli can restore it.")
                        .arg(name)
                        .arg(store::CertificateStore::trashDays));
    m_apply->setProblem(name.isEmpty() ? tr("Choose a certificate in the tree.") : QString());
}

void DeleteCertificateWidget::apply()
{
    const QString name = m_name;
    if (!m_dialogs->confirm(this, tr("Delete Certificate"),
                            tr("Delete \"%1\"? It goes to the store's trash for %2 days.")
                                .arg(name)
                                .arg(store::CertificateStore::trashDays)))
        return;
    const QString what = tr("Deleting \"%1\"…").arg(name);
    m_apply->setRunning(true, what);
    m_store->write<void>(
        what, false, this,
        [name](store::CertificateStore& s) { return StoreTasks::remove(s, name); },
        [this, name](Status done) {
            m_apply->setRunning(false);
            if (!done) {
                m_apply->showResult(false, done.error().message);
                return;
            }
            m_apply->showResult(true, tr("Moved \"%1\" to the trash.").arg(name));
            emit entryDeleted(name);
        });
}

} // namespace certdesk::ui
