#include "ui/ServerCertificatesPage.h"

#include "ui/CsrForm.h"
#include "ui/ImportServerCertificateForm.h"
#include "ui/PageHeader.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace certdesk::ui {

ServerCertificatesPage::ServerCertificatesPage(StoreController* store, DialogProvider* dialogs,
                                               QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("serverCertificatesPage"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new PageHeader(this);
    header->setText(tr("Server Certificates"));
    layout->addWidget(header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serverCertificatesTabs"));
    m_csr = new CsrForm(store, m_tabs);
    m_import = new ImportServerCertificateForm(store, dialogs, m_tabs);
    m_tabs->addTab(m_csr, tr("Generate Certificate Signing Request (CSR)"));
    m_tabs->addTab(m_import, tr("Import Server Certificate [PKCS#12 / X.509]"));
    layout->addWidget(m_tabs);
    connect(m_csr, &CsrForm::entryCreated, this, &ServerCertificatesPage::entryCreated);
    connect(m_import, &ImportServerCertificateForm::entryCreated, this,
            &ServerCertificatesPage::entryCreated);
}

} // namespace certdesk::ui
