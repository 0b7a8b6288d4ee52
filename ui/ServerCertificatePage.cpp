#include "ui/ServerCertificatePage.h"

#include "ui/ActivateCertificateWidget.h"
#include "ui/DeleteCertificateWidget.h"
#include "ui/ExportCertificateWidget.h"
#include "ui/ImportSignedWidget.h"
#include "ui/PageHeader.h"
#include "ui/ViewCertificateWidget.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace certdesk::ui {

ServerCertificatePage::ServerCertificatePage(StoreController* store, DialogProvider* dialogs,
                                             QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("serverCertificatePage"));
    auto* layout = new QVBoxLayout(this);
    m_header = new PageHeader(this);
    layout->addWidget(m_header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serverCertificateTabs"));
    m_tabs->setUsesScrollButtons(true);
    m_view = new ViewCertificateWidget(store, m_tabs);
    m_delete = new DeleteCertificateWidget(store, dialogs, m_tabs);
    m_export = new ExportCertificateWidget(true, store, dialogs, m_tabs);
    m_import = new ImportSignedWidget(store, dialogs, m_tabs);
    m_activate = new ActivateCertificateWidget(store, m_tabs);
    m_tabs->addTab(m_view, tr("View Certificate"));
    m_tabs->addTab(m_delete, tr("Delete Certificate"));
    m_tabs->addTab(m_export, tr("Export Certificate / CSR [X.509]"));
    m_tabs->addTab(m_import, tr("Import Updated Certificate / Certificate for CSR [X.509]"));
    const int activate = m_tabs->addTab(m_activate, tr("Activate Certificate"));
    m_tabs->setTabEnabled(activate, false);
    m_tabs->setTabToolTip(activate, ActivateCertificateWidget::unavailableReason());
    layout->addWidget(m_tabs);
    connect(m_delete, &DeleteCertificateWidget::entryDeleted, this,
            &ServerCertificatePage::entryDeleted);
}

void ServerCertificatePage::setEntry(const QString& name)
{
    m_name = name;
    m_header->setText(tr("Server Certificates – %1").arg(name));
    m_view->setEntry(name);
    m_delete->setEntry(name);
    m_export->setEntry(name);
    m_import->setEntry(name);
    m_activate->setEntry(name);
}

void ServerCertificatePage::setSites(SiteController* sites)
{
    m_activate->setSites(sites);
    m_tabs->setTabEnabled(Activate, sites != nullptr);
    m_tabs->setTabToolTip(Activate,
                          sites ? QString() : ActivateCertificateWidget::unavailableReason());
}

} // namespace certdesk::ui
