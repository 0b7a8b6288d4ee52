#include "ui/ViewCertificateWidget.h"

#include "core/crypto/CertificateDetails.h"
#include "ui/DetailLinesView.h"
#include "ui/FindingsPanel.h"
#include "ui/StoreController.h"
#include "ui/StoreTasks.h"

#include "ui/ScrollPage.h"
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

ViewCertificateWidget::ViewCertificateWidget(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("viewCertificate"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("viewTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    layout->addWidget(m_title);
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("viewStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* compliance = new QGroupBox(tr("Compliance"), content);
    auto* complianceLayout = new QVBoxLayout(compliance);
    m_findings = new FindingsPanel(compliance);
    complianceLayout->addWidget(m_findings);
    layout->addWidget(compliance);

    m_details = new DetailLinesView(content);
    layout->addWidget(m_details);
    m_extra = new QLabel(content);
    m_extra->setObjectName(QStringLiteral("viewExtra"));
    m_extra->setWordWrap(true);
    m_extra->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_extra);
    layout->addStretch();

    connect(m_store, &StoreController::entriesChanged, this, [this] {
        // The entry changed (a CA's answer imported): show the new state.
        if (!m_name.isEmpty() && m_store->find(m_name))
            load();
    });
}

void ViewCertificateWidget::setEntry(const QString& name)
{
    m_name = name;
    load();
}

void ViewCertificateWidget::load()
{
    m_title->setText(tr("Name of the Certificate: %1").arg(m_name));
    m_loading = true;
    m_status->setText(tr("Loading…"));
    m_status->show();
    const QString name = m_name;
    m_store->read<StoreTasks::EntryView>(
        tr("Reading \"%1\"…").arg(name), false, this,
        [name](store::CertificateStore& s) { return StoreTasks::view(s, name); },
        [this, name](Result<StoreTasks::EntryView> view) {
            if (name != m_name)
                return; // another entry was chosen meanwhile
            m_loading = false;
            if (!view) {
                m_status->setText(view.error().message);
                m_details->setLines({});
                m_findings->clear();
                m_extra->clear();
                emit loaded();
                return;
            }
            m_status->hide();
            m_details->setLines(view->lines);
            QStringList extra;
            for (const crypto::Certificate& c : view->material.chain)
                extra << tr("Chain: %1 (SHA-256 %2)")
                             .arg(c.subjectCommonName(), crypto::colonHex(c.sha256Fingerprint()));
            extra << tr("Private key: %1")
                         .arg(view->entry.hasKey ? tr("stored in CertDesk, encrypted")
                                                 : tr("none"));
            m_extra->setText(extra.join(QLatin1Char('\n')));
            if (auto report = StoreTasks::check(*view, QString()))
                m_findings->setReport(*report);
            else
                m_findings->clear(tr("A CSR is checked once the CA's answer is imported."));
            emit loaded();
        });
}

} // namespace certdesk::ui
