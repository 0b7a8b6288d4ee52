// The window: the Expert Mode tree from the store index (no key needed), versions and About,
// the Activate tab waiting for sites, the expiry overview, drag and drop and paste, and the
// window state kept across starts.
#include "GuiTest.h"

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CsrBuilder.h"
#include "core/crypto/KeyDerivation.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/CertificateStore.h"
#include "ui/CertificateGenerationPage.h"
#include "ui/ExpiryModel.h"
#include "ui/ExpiryOverview.h"
#include "ui/FileSourceField.h"
#include "ui/ImportServerCertificateForm.h"
#include "ui/ServerCertificatePage.h"
#include "ui/ServerCertificatesPage.h"
#include "ui/StoreController.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QUrl>

using namespace certdesk;
using guitest::child;
using Node = ui::NavigationTree::Node;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void showsTreeVersionsAndAbout();
    void listsEntriesFromTheIndexWithoutKey();
    void activateTabWaitsForSites();
    void expiryOverviewColorsAndSorts();
    void dropStartsTheRightImport();
    void pastedPemStartsAnImport();
    void windowStateIsRemembered();
};

namespace {

crypto::Certificate selfSigned(const crypto::PrivateKey& key, const QString& cn, qint64 daysLeft,
                               bool ca = false)
{
    crypto::CertificateSpec spec;
    if (ca)
        spec.profile = crypto::CertificateSpec::Profile::CertificateAuthority;
    spec.subject.commonName = cn;
    spec.notAfter = QDateTime::currentDateTimeUtc().addDays(daysLeft);
    spec.notBefore = spec.notAfter.addDays(-365);
    auto c = crypto::CertificateBuilder(spec).selfSign(key);
    if (!c)
        qFatal("%s", qPrintable(c.error().message));
    return *c;
}

crypto::PrivateKey ecKey()
{
    auto key = crypto::PrivateKey::generate(crypto::KeyAlgorithm::EcP256);
    if (!key)
        qFatal("%s", qPrintable(key.error().message));
    return *key;
}

// Entries written with core calls before the window exists: a CA, three server certificates
// (expired, 10 days left, 200 days left) and a CSR with its key.
struct Seed
{
    crypto::PrivateKey csrKey;
};

Seed seedStore(const QString& root)
{
    auto s = store::CertificateStore::open(root);
    if (!s)
        qFatal("%s", qPrintable(s.error().message));
    auto storeKey = crypto::KeyDerivation::randomKey(32);
    s->setStoreKey(*storeKey);
    const auto add = [&](const QString& name, store::EntryType type,
                         const store::EntryMaterial& m) {
        auto e = s->add(name, type, m);
        if (!e)
            qFatal("%s", qPrintable(e.error().message));
    };
    store::EntryMaterial ca;
    ca.certificate = selfSigned(ecKey(), QStringLiteral("Seed CA"), 3000);
    add(QStringLiteral("Seed CA"), store::EntryType::CaCertificate, ca);
    for (const auto& [name, days] :
         {std::pair{QStringLiteral("expired"), -5}, std::pair{QStringLiteral("soon"), 10},
          std::pair{QStringLiteral("fine"), 200}}) {
        store::EntryMaterial m;
        m.certificate = selfSigned(ecKey(), name + QStringLiteral(".example.com"), days);
        add(name, store::EntryType::SelfSigned, m);
    }
    Seed seed{ecKey()};
    crypto::CsrSpec spec;
    spec.subject.commonName = QStringLiteral("waiting.example.com");
    store::EntryMaterial csr;
    csr.request = *crypto::CsrBuilder(spec).build(seed.csrKey);
    csr.key = seed.csrKey;
    add(QStringLiteral("waiting"), store::EntryType::CertificateRequest, csr);
    return seed;
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
}

void drop(QWidget* window, const QStringList& paths, bool expectAccepted = true)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint pos = window->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QCOMPARE(enter.isAccepted(), expectAccepted);
    if (!expectAccepted)
        return;
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

QString fieldText(QWidget* parent, const char* field)
{
    return child<ui::FileSourceField>(parent, field)->edit()->text();
}

} // namespace

void TestMainWindow::showsTreeVersionsAndAbout()
{
    guitest::Window w(false);
    QVERIFY(w.show());
    ui::NavigationTree* tree = w.window->tree();
    QCOMPARE(tree->item(Node::CertificateGeneration)->text(0),
             QStringLiteral("Certificate Generation"));
    QCOMPARE(tree->item(Node::CertificateManagement)->text(0),
             QStringLiteral("Certificate Management"));
    QCOMPARE(tree->item(Node::ServerCertificates)->parent(),
             tree->item(Node::CertificateManagement));
    QCOMPARE(tree->item(Node::ServerCertificates)->text(0), QStringLiteral("Server Certificates"));
    QVERIFY(tree->item(Node::Sites)->flags() & Qt::ItemIsEnabled);
    QCOMPARE(w.window->currentPage(), w.window->generationPage());

    auto* version = child<QLabel>(w.window.get(), "versionLabel");
    QVERIFY(version->text().contains(QStringLiteral(CERTDESK_VERSION)));
    QVERIFY(version->text().contains(QStringLiteral("OpenSSL 3")));
    QVERIFY(w.window->windowTitle().startsWith(QStringLiteral("CertDesk")));

    child<QAction>(w.window.get(), "aboutAction")->trigger();
    QCOMPARE(w.dialogs.informations.size(), 1);
    QVERIFY(w.dialogs.informations.first().contains(QStringLiteral("Qt ") +
                                                    QString::fromLatin1(qVersion())));
    QVERIFY(w.dialogs.informations.first().contains(QStringLiteral("OpenSSL 3")));

    // The page follows the tree, by mouse and by keyboard.
    guitest::clickTreeItem(tree->item(Node::ServerCertificates));
    QCOMPARE(w.window->currentPage(), w.window->serversPage());
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down); // Server Certificates → Expiry Overview
    QCOMPARE(w.window->currentPage(), w.window->expiryOverview());
}

void TestMainWindow::listsEntriesFromTheIndexWithoutKey()
{
    guitest::Window w(false);
    seedStore(w.storeRoot());
    w.window->store()->open(w.storeRoot()).ok();
    // No key was asked for, and every entry is in the tree.
    QCOMPARE(w.window->store()->keyState(), ui::StoreController::KeyState::Closed);
    ui::NavigationTree* tree = w.window->tree();
    QCOMPARE(tree->item(Node::CertificateGeneration)->childCount(), 1);
    QCOMPARE(tree->item(Node::ServerCertificates)->childCount(), 4);
    QVERIFY(tree->item(Node::CaCertificate, QStringLiteral("Seed CA")));
    QVERIFY(tree->item(Node::ServerCertificate, QStringLiteral("waiting")));
    QVERIFY(tree->item(Node::ServerCertificate, QStringLiteral("expired"))
                ->toolTip(0)
                .contains(QStringLiteral("expired")));

    // A store opened at construction lists at once, too.
    ui::MainWindow::Options options;
    options.storeRoot = w.storeRoot();
    options.dialogs = &w.dialogs;
    options.unlock = false;
    options.restoreState = false;
    ui::MainWindow second(options);
    QCOMPARE(second.tree()->item(Node::ServerCertificates)->childCount(), 4);
    QVERIFY(second.navigate(Node::ServerCertificate, QStringLiteral("fine"),
                            ui::ServerCertificatePage::View));
    QCOMPARE(second.serverPage()->entry(), QStringLiteral("fine"));
}

void TestMainWindow::activateTabWaitsForSites()
{
    guitest::Window w(false);
    QTabWidget* tabs = w.window->serverPage()->tabs();
    QCOMPARE(tabs->tabText(ui::ServerCertificatePage::Activate),
             QStringLiteral("Activate Certificate"));
    // Enabled, but without a site there is nothing to activate on, and it says so.
    QVERIFY(tabs->isTabEnabled(ui::ServerCertificatePage::Activate));
    QVERIFY(!child<QPushButton>(w.window->serverPage(), "activateButton")->isEnabled());
    QVERIFY(child<QLabel>(w.window->serverPage(), "reasonLabel")
                ->text()
                .contains(QStringLiteral("site")));
    QStringList names;
    for (int i = 0; i < tabs->count(); ++i)
        names << tabs->tabText(i);
    QCOMPARE(names, (QStringList{
                        QStringLiteral("View Certificate"), QStringLiteral("Delete Certificate"),
                        QStringLiteral("Export Certificate / CSR [X.509]"),
                        QStringLiteral("Import Updated Certificate / Certificate for CSR [X.509]"),
                        QStringLiteral("Activate Certificate")}));
}

void TestMainWindow::expiryOverviewColorsAndSorts()
{
    guitest::Window w(false);
    seedStore(w.storeRoot());
    QVERIFY(w.window->store()->open(w.storeRoot()).ok());
    QVERIFY(w.show());
    guitest::clickTreeItem(w.window->tree()->item(Node::ExpiryOverview));
    ui::ExpiryOverview* overview = w.window->expiryOverview();
    QCOMPARE(w.window->currentPage(), overview);
    QTableView* table = child<QTableView>(overview, "expiryTable");
    QAbstractItemModel* model = table->model();
    QCOMPARE(model->rowCount(), 4); // the CA is not a server certificate

    const auto nameAt = [model](int row) {
        return model->index(row, ui::ExpiryModel::Name).data().toString();
    };
    const auto color = [model](int row) {
        return model->index(row, ui::ExpiryModel::DaysLeft)
            .data(Qt::BackgroundRole)
            .value<QColor>();
    };
    // Soonest first: expired (red), 10 days (amber), 200 days (green), then the CSR.
    QCOMPARE(nameAt(0), QStringLiteral("expired"));
    QCOMPARE(nameAt(1), QStringLiteral("soon"));
    QCOMPARE(nameAt(2), QStringLiteral("fine"));
    QCOMPARE(nameAt(3), QStringLiteral("waiting"));
    QVERIFY(color(0).red() > color(0).green());
    QVERIFY(color(1).red() > color(1).blue() && color(1).green() > color(1).blue());
    QVERIFY(color(2).green() > color(2).red());
    QCOMPARE(model->index(1, ui::ExpiryModel::DaysLeft).data().toInt(), 9);
    QCOMPARE(model->index(0, ui::ExpiryModel::Status).data().toString(), QStringLiteral("expired"));

    // Sortable by any column: the name column, by clicking its header.
    QHeaderView* header = table->horizontalHeader();
    QTest::mouseClick(
        header->viewport(), Qt::LeftButton, {},
        QPoint(header->sectionViewportPosition(ui::ExpiryModel::Name) + 5, header->height() / 2));
    QCOMPARE(nameAt(0), QStringLiteral("expired"));
    QCOMPARE(nameAt(1), QStringLiteral("fine"));
    QCOMPARE(nameAt(3), QStringLiteral("waiting"));

    // Activating a row opens the certificate.
    table->setCurrentIndex(model->index(1, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(w.window->currentPage(), w.window->serverPage());
    QCOMPARE(w.window->serverPage()->entry(), QStringLiteral("fine"));
}

void TestMainWindow::dropStartsTheRightImport()
{
    guitest::Window w(false);
    const Seed seed = seedStore(w.storeRoot());
    QVERIFY(w.window->store()->open(w.storeRoot()).ok());
    QVERIFY(w.show());
    ui::MainWindow& window = *w.window;
    QSignalSpy routed(&window, &ui::MainWindow::importRouted);
    const QDir dir(w.home.path());

    // A PKCS#12 file: Import Server Certificate, PKCS#12 mode, the file filled in.
    crypto::Pkcs12Bundle bundle;
    bundle.key = ecKey();
    bundle.certificate = selfSigned(bundle.key, QStringLiteral("dropped.example.com"), 100);
    const QString p12 = dir.filePath(QStringLiteral("dropped.pfx"));
    writeFile(p12, *bundle.write(crypto::SecretBytes::fromUtf8(QStringLiteral("drop-pass")),
                                 crypto::Pkcs12Format::Modern));
    drop(&window, {p12});
    QTRY_COMPARE(routed.size(), 1);
    QCOMPARE(window.currentPage(), window.serversPage());
    QCOMPARE(window.serversPage()->tabs()->currentIndex(),
             int(ui::ServerCertificatesPage::ImportServerCertificate));
    ui::ImportServerCertificateForm* form = window.serversPage()->importForm();
    QVERIFY(child<QRadioButton>(form, "pkcs12Mode")->isChecked());
    QCOMPARE(fieldText(form, "pkcs12File"), QDir::toNativeSeparators(p12));
    QCOMPARE(child<QLineEdit>(form, "nameEdit")->text(), QStringLiteral("dropped"));

    // A certificate for the stored CSR's key: that entry's Import Updated Certificate tab.
    crypto::CertificateSpec spec;
    spec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
    spec.subject.commonName = QStringLiteral("waiting.example.com");
    spec.notBefore = QDateTime::currentDateTimeUtc();
    spec.notAfter = spec.notBefore.addDays(90);
    const crypto::PrivateKey issuerKey = ecKey();
    const crypto::Certificate issuer = selfSigned(issuerKey, QStringLiteral("Drop CA"), 1000, true);
    auto answer =
        crypto::CertificateBuilder(spec).issue(seed.csrKey.publicKey(), issuer, issuerKey);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
    const QString crt = dir.filePath(QStringLiteral("answer.crt"));
    writeFile(crt, answer->toPem() + issuer.toPem());
    drop(&window, {crt});
    QTRY_COMPARE(routed.size(), 2);
    QCOMPARE(window.currentPage(), window.serverPage());
    QCOMPARE(window.serverPage()->entry(), QStringLiteral("waiting"));
    QCOMPARE(window.serverPage()->tabs()->currentIndex(),
             int(ui::ServerCertificatePage::ImportSigned));
    QCOMPARE(fieldText(window.serverPage(), "answerFile"), QDir::toNativeSeparators(crt));

    // A certificate and key that CertDesk does not know: Import Server Certificate, PEM mode.
    const QString otherCrt = dir.filePath(QStringLiteral("other.cer"));
    const QString otherKey = dir.filePath(QStringLiteral("other.key"));
    const crypto::PrivateKey key = ecKey();
    writeFile(otherCrt, selfSigned(key, QStringLiteral("other.example.com"), 100).toDer());
    writeFile(otherKey,
              *key.toEncryptedPem(crypto::SecretBytes::fromUtf8(QStringLiteral("key-pass"))));
    drop(&window, {otherCrt, otherKey});
    QTRY_COMPARE(routed.size(), 3);
    QCOMPARE(window.currentPage(), window.serversPage());
    QVERIFY(child<QRadioButton>(form, "pemMode")->isChecked());
    QCOMPARE(fieldText(form, "certificateFile"), QDir::toNativeSeparators(otherCrt));
    QCOMPARE(fieldText(form, "keyFile"), QDir::toNativeSeparators(otherKey));

    // A CSR file: its details.
    const QString csr = dir.filePath(QStringLiteral("request.csr"));
    crypto::CsrSpec csrSpec;
    csrSpec.subject.commonName = QStringLiteral("request.example.com");
    writeFile(csr, crypto::CsrBuilder(csrSpec).build(ecKey())->toPem());
    drop(&window, {csr});
    QTRY_COMPARE(routed.size(), 4);
    QVERIFY(w.dialogs.informations.last().contains(QStringLiteral("request.example.com")));

    // Anything else is not accepted.
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    writeFile(text, "hello");
    drop(&window, {text}, false);
}

void TestMainWindow::pastedPemStartsAnImport()
{
    guitest::Window w(false);
    QVERIFY(w.show());
    ui::MainWindow& window = *w.window;
    QSignalSpy routed(&window, &ui::MainWindow::importRouted);
    const crypto::PrivateKey key = ecKey();
    const QByteArray pem = selfSigned(key, QStringLiteral("pasted.example.com"), 100).toPem() +
                           key.toUnencryptedPem()->view().toByteArray();
    QApplication::clipboard()->setText(QString::fromLatin1(pem));
    window.tree()->setFocus(); // not a text field: Ctrl+V is the window's
    QTest::keySequence(&window, QKeySequence::Paste);
    QTRY_COMPARE(routed.size(), 1);
    ui::ImportServerCertificateForm* form = window.serversPage()->importForm();
    QCOMPARE(window.currentPage(), window.serversPage());
    QVERIFY(child<QRadioButton>(form, "pemMode")->isChecked());
    QVERIFY(fieldText(form, "certificateFile").contains(QStringLiteral("clipboard")));

    // Text that is not PEM says so.
    QApplication::clipboard()->setText(QStringLiteral("just words"));
    child<QAction>(&window, "pastePemAction")->trigger();
    QTRY_COMPARE(routed.size(), 2);
    QVERIFY(w.dialogs.informations.last().contains(QStringLiteral("PEM")));
}

void TestMainWindow::windowStateIsRemembered()
{
    QTemporaryDir home;
    FakeDialogProvider dialogs;
    ui::MainWindow::Options options;
    options.storeRoot = QDir(home.path()).filePath(QStringLiteral("store"));
    options.dialogs = &dialogs;
    options.unlock = false;
    {
        ui::MainWindow first(options);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(1234, 777);
        QVERIFY(first.navigate(Node::ExpiryOverview));
        first.close();
    }
    ui::MainWindow second(options);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.size(), QSize(1234, 777));
    QCOMPARE(second.tree()->currentNode(), Node::ExpiryOverview);
    QCOMPARE(second.currentPage(), second.expiryOverview());
}

CERTDESK_GUI_TEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
