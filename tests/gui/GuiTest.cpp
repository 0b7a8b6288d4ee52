#include "GuiTest.h"

#include "core/store/CertificateStore.h"
#include "ui/StoreController.h"

#include <QDir>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeWidget>

namespace guitest {

bool storeEntry(certdesk::ui::MainWindow* window, const QString& name,
                const certdesk::crypto::Certificate& certificate,
                const certdesk::crypto::PrivateKey& key)
{
    using namespace certdesk;
    std::optional<bool> ok;
    QObject context;
    window->store()->write<store::StoreEntry>(
        QStringLiteral("test"), true, &context,
        [name, certificate, key](store::CertificateStore& s) {
            store::EntryMaterial m;
            m.certificate = certificate;
            m.key = key;
            return s.add(name, store::EntryType::SelfSigned, m);
        },
        [&ok](Result<store::StoreEntry> added) {
            if (!added)
                qWarning("store: %s", qPrintable(added.error().message));
            ok = added.ok();
        });
    if (!QTest::qWaitFor([&ok] { return ok.has_value(); }, kSlow) || !*ok)
        return false;
    return QTest::qWaitFor([window, name] {
        return window->tree()->item(ui::NavigationTree::Node::ServerCertificate, name) != nullptr;
    });
}

namespace {
QString testHome()
{
    const QString home = qEnvironmentVariable("CERTDESK_HOME");
    if (!home.isEmpty()) {
        QDir().mkpath(home);
        return home;
    }
    return QDir::tempPath();
}
} // namespace

Window::Window(bool unlock)
    : home(QDir(testHome()).filePath(QStringLiteral("gui-XXXXXX")))
{
    certdesk::ui::MainWindow::Options options;
    options.storeRoot = storeRoot();
    options.dialogs = &dialogs;
    options.unlock = unlock;
    options.restoreState = false;
    window = std::make_unique<certdesk::ui::MainWindow>(options);
    window->resize(1500, 900);
}

QString Window::storeRoot() const
{
    return QDir(home.path()).filePath(QStringLiteral("store"));
}

bool Window::show()
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return false;
    window->activateWindow();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowActive(window.get()))
        return false;
    using KeyState = certdesk::ui::StoreController::KeyState;
    auto* store = window->store();
    if (store->keyState() == KeyState::Closed)
        return true;
    if (!QTest::qWaitFor([store] { return store->keyState() != KeyState::Pending; }, kSlow)) {
        qWarning("the store key never came");
        return false;
    }
    if (store->keyState() == KeyState::Failed) {
        qWarning("store key: %s", qPrintable(store->keyError()));
        return false;
    }
    return true;
}

void clickTreeItem(QTreeWidgetItem* item)
{
    QTreeWidget* tree = item->treeWidget();
    tree->scrollToItem(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
}

void clickTab(QTabWidget* tabs, int index)
{
    QTabBar* bar = tabs->tabBar();
    const QRect rect = bar->tabRect(index);
    if (bar->rect().contains(rect))
        QTest::mouseClick(bar, Qt::LeftButton, {}, rect.center());
    else
        tabs->setCurrentIndex(index); // scrolled out of sight in a narrow window
}

void click(QWidget* widget)
{
    QTest::mouseClick(widget, Qt::LeftButton);
}

int run(int argc, char* argv[], QObject* suite)
{
    // Settings stay in the test; without a keychain (plain ctest) the store uses a passphrase.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit());
    if (!qEnvironmentVariableIsSet("CERTDESK_TEST_KEYCHAIN"))
        qputenv("CERTDESK_STORE_PASSPHRASE", "gui test store passphrase");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CertDeskTest"));
    QApplication::setApplicationName(QStringLiteral("certdesk-gui-test"));
    QStandardPaths::setTestModeEnabled(true);
    return QTest::qExec(suite, argc, argv);
}

} // namespace guitest
