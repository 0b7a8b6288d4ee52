#include "ui/ActivateCertificateWidget.h"

#include "core/remote/AdminPortalProtocol.h"
#include "ui/ActivationProgressWidget.h"
#include "ui/SiteController.h"
#include "ui/StoreController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdesk::ui {

ActivateCertificateWidget::ActivateCertificateWidget(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("activateCertificate"));
    auto* layout = new QVBoxLayout(this);
    auto* warning =
        new QLabel(tr("Warning: This action will distribute and activate the certificate "
                      "to the system selected below. All current http connections of "
                      "the selected system will be broken; the Admin Portal is not "
                      "reachable for 2–3 minutes."),
                   this);
    warning->setWordWrap(true);
    layout->addWidget(warning);
    auto* form = new QFormLayout;
    m_system = new QComboBox(this);
    m_system->setObjectName(QStringLiteral("systemCombo"));
    m_system->addItem(tr("Telephony Server"), remote::AdminPortalProtocol::telephonySystem());
    m_system->addItem(tr("OpenScape Business UC Booster Server"),
                      remote::AdminPortalProtocol::boosterSystem());
    form->addRow(tr("System:"), m_system);
    m_site = new QComboBox(this);
    m_site->setObjectName(QStringLiteral("siteCombo"));
    form->addRow(tr("Site:"), m_site);
    layout->addLayout(form);
    m_activate = new QPushButton(tr("Activate Now"), this);
    m_activate->setObjectName(QStringLiteral("activateButton"));
    m_activate->setEnabled(false);
    layout->addWidget(m_activate, 0, Qt::AlignLeft);
    m_reason = new QLabel(unavailableReason(), this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    layout->addWidget(m_reason);
    m_progress = new ActivationProgressWidget(this);
    layout->addWidget(m_progress);
    layout->addStretch();

    connect(m_activate, &QPushButton::clicked, this, &ActivateCertificateWidget::activate);
    connect(m_system, &QComboBox::currentIndexChanged, this,
            &ActivateCertificateWidget::updateState);
    connect(m_site, &QComboBox::currentIndexChanged, this, &ActivateCertificateWidget::updateState);
    connect(m_progress, &ActivationProgressWidget::stateChanged, this,
            &ActivateCertificateWidget::updateState);
    setEnabled(false);
}

QString ActivateCertificateWidget::unavailableReason()
{
    return tr("Activation needs a site: add the PBX under Sites and trust its certificate.");
}

void ActivateCertificateWidget::setSites(SiteController* sites)
{
    m_sites = sites;
    setEnabled(m_sites != nullptr);
    if (m_sites)
        connect(m_sites, &SiteController::sitesChanged, this,
                &ActivateCertificateWidget::reloadSites);
    reloadSites();
}

void ActivateCertificateWidget::setEntry(const QString& name)
{
    m_entry = name;
    updateState();
}

void ActivateCertificateWidget::reloadSites()
{
    const QString previous = m_site->currentData().toString();
    {
        const QSignalBlocker block(m_site);
        m_site->clear();
        if (m_sites) {
            for (const remote::Site& site : m_sites->sites())
                m_site->addItem(
                    QStringLiteral("%1 (%2:%3)").arg(site.name, site.host).arg(site.port),
                    site.name);
        }
        const int index = m_site->findData(previous);
        m_site->setCurrentIndex(index >= 0 ? index : 0);
    }
    updateState();
}

void ActivateCertificateWidget::setReason(const QString& text)
{
    m_reason->setText(text);
    m_reason->setVisible(!text.isEmpty());
}

void ActivateCertificateWidget::updateState()
{
    const bool busy = m_loading || m_progress->isRunning();
    m_system->setEnabled(!busy);
    m_site->setEnabled(!busy);
    QString reason;
    const QString system = m_system->currentData().toString();
    const std::optional<remote::Site> site =
        m_sites ? m_sites->find(m_site->currentData().toString()) : std::nullopt;
    const std::optional<store::StoreEntry> entry =
        m_entry.isEmpty() ? std::nullopt : m_store->find(m_entry);
    if (!m_sites || m_site->count() == 0)
        reason = unavailableReason();
    else if (!site)
        reason = tr("Choose a site.");
    else if (entry && (entry->type == store::EntryType::CertificateRequest || !entry->hasKey))
        reason = tr("Only a certificate with its key can be activated; a CSR waits for the "
                    "CA's answer first.");
    else if (system == remote::AdminPortalProtocol::boosterSystem() && !site->hasBooster())
        reason = tr("The site \"%1\" has no UC Booster Server.").arg(site->name);
    else if (site->pinFor(system).isNull())
        reason = tr("The site \"%1\" is not trusted yet: trust its certificate under Sites first.")
                     .arg(site->name);
    setReason(reason);
    m_activate->setEnabled(!busy && reason.isEmpty() && !m_entry.isEmpty());
}

void ActivateCertificateWidget::activate()
{
    if (!m_sites || m_entry.isEmpty() || m_loading || m_progress->isRunning())
        return;
    const std::optional<remote::Site> site = m_sites->find(m_site->currentData().toString());
    if (!site)
        return;
    const QString system = m_system->currentData().toString();
    const QString name = m_entry;
    m_loading = true;
    updateState();
    m_store->read<store::EntryMaterial>(
        tr("Reading \"%1\"…").arg(name), true, this,
        [name](store::CertificateStore& s) { return s.load(name, true); },
        [this, name, system, site](Result<store::EntryMaterial> material) {
            m_loading = false;
            if (!material) {
                setReason(material.error().message);
                updateState();
                setReason(material.error().message);
                return;
            }
            if (material->certificate.isNull() || !material->key) {
                updateState();
                setReason(tr("\"%1\" has no certificate with its key.").arg(name));
                return;
            }
            remote::ActivationJob::Request request;
            request.site = *site;
            request.system = system;
            request.remoteName = name;
            request.certificate = material->certificate;
            request.chain = material->chain;
            request.key = material->key;
            request.form = remote::UploadBundle::Form::Pkcs12;
            remote::ActivationJob* job = m_sites->createActivation(std::move(request));
            m_progress->track(job);
            job->start();
            updateState();
        });
}

} // namespace certdesk::ui
