#include "ui/CertificateGenerationPage.h"

#include "ui/CertificateForm.h"
#include "ui/GeneralInformationWidget.h"
#include "ui/PageHeader.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace certdesk::ui {

CertificateGenerationPage::CertificateGenerationPage(StoreController* store,
                                                     DialogProvider* dialogs, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("certificateGenerationPage"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new PageHeader(this);
    header->setText(tr("Certificate Generation"));
    layout->addWidget(header);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("certificateGenerationTabs"));
    m_tabs->addTab(new GeneralInformationWidget(store, m_tabs), tr("Display General Information"));
    auto* ca = new CertificateForm(CertificateForm::Mode::CaCertificate, store, dialogs, m_tabs);
    auto* selfSigned =
        new CertificateForm(CertificateForm::Mode::SelfSigned, store, dialogs, m_tabs);
    m_tabs->addTab(ca, tr("Generate CA Certificate"));
    m_tabs->addTab(selfSigned, tr("Generate Self-Signed Certificate"));
    layout->addWidget(m_tabs);
    connect(ca, &CertificateForm::entryCreated, this, &CertificateGenerationPage::entryCreated);
    connect(selfSigned, &CertificateForm::entryCreated, this,
            &CertificateGenerationPage::entryCreated);
}

} // namespace certdesk::ui
