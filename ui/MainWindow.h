#pragma once

#include "ui/ImportDropHandler.h"
#include "ui/NavigationTree.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;

namespace certdesk::ui {

class BulkActivationPage;
class CaCertificatePage;
class CertificateGenerationPage;
class DialogProvider;
class ExpiryOverview;
class ServerCertificatePage;
class ServerCertificatesPage;
class SiteController;
class SitesPage;
class StoreController;

// The CertDesk window: the Expert Mode tree on the left, the page of the selected node with
// the Admin Portal's tabs on the right, menus, a status bar with the busy indicator and the
// store key's state. The store index is read at construction (the tree is there at once); the
// key follows asynchronously from the keychain.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString storeRoot;                 // empty: CertificateStore::defaultLocation()
        DialogProvider* dialogs = nullptr; // not owned; nullptr: the real dialogs
        bool unlock = true;                // ask the keychain for the store key at once
        bool restoreState = true;          // geometry, splitter and last page from QSettings
    };

    MainWindow();
    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    StoreController* store() const { return m_store; }
    NavigationTree* tree() const { return m_tree; }
    CertificateGenerationPage* generationPage() const { return m_generation; }
    CaCertificatePage* caPage() const { return m_caPage; }
    ServerCertificatesPage* serversPage() const { return m_serversPage; }
    ServerCertificatePage* serverPage() const { return m_serverPage; }
    ExpiryOverview* expiryOverview() const { return m_expiry; }
    SiteController* sites() const { return m_sites; }
    SitesPage* sitesPage() const { return m_sitesPage; }
    BulkActivationPage* bulkPage() const { return m_bulkPage; }
    QWidget* currentPage() const;

    // Shows a node's page and, with `tab` >= 0, one of its tabs.
    bool navigate(NavigationTree::Node node, const QString& name = QString(), int tab = -1);
    void importFiles(const QStringList& paths);
    void pastePem(const QByteArray& text);
    static QString aboutText();

signals:
    void importRouted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void showNode(NavigationTree::Node node, const QString& name);
    void followRoute(const ImportDropHandler::Route& route);
    void updateKeyState();
    void updateBusy(bool busy, const QString& what);
    void unlockStore();
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<DialogProvider> m_ownDialogs;
    DialogProvider* m_dialogs = nullptr;
    StoreController* m_store = nullptr;
    ImportDropHandler* m_drops = nullptr;
    QString m_storeError;
    QSplitter* m_splitter = nullptr;
    NavigationTree* m_tree = nullptr;
    QStackedWidget* m_pages = nullptr;
    CertificateGenerationPage* m_generation = nullptr;
    CaCertificatePage* m_caPage = nullptr;
    ServerCertificatesPage* m_serversPage = nullptr;
    ServerCertificatePage* m_serverPage = nullptr;
    ExpiryOverview* m_expiry = nullptr;
    SiteController* m_sites = nullptr;
    SitesPage* m_sitesPage = nullptr;
    BulkActivationPage* m_bulkPage = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_busyLabel = nullptr;
    QLabel* m_keyLabel = nullptr;
};

} // namespace certdesk::ui
