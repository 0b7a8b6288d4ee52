#include "ui/MainWindow.h"

#include "core/crypto/CryptoVersion.h"
#include "core/store/CertificateStore.h"
#include "core/store/StoreUnlocker.h"
#include "ui/BulkActivationPage.h"
#include "ui/CaCertificatePage.h"
#include "ui/CertificateGenerationPage.h"
#include "ui/ExpiryOverview.h"
#include "ui/ImportServerCertificateForm.h"
#include "ui/ImportSignedWidget.h"
#include "ui/QtDialogProvider.h"
#include "ui/ServerCertificatePage.h"
#include "ui/ServerCertificatesPage.h"
#include "ui/SiteController.h"
#include "ui/SitesPage.h"
#include "ui/StoreController.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

namespace certdesk::ui {

using Node = NavigationTree::Node;

MainWindow::MainWindow()
    : MainWindow(Options())
{
}

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CertDesk %1").arg(QStringLiteral(CERTDESK_VERSION)));
    setAcceptDrops(true);
    if (options.dialogs) {
        m_dialogs = options.dialogs;
    } else {
        m_ownDialogs = std::make_unique<QtDialogProvider>();
        m_dialogs = m_ownDialogs.get();
    }

    m_store = new StoreController(this);
    const QString root = options.storeRoot.isEmpty() ? store::CertificateStore::defaultLocation()
                                                     : options.storeRoot;
    if (Status opened = m_store->open(root); !opened)
        m_storeError = opened.error().message;
    m_drops = new ImportDropHandler(this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_tree = new NavigationTree(m_store, m_splitter);
    m_pages = new QStackedWidget(m_splitter);
    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_generation = new CertificateGenerationPage(m_store, m_dialogs, m_pages);
    m_caPage = new CaCertificatePage(m_store, m_dialogs, m_pages);
    m_serversPage = new ServerCertificatesPage(m_store, m_dialogs, m_pages);
    m_serverPage = new ServerCertificatePage(m_store, m_dialogs, m_pages);
    m_expiry = new ExpiryOverview(m_store, m_pages);
    // sites.json beside the store (SiteRegistry::defaultPath() for the default store).
    m_sites =
        new SiteController(QDir(root).filePath(QStringLiteral("sites.json")), QString(), this);
    m_sitesPage = new SitesPage(m_sites, m_dialogs, m_pages);
    m_bulkPage = new BulkActivationPage(m_store, m_sites, m_dialogs, m_pages);
    m_serverPage->setSites(m_sites);
    for (QWidget* page :
         std::initializer_list<QWidget*>{m_generation, m_caPage, m_serversPage, m_serverPage,
                                         m_expiry, m_sitesPage, m_bulkPage})
        m_pages->addWidget(page);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({280, 1080});
    setCentralWidget(m_splitter);

    buildMenus();
    buildStatusBar();

    connect(m_tree, &NavigationTree::nodeSelected, this, &MainWindow::showNode);
    connect(m_expiry, &ExpiryOverview::entryActivated, this, [this](const QString& name) {
        navigate(Node::ServerCertificate, name, ServerCertificatePage::View);
    });
    connect(m_store, &StoreController::keyStateChanged, this, &MainWindow::updateKeyState);
    connect(m_store, &StoreController::busyChanged, this, &MainWindow::updateBusy);
    connect(m_drops, &ImportDropHandler::routed, this, &MainWindow::followRoute);
    // A new CA appears in the tree; selecting it is what the technician does next.
    connect(m_generation, &CertificateGenerationPage::entryCreated, this,
            [this](const QString& name) {
                const auto entry = m_store->find(name);
                if (entry && entry->type == store::EntryType::CaCertificate)
                    m_tree->scrollToItem(m_tree->item(Node::CaCertificate, name));
            });

    // Wide enough for the Admin Portal's long tab names on a 1366-pixel laptop screen.
    resize(1360, 820);
    if (options.restoreState)
        restoreSettings();
    if (!m_tree->currentItem())
        navigate(Node::CertificateGeneration);

    if (!m_storeError.isEmpty())
        statusBar()->showMessage(m_storeError);
    else if (options.unlock)
        unlockStore();
    updateKeyState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* importAction = file->addAction(tr("&Import Server Certificate…"));
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setShortcut(QKeySequence::Open);
    connect(importAction, &QAction::triggered, this, [this] {
        navigate(Node::ServerCertificates, QString(),
                 ServerCertificatesPage::ImportServerCertificate);
    });
    QAction* csrAction = file->addAction(tr("Generate &CSR…"));
    csrAction->setShortcut(QKeySequence::New);
    connect(csrAction, &QAction::triggered, this, [this] {
        navigate(Node::ServerCertificates, QString(), ServerCertificatesPage::GenerateCsr);
    });
    QAction* caAction = file->addAction(tr("Generate CA Certi&ficate…"));
    connect(caAction, &QAction::triggered, this, [this] {
        navigate(Node::CertificateGeneration, QString(), CertificateGenerationPage::GenerateCa);
    });
    file->addSeparator();
    QAction* unlockAction = file->addAction(tr("&Unlock Store"));
    unlockAction->setObjectName(QStringLiteral("unlockAction"));
    connect(unlockAction, &QAction::triggered, this, &MainWindow::unlockStore);
    connect(m_store, &StoreController::keyStateChanged, unlockAction, [this, unlockAction] {
        unlockAction->setEnabled(m_store->keyState() != StoreController::KeyState::Ready &&
                                 m_store->keyState() != StoreController::KeyState::Pending);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* paste = edit->addAction(tr("&Paste Certificate or Key (PEM)"));
    paste->setObjectName(QStringLiteral("pastePemAction"));
    // Text fields keep Ctrl+V for themselves (they claim the shortcut while focused).
    paste->setShortcut(QKeySequence::Paste);
    connect(paste, &QAction::triggered, this,
            [this] { pastePem(QApplication::clipboard()->text().toUtf8()); });
    QAction* remove = edit->addAction(tr("&Delete Certificate…"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(remove);
    connect(remove, &QAction::triggered, this, [this] {
        const Node node = m_tree->currentNode();
        if (node == Node::CaCertificate)
            navigate(node, m_tree->currentName(), CaCertificatePage::Delete);
        else if (node == Node::ServerCertificate)
            navigate(node, m_tree->currentName(), ServerCertificatePage::Delete);
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const struct
    {
        QString text;
        Node node;
        QKeySequence key;
    } places[] = {
        {tr("Certificate &Generation"), Node::CertificateGeneration,
         QKeySequence(Qt::CTRL | Qt::Key_1)},
        {tr("&Server Certificates"), Node::ServerCertificates, QKeySequence(Qt::CTRL | Qt::Key_2)},
        {tr("&Expiry Overview"), Node::ExpiryOverview, QKeySequence(Qt::CTRL | Qt::Key_3)},
    };
    for (const auto& place : places) {
        QAction* a = view->addAction(place.text);
        a->setShortcut(place.key);
        const Node node = place.node;
        connect(a, &QAction::triggered, this, [this, node] { navigate(node); });
    }
    view->addSeparator();
    QAction* focusTree = view->addAction(tr("Go to &Navigation"));
    focusTree->setShortcut(QKeySequence(Qt::Key_F6));
    connect(focusTree, &QAction::triggered, m_tree,
            [this] { m_tree->setFocus(Qt::ShortcutFocusReason); });
    QAction* focusPage = view->addAction(tr("Go to &Page"));
    focusPage->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    connect(focusPage, &QAction::triggered, this, [this] {
        if (QWidget* page = currentPage())
            page->nextInFocusChain()->setFocus(Qt::ShortcutFocusReason);
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About CertDesk"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this,
            [this] { m_dialogs->inform(this, tr("About CertDesk"), aboutText()); });
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::buildStatusBar()
{
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("statusBusyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("statusBusyLabel"));
    m_keyLabel = new QLabel(this);
    m_keyLabel->setObjectName(QStringLiteral("keyStateLabel"));
    auto* version = new QLabel(tr("CertDesk %1 — Qt %2, %3")
                                   .arg(QStringLiteral(CERTDESK_VERSION),
                                        QString::fromLatin1(qVersion()), crypto::openSslVersion()),
                               this);
    version->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addWidget(m_busy);
    statusBar()->addWidget(m_busyLabel, 1);
    statusBar()->addPermanentWidget(m_keyLabel);
    statusBar()->addPermanentWidget(version);
}

QWidget* MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

bool MainWindow::navigate(Node node, const QString& name, int tab)
{
    if (node == Node::CertificateManagement)
        node = Node::ServerCertificates;
    if (!m_tree->select(node, name))
        return false;
    showNode(node, name); // already current: make sure the page follows
    QTabWidget* tabs = nullptr;
    if (node == Node::CertificateGeneration)
        tabs = m_generation->tabs();
    else if (node == Node::CaCertificate)
        tabs = m_caPage->tabs();
    else if (node == Node::ServerCertificates)
        tabs = m_serversPage->tabs();
    else if (node == Node::ServerCertificate)
        tabs = m_serverPage->tabs();
    if (tabs && tab >= 0 && tab < tabs->count() && tabs->isTabEnabled(tab))
        tabs->setCurrentIndex(tab);
    return true;
}

void MainWindow::showNode(Node node, const QString& name)
{
    switch (node) {
    case Node::Ssl:
    case Node::CertificateGeneration:
        m_pages->setCurrentWidget(m_generation);
        break;
    case Node::CaCertificate:
        if (m_caPage->entry() != name)
            m_caPage->setEntry(name);
        m_pages->setCurrentWidget(m_caPage);
        break;
    case Node::CertificateManagement:
    case Node::ServerCertificates:
        m_pages->setCurrentWidget(m_serversPage);
        break;
    case Node::ServerCertificate:
        if (m_serverPage->entry() != name)
            m_serverPage->setEntry(name);
        m_pages->setCurrentWidget(m_serverPage);
        break;
    case Node::ExpiryOverview:
        m_pages->setCurrentWidget(m_expiry);
        break;
    case Node::Sites:
        m_pages->setCurrentWidget(m_sitesPage);
        break;
    case Node::BulkActivation:
        m_pages->setCurrentWidget(m_bulkPage);
        break;
    }
}

void MainWindow::importFiles(const QStringList& paths)
{
    statusBar()->showMessage(tr("Reading %1…").arg(paths.join(QStringLiteral(", "))));
    m_drops->handleFiles(paths, m_store->entries());
}

void MainWindow::pastePem(const QByteArray& text)
{
    m_drops->handlePasted(text, m_store->entries());
}

void MainWindow::followRoute(const ImportDropHandler::Route& route)
{
    using Kind = ImportDropHandler::Route::Kind;
    statusBar()->clearMessage();
    switch (route.kind) {
    case Kind::Pkcs12:
        navigate(Node::ServerCertificates, QString(),
                 ServerCertificatesPage::ImportServerCertificate);
        m_serversPage->importForm()->setPkcs12(route.bundle);
        statusBar()->showMessage(
            tr("Enter the passphrase of %1 to import it.").arg(route.bundle.label()));
        break;
    case Kind::CertificateAndKey:
        navigate(Node::ServerCertificates, QString(),
                 ServerCertificatesPage::ImportServerCertificate);
        m_serversPage->importForm()->setCertificateAndKey(route.certificate, route.key);
        break;
    case Kind::SignedAnswer:
        navigate(Node::ServerCertificate, route.entry, ServerCertificatePage::ImportSigned);
        m_serverPage->importSigned()->setAnswer(route.certificate);
        statusBar()->showMessage(
            tr("The certificate belongs to the key of \"%1\": press Import to add it.")
                .arg(route.entry));
        break;
    case Kind::Details:
        m_dialogs->inform(this, tr("Certificate Signing Request"), route.message);
        break;
    case Kind::Unsupported:
        m_dialogs->inform(this, tr("Nothing to Import"), route.message);
        break;
    }
    emit importRouted();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!ImportDropHandler::acceptablePaths(event->mimeData()).isEmpty() ||
        (event->mimeData()->hasText() &&
         event->mimeData()->text().contains(QStringLiteral("-----BEGIN "))))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = ImportDropHandler::acceptablePaths(event->mimeData());
    if (!paths.isEmpty()) {
        importFiles(paths);
        event->acceptProposedAction();
    } else if (event->mimeData()->hasText()) {
        pastePem(event->mimeData()->text().toUtf8());
        event->acceptProposedAction();
    }
}

void MainWindow::unlockStore()
{
    if (!m_store->isOpen())
        return;
    store::StoreUnlocker unlocker(m_store->root());
    unlocker.setPassphrasePrompt(
        [this](const QString& reason) { return m_dialogs->storePassphrase(this, reason); });
    m_store->unlock(unlocker);
}

void MainWindow::updateKeyState()
{
    QString text;
    switch (m_store->keyState()) {
    case StoreController::KeyState::Closed:
        text = m_storeError.isEmpty() ? tr("Store locked") : tr("No store");
        break;
    case StoreController::KeyState::Pending:
        text = tr("Unlocking the store…");
        break;
    case StoreController::KeyState::Ready:
        text = tr("Store unlocked");
        break;
    case StoreController::KeyState::Failed:
        text = tr("Store locked");
        statusBar()->showMessage(m_store->keyError());
        break;
    }
    m_keyLabel->setText(text);
    m_keyLabel->setToolTip(m_store->keyState() == StoreController::KeyState::Failed
                               ? m_store->keyError()
                               : QDir::toNativeSeparators(m_store->root()));
}

void MainWindow::updateBusy(bool busy, const QString& what)
{
    m_busy->setVisible(busy);
    m_busyLabel->setText(busy ? what : QString());
}

QString MainWindow::aboutText()
{
    return tr("CertDesk %1\n\nTLS server certificates for OpenScape Business systems, offline.\n\n"
              "Qt %2 (built with %3)\n%4")
        .arg(QStringLiteral(CERTDESK_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(QT_VERSION_STR), crypto::openSslVersion());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), QMainWindow::saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("node"), int(m_tree->currentNode()));
    settings.setValue(QStringLiteral("name"), m_tree->currentName());
    settings.endGroup();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    const QVariant node = settings.value(QStringLiteral("node"));
    if (node.isValid())
        navigate(static_cast<Node>(node.toInt()),
                 settings.value(QStringLiteral("name")).toString());
    settings.endGroup();
}

} // namespace certdesk::ui
