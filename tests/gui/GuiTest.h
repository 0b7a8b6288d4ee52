#pragma once

#include "FakeDialogProvider.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "ui/MainWindow.h"
#include "ui/NavigationTree.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class QTabWidget;
class QTreeWidgetItem;

// What the GUI suites share: a window over a fresh store, clicking helpers, and a main() that
// keeps settings and the store passphrase inside the test.
namespace guitest {

// Generous: RSA key generation and the keychain on a loaded CI machine.
constexpr int kSlow = 60000;

struct Window
{
    QTemporaryDir home;
    FakeDialogProvider dialogs;
    std::unique_ptr<certdesk::ui::MainWindow> window;

    // A window over an empty store under CERTDESK_HOME (or the temp folder).
    explicit Window(bool unlock = true);
    QString storeRoot() const;
    // Shown, exposed and active, with the store key available (when unlocking).
    bool show();
};

// A server certificate with its key in the window's store (as the Import tab would leave it),
// written through the store controller; true once the tree shows it.
bool storeEntry(certdesk::ui::MainWindow* window, const QString& name,
                const certdesk::crypto::Certificate& certificate,
                const certdesk::crypto::PrivateKey& key);

void clickTreeItem(QTreeWidgetItem* item);
void clickTab(QTabWidget* tabs, int index);
void click(QWidget* widget);
// The first child named `name` below `parent`, or a test failure.
template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

int run(int argc, char* argv[], QObject* suite);

} // namespace guitest

#define CERTDESK_GUI_TEST_MAIN(Suite)                                                              \
    int main(int argc, char* argv[])                                                               \
    {                                                                                              \
        Suite suite;                                                                               \
        return guitest::run(argc, argv, &suite);                                                   \
    }
