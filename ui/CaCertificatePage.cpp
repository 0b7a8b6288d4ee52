#include "ui/CaCertificatePage.h"

#include "ui/CertificateForm.h"
#include "ui/DeleteCertificateWidget.h"
#include "ui/ExportCertificateWidget.h"
#include "ui/PageHeader.h"
#include "ui/UpdateCaSignedWidget.h"
#include "ui/ViewCertificateWidget.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace certdesk::ui {

CaCertificatePage::CaCertificatePage(StoreController* store, DialogProvider* dialogs,
                                     QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("caCertificatePage"));
    auto* layout = new QVBoxLayout(this);
    m_header = new PageHeader(this);
    layout->addWidget(m_header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("caCertificateTabs"));
    m_tabs->setUsesScrollButtons(true);
    m_view = new ViewCertificateWidget(store, m_tabs);
    m_delete = new DeleteCertificateWidget(store, dialogs, m_tabs);
    m_export = new ExportCertificateWidget(false, store, dialogs, m_tabs);
    m_issue = new CertificateForm(CertificateForm::Mode::CaSigned, store, dialogs, m_tabs);
    m_update = new UpdateCaSignedWidget(store, m_tabs);
    m_tabs->addTab(m_view, tr("View Certificate"));
    m_tabs->addTab(m_delete, tr("Delete Certificate"));
    m_tabs->addTab(m_export, tr("Export Certificate [X.509]"));
    m_tabs->addTab(m_issue, tr("Generate CA-Signed Server Certificate [PKCS#12]"));
    m_tabs->addTab(m_update, tr("Update CA-Signed Server Certificate [X.509]"));
    layout->addWidget(m_tabs);
    connect(m_issue, &CertificateForm::entryCreated, this, &CaCertificatePage::entryCreated);
    connect(m_delete, &DeleteCertificateWidget::entryDeleted, this,
            &CaCertificatePage::entryDeleted);
}

void CaCertificatePage::setEntry(const QString& name)
{
    m_name = name;
    m_header->setText(tr("Certificate Generation – %1").arg(name));
    m_view->setEntry(name);
    m_delete->setEntry(name);
    m_export->setEntry(name);
    m_issue->setIssuer(name);
    m_update->setIssuer(name);
}

} // namespace certdesk::ui
