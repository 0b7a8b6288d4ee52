#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace certdesk::ui {

class DialogProvider;
class PageHeader;
class CredentialsDialog;
class SiteController;
class SiteDialog;
class TrustDialog;

// "Sites": the OpenScape Business systems CertDesk reaches. Add, edit and remove a site; trust
// the certificate its telephony server (or UC Booster Server) presents, by fingerprint; test
// the connection; list the site's server certificates and which one is active.
class SitesPage : public QWidget
{
    Q_OBJECT
public:
    SitesPage(SiteController* sites, DialogProvider* dialogs, QWidget* parent = nullptr);

    QString currentSite() const;
    bool selectSite(const QString& name);
    // The dialog being shown, if any (tests fill it in).
    SiteDialog* siteDialog() const;
    TrustDialog* trustDialog() const;
    CredentialsDialog* credentialsDialog() const;

public slots:
    void addSite();
    void editSite();
    void removeSite();
    void trustTelephony();
    void trustBooster();
    void testConnection();
    void refreshCertificates();
    void manageCredentials();
    void importSites();
    void exportSites();

private:
    void reload();
    void updateButtons();
    void openSiteDialog(bool isNew);
    void trust(const QString& system);
    void setStatus(const QString& text, bool error = false);

    SiteController* m_sites = nullptr;
    DialogProvider* m_dialogs = nullptr;
    PageHeader* m_header = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_trust = nullptr;
    QPushButton* m_trustBooster = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_credentials = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_status = nullptr;
    QTreeWidget* m_certificates = nullptr;
    QPointer<SiteDialog> m_siteDialog;
    QPointer<TrustDialog> m_trustDialog;
    QPointer<CredentialsDialog> m_credentialsDialog;
};

} // namespace certdesk::ui
