#include "ui/SitesPage.h"

#include "core/remote/AdminPortalProtocol.h"
#include "ui/CredentialsDialog.h"
#include "ui/DialogProvider.h"
#include "ui/PageHeader.h"
#include "ui/SiteController.h"
#include "ui/SiteDialog.h"
#include "ui/TrustDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace certdesk::ui {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;

QString trustText(const remote::CertificatePin& pin)
{
    return pin.isNull() ? SitesPage::tr("not trusted") : pin.certificateFingerprint();
}
} // namespace

SitesPage::SitesPage(SiteController* sites, DialogProvider* dialogs, QWidget* parent)
    : QWidget(parent)
    , m_sites(sites)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("sitesPage"));
    auto* layout = new QVBoxLayout(this);
    m_header = new PageHeader(this);
    m_header->setText(tr("Sites"));
    layout->addWidget(m_header);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("sitesList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Telephony Server"), tr("Trusted (SHA-256)"),
                             tr("UC Booster Server"), tr("User")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);

    auto* buttons = new QHBoxLayout;
    const auto button = [this, buttons](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_add = button(tr("Add…"), "addSiteButton");
    m_edit = button(tr("Edit…"), "editSiteButton");
    m_remove = button(tr("Remove…"), "removeSiteButton");
    m_trust = button(tr("Trust…"), "trustButton");
    m_trust->setToolTip(tr("Show the certificate the telephony server presents and pin it."));
    m_trustBooster = button(tr("Trust Booster…"), "trustBoosterButton");
    m_trustBooster->setToolTip(
        tr("Show the certificate the UC Booster Server presents and pin it."));
    m_test = button(tr("Test Connection"), "testConnectionButton");
    m_refresh = button(tr("Server Certificates"), "refreshCertificatesButton");
    m_refresh->setToolTip(tr("Log in and list the site's server certificates."));
    buttons->addStretch();
    m_import = button(tr("Import…"), "importSitesButton");
    m_import->setToolTip(tr("Add sites from an inventory file (CSV or JSON, as certdesk-cli site "
                            "export writes it). Passwords are never in such a file."));
    m_export = button(tr("Export…"), "exportSitesButton");
    m_export->setToolTip(tr("Save the sites as an inventory file: tags and public pins, no "
                            "passwords."));
    m_credentials = button(tr("Shared Credentials…"), "credentialsButton");
    m_credentials->setToolTip(tr("Logins shared by a group of sites, entered once."));
    layout->addLayout(buttons);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("siteStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* certificatesTitle = new QLabel(tr("Server Certificates on the site:"), this);
    layout->addWidget(certificatesTitle);
    m_certificates = new QTreeWidget(this);
    m_certificates->setObjectName(QStringLiteral("remoteCertificatesList"));
    m_certificates->setRootIsDecorated(false);
    m_certificates->setHeaderLabels({tr("Name of the Certificate"), tr("Type"), tr("Active for"),
                                     tr("Common Name"), tr("Valid until (GMT)"),
                                     tr("Fingerprint (SHA-256)")});
    m_certificates->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_certificates, 1);

    connect(m_add, &QPushButton::clicked, this, &SitesPage::addSite);
    connect(m_edit, &QPushButton::clicked, this, &SitesPage::editSite);
    connect(m_remove, &QPushButton::clicked, this, &SitesPage::removeSite);
    connect(m_trust, &QPushButton::clicked, this, &SitesPage::trustTelephony);
    connect(m_trustBooster, &QPushButton::clicked, this, &SitesPage::trustBooster);
    connect(m_test, &QPushButton::clicked, this, &SitesPage::testConnection);
    connect(m_refresh, &QPushButton::clicked, this, &SitesPage::refreshCertificates);
    connect(m_credentials, &QPushButton::clicked, this, &SitesPage::manageCredentials);
    connect(m_import, &QPushButton::clicked, this, &SitesPage::importSites);
    connect(m_export, &QPushButton::clicked, this, &SitesPage::exportSites);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        m_certificates->clear();
        setStatus(QString());
        updateButtons();
    });
    connect(m_sites, &SiteController::sitesChanged, this, &SitesPage::reload);
    reload();
}

SiteDialog* SitesPage::siteDialog() const
{
    return m_siteDialog.data();
}

TrustDialog* SitesPage::trustDialog() const
{
    return m_trustDialog.data();
}

CredentialsDialog* SitesPage::credentialsDialog() const
{
    return m_credentialsDialog.data();
}

void SitesPage::importSites()
{
    const QString path = m_dialogs->openFile(this, tr("Import Sites"),
                                             tr("Site inventories (*.csv *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const auto counts = m_sites->importInventory(path);
    if (!counts) {
        setStatus(tr("Nothing was imported: %1").arg(counts.error().message), true);
        return;
    }
    QStringList lines{tr("Imported %1 sites.").arg(counts->added)};
    if (counts->untrusted > 0)
        lines << tr("%1 of them are not trusted yet: check each one's certificate with Trust….")
                     .arg(counts->untrusted);
    if (counts->withoutCredential > 0)
        lines << tr("%1 of them have no password yet: enter it with Edit…, or choose a shared "
                    "credential there.")
                     .arg(counts->withoutCredential);
    setStatus(lines.join(QLatin1Char(' ')));
}

void SitesPage::exportSites()
{
    const QString path = m_dialogs->saveFile(this, tr("Export Sites"), QStringLiteral("sites.csv"),
                                             tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (Status s = m_sites->exportInventory(path); !s) {
        setStatus(s.error().message, true);
        return;
    }
    setStatus(tr("Saved the sites to %1 (no passwords).").arg(path));
}

void SitesPage::manageCredentials()
{
    if (m_credentialsDialog) {
        m_credentialsDialog->raise();
        return;
    }
    auto* dialog = new CredentialsDialog(m_sites, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_credentialsDialog = dialog;
    dialog->open();
}

QString SitesPage::currentSite() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kNameRole).toString() : QString();
}

bool SitesPage::selectSite(const QString& name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, kNameRole).toString() == name) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void SitesPage::reload()
{
    const QString previous = currentSite();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const remote::Site& site : m_sites->sites()) {
            auto* item = new QTreeWidgetItem(m_list);
            item->setData(0, kNameRole, site.name);
            item->setText(0, site.name);
            item->setText(1, QStringLiteral("%1:%2").arg(site.host).arg(site.port));
            item->setText(2, trustText(site.pin));
            if (site.hasBooster())
                item->setText(3, QStringLiteral("%1:%2 — %3")
                                     .arg(site.boosterAddress())
                                     .arg(*site.boosterPort)
                                     .arg(trustText(site.boosterPin)));
            item->setText(4, site.user);
        }
    }
    if (!m_sites->lastError().isEmpty())
        setStatus(m_sites->lastError(), true);
    if (!selectSite(previous) && m_list->topLevelItemCount() > 0 && !m_list->currentItem())
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

void SitesPage::updateButtons()
{
    const std::optional<remote::Site> site =
        currentSite().isEmpty() ? std::nullopt : m_sites->find(currentSite());
    for (QPushButton* b : {m_edit, m_remove, m_trust, m_test, m_refresh})
        b->setEnabled(site.has_value());
    m_trustBooster->setEnabled(site && site->hasBooster());
    m_refresh->setEnabled(site && !site->pin.isNull());
}

void SitesPage::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b71c1c") : QString());
}

void SitesPage::addSite()
{
    openSiteDialog(true);
}

void SitesPage::editSite()
{
    if (!currentSite().isEmpty())
        openSiteDialog(false);
}

void SitesPage::openSiteDialog(bool isNew)
{
    if (m_siteDialog)
        m_siteDialog->close();
    std::optional<remote::Site> existing;
    if (!isNew) {
        existing = m_sites->find(currentSite());
        if (!existing)
            return;
    }
    auto* dialog = new SiteDialog(existing, m_sites->credentials(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_siteDialog = dialog;
    connect(dialog, &SiteDialog::submitted, this, [this, dialog] {
        const remote::Site site = dialog->site();
        m_sites->save(
            site, dialog->password(), dialog->isNew(), dialog, [this, dialog, site](Status saved) {
                if (!saved) {
                    dialog->showError(saved.error().message);
                    return;
                }
                dialog->accept();
                selectSite(site.name);
                setStatus(site.pin.isNull() ? tr("Saved \"%1\". Not trusted yet: check the "
                                                 "certificate it presents with Trust.")
                                                  .arg(site.name)
                                            : tr("Saved \"%1\".").arg(site.name));
            });
    });
    dialog->open(); // window-modal, does not block the event loop
}

void SitesPage::removeSite()
{
    const QString name = currentSite();
    if (name.isEmpty())
        return;
    if (!m_dialogs->confirm(this, tr("Remove Site"),
                            tr("Remove the site \"%1\" and its password from the keychain? "
                               "Nothing changes on the system itself.")
                                .arg(name)))
        return;
    m_sites->remove(name, this, [this, name](Status removed) {
        if (!removed)
            setStatus(removed.error().message, true);
        else
            setStatus(tr("Removed \"%1\".").arg(name));
    });
}

void SitesPage::trustTelephony()
{
    trust(remote::AdminPortalProtocol::telephonySystem());
}

void SitesPage::trustBooster()
{
    trust(remote::AdminPortalProtocol::boosterSystem());
}

void SitesPage::trust(const QString& system)
{
    const QString name = currentSite();
    const std::optional<remote::Site> site = m_sites->find(name);
    if (!site)
        return;
    const bool booster = system == remote::AdminPortalProtocol::boosterSystem();
    const QString where =
        QStringLiteral("%1 %2:%3")
            .arg(booster ? tr("The UC Booster Server") : tr("The telephony server"),
                 site->hostFor(system))
            .arg(site->portFor(system));
    const QString pinned = site->pinFor(system).certificateFingerprint();
    setStatus(tr("Fetching the certificate %1 presents…").arg(where));
    m_sites->probe(
        name, system, this, [this, name, system, where, pinned](remote::ProbeResult probed) {
            if (!probed.reached()) {
                setStatus(probed.failure ? probed.failure->message
                                         : tr("%1 presented no certificate.").arg(where),
                          true);
                return;
            }
            setStatus(QString());
            if (m_trustDialog)
                m_trustDialog->close();
            auto* dialog = new TrustDialog(where, probed.leaf(), pinned, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            m_trustDialog = dialog;
            connect(dialog, &QDialog::accepted, this, [this, dialog, name, system] {
                const Status trusted = m_sites->trust(name, system, dialog->certificate());
                if (!trusted)
                    setStatus(trusted.error().message, true);
                else
                    setStatus(tr("Trusted: \"%1\" must present SHA-256 %2 from now on.")
                                  .arg(name, dialog->fingerprint()));
            });
            connect(dialog, &QDialog::rejected, this,
                    [this] { setStatus(tr("Not trusted: nothing changed.")); });
            dialog->open();
        });
}

void SitesPage::testConnection()
{
    const QString name = currentSite();
    if (name.isEmpty())
        return;
    setStatus(tr("Testing the connection to \"%1\"…").arg(name));
    m_sites->test(name, this, [this](SiteController::TestReport report) {
        setStatus(report.lines.join(QLatin1Char('\n')), !report.ok);
    });
}

void SitesPage::refreshCertificates()
{
    const QString name = currentSite();
    if (name.isEmpty())
        return;
    m_certificates->clear();
    setStatus(tr("Reading the server certificates of \"%1\"…").arg(name));
    m_sites->listCertificates(
        name, this, [this, name](remote::RemoteResult<QList<remote::RemoteCertificate>> list) {
            if (currentSite() != name)
                return;
            if (!list) {
                setStatus(list.error().message, true);
                return;
            }
            QStringList active;
            for (const remote::RemoteCertificate& c : *list) {
                auto* item = new QTreeWidgetItem(m_certificates);
                item->setText(0, c.name);
                item->setText(1, c.type);
                QStringList systems;
                for (const QString& system : c.activeFor)
                    systems << (system == remote::AdminPortalProtocol::boosterSystem()
                                    ? tr("OpenScape Business UC Booster Server")
                                    : tr("Telephony Server"));
                item->setText(2, systems.join(QStringLiteral(", ")));
                item->setText(3, c.subjectCommonName);
                item->setText(4, c.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
                item->setText(5, c.fingerprintSha256);
                if (!c.activeFor.isEmpty()) {
                    QFont bold = item->font(0);
                    bold.setBold(true);
                    for (int column = 0; column < m_certificates->columnCount(); ++column)
                        item->setFont(column, bold);
                    active << c.name;
                }
            }
            setStatus(
                tr("%n server certificate(s) on \"%1\"; active: %2", nullptr, int(list->size()))
                    .arg(name, active.isEmpty() ? tr("none") : active.join(QStringLiteral(", "))));
        });
}

} // namespace certdesk::ui
