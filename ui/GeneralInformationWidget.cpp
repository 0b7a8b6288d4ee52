#include "ui/GeneralInformationWidget.h"

#include "ui/StoreController.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

GeneralInformationWidget::GeneralInformationWidget(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("generalInformation"));
    auto* layout = new QVBoxLayout(this);
    auto* storeBox = new QGroupBox(tr("Certificate Store"), this);
    auto* form = new QFormLayout(storeBox);
    m_location = new QLabel(storeBox);
    m_location->setObjectName(QStringLiteral("storeLocationLabel"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setWordWrap(true);
    m_key = new QLabel(storeBox);
    m_key->setObjectName(QStringLiteral("storeKeyLabel"));
    m_key->setWordWrap(true);
    m_counts = new QLabel(storeBox);
    m_counts->setObjectName(QStringLiteral("storeCountsLabel"));
    m_counts->setWordWrap(true);
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Store key:"), m_key);
    form->addRow(tr("Entries:"), m_counts);
    layout->addWidget(storeBox);

    auto* pbx = new QGroupBox(tr("What OpenScape Business accepts"), this);
    auto* pbxLayout = new QVBoxLayout(pbx);
    auto* facts = new QLabel(
        tr("• X.509 server certificates, imported as PKCS#12 (.p12) or PEM certificate and key\n"
           "• Signature algorithms sha256RSA, sha384RSA, sha512RSA\n"
           "• Public key length 2048 (RSA)\n"
           "• Passphrases of 7 to 32 characters\n"
           "• New certificates are not active after import: Activate Certificate restarts the web "
           "server (2–3 minutes without Admin Portal)"),
        pbx);
    facts->setWordWrap(true);
    pbxLayout->addWidget(facts);
    layout->addWidget(pbx);
    layout->addStretch();

    connect(m_store, &StoreController::entriesChanged, this, &GeneralInformationWidget::refresh);
    connect(m_store, &StoreController::keyStateChanged, this, &GeneralInformationWidget::refresh);
    refresh();
}

void GeneralInformationWidget::refresh()
{
    m_location->setText(QDir::toNativeSeparators(m_store->root()));
    switch (m_store->keyState()) {
    case StoreController::KeyState::Closed:
        m_key->setText(tr("not requested"));
        break;
    case StoreController::KeyState::Pending:
        m_key->setText(tr("waiting for the keychain…"));
        break;
    case StoreController::KeyState::Ready:
        m_key->setText(tr("available (keys are stored encrypted)"));
        break;
    case StoreController::KeyState::Failed:
        m_key->setText(tr("not available: %1").arg(m_store->keyError()));
        break;
    }
    int cas = 0;
    int servers = 0;
    int requests = 0;
    for (const store::StoreEntry& e : m_store->entries()) {
        if (e.type == store::EntryType::CaCertificate)
            ++cas;
        else if (e.type == store::EntryType::CertificateRequest)
            ++requests;
        else
            ++servers;
    }
    m_counts->setText(tr("%1 CA certificate(s), %2 server certificate(s), %3 CSR(s) waiting for "
                         "their CA")
                          .arg(cas)
                          .arg(servers)
                          .arg(requests));
}

} // namespace certdesk::ui
