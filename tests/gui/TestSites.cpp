// Sites in the window, against a real osbiz-sim process over TLS on loopback: add a site with
// the dialog (password to the keychain), trust it with the Trust dialog (the fingerprint shown
// is the simulator's), test the connection, list its server certificates, then activate a
// stored certificate for the telephony server on the server certificate's Activate
// Certificate tab and follow the progress view until "verified" - and the pin has moved.

#include "../KeychainRequired.h"
#include "GuiTest.h"

#include "../remote/RemoteTestSupport.h"
#include "../remote/SimProcess.h"

#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "core/secrets/SecretStore.h"
#include "ui/ActivateCertificateWidget.h"
#include "ui/ActivationProgressWidget.h"
#include "ui/CredentialsDialog.h"
#include "ui/ServerCertificatePage.h"
#include "ui/SiteController.h"
#include "ui/SiteDialog.h"
#include "ui/SitesPage.h"
#include "ui/StoreController.h"
#include "ui/TrustDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>

using namespace certdesk;
using guitest::child;
using Node = ui::NavigationTree::Node;

namespace {

const QString kSite = QStringLiteral("gui-pbx");
const QString kEntry = QStringLiteral("gui-activate");

QString fp(const crypto::Certificate& c)
{
    return remote::Fingerprint::format(c.sha256Fingerprint());
}

std::optional<remote::Site> registered(const QString& path)
{
    auto registry = remote::SiteRegistry::open(path);
    return registry ? registry->find(kSite) : std::nullopt;
}

} // namespace

class TestSites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // First: the later tests leave the simulator restarting (cancelWhileWaiting).
    void sharedCredentialFromTheDialog();
    void importAndExportInventory();
    void addTrustListAndActivate();
    void failureIsNamedAndPinStays();
    void cancelWhileWaiting();

private:
    static bool addTrustedSite(ui::MainWindow* window, quint16 port);
    static bool removeSite(ui::MainWindow* window);

    remotetest::SimProcess m_sim;
};

void TestSites::initTestCase()
{
    // The site's password lives in the keychain only: without one there is nothing to test.
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    remotetest::SimProcess::Options options;
    options.restartSeconds = 1;
    options.booster = true;
    QString error;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
}

void TestSites::addTrustListAndActivate()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    const QString sitesFile = QDir(w.storeRoot()).filePath(QStringLiteral("sites.json"));
    QCOMPARE(window->sites()->registryPath(), sitesFile);

    const remotetest::Material material =
        remotetest::makeServer(QStringLiteral("gui-activate.example"));
    QVERIFY(guitest::storeEntry(window, kEntry, material.certificate, material.key));

    // Sites is in the tree now and shows its page.
    QTreeWidgetItem* sitesNode = window->tree()->item(Node::Sites);
    QVERIFY(sitesNode->flags() & Qt::ItemIsEnabled);
    guitest::clickTreeItem(sitesNode);
    QCOMPARE(window->currentPage(), window->sitesPage());
    ui::SitesPage* page = window->sitesPage();

    // Add: the dialog, the password into the keychain, nothing secret in sites.json.
    guitest::click(child<QPushButton>(page, "addSiteButton"));
    QTRY_VERIFY(page->siteDialog() && page->siteDialog()->isVisible());
    ui::SiteDialog* dialog = page->siteDialog();
    auto* ok = child<QPushButton>(dialog, "siteDialogOk");
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "siteName"), kSite);
    QTest::keyClicks(child<QLineEdit>(dialog, "siteHost"), QStringLiteral("127.0.0.1"));
    child<QSpinBox>(dialog, "sitePort")->setValue(m_sim.port());
    child<QCheckBox>(dialog, "siteHasBooster")->setChecked(true);
    child<QSpinBox>(dialog, "siteBoosterPort")->setValue(m_sim.boosterPort());
    QTest::keyClicks(child<QLineEdit>(dialog, "siteUser"), remotetest::kSimUser);
    QVERIFY(!ok->isEnabled()); // a new site needs its password
    QTest::keyClicks(child<QLineEdit>(dialog, "sitePassword"),
                     QString::fromUtf8(remotetest::kSimPassword));
    QVERIFY(ok->isEnabled());
    guitest::click(ok);
    QTRY_VERIFY_WITH_TIMEOUT(!page->siteDialog(), guitest::kSlow);
    std::optional<remote::Site> site = registered(sitesFile);
    QVERIFY(site);
    QCOMPARE(site->port, m_sim.port());
    QCOMPARE(site->boosterPort, std::optional<quint16>(m_sim.boosterPort()));
    QVERIFY(site->pin.isNull());
    QFile file(sitesFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(remotetest::kSimPassword));
    QCOMPARE(page->currentSite(), kSite);
    auto* list = child<QTreeWidget>(page, "sitesList");
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY(!child<QPushButton>(page, "refreshCertificatesButton")->isEnabled()); // not trusted

    // Trust: the dialog shows what the simulator serves; confirming pins exactly that.
    const QString simFingerprint = m_sim.served();
    QVERIFY(!simFingerprint.isEmpty());
    guitest::click(child<QPushButton>(page, "trustButton"));
    QTRY_VERIFY_WITH_TIMEOUT(page->trustDialog() && page->trustDialog()->isVisible(),
                             guitest::kSlow);
    ui::TrustDialog* trust = page->trustDialog();
    QCOMPARE(child<QLabel>(trust, "trustFingerprint")->text(), simFingerprint);
    QVERIFY(!child<QLabel>(trust, "trustSubject")->text().isEmpty());
    QVERIFY(!child<QLabel>(trust, "trustIssuer")->text().isEmpty());
    QVERIFY(child<QLabel>(trust, "trustValidity")->text().contains(QStringLiteral("GMT")));
    guitest::click(child<QPushButton>(trust, "trustConfirm"));
    QTRY_VERIFY(!page->trustDialog());
    site = registered(sitesFile);
    QVERIFY(site);
    QCOMPARE(site->pin.certificateFingerprint(), simFingerprint);
    QVERIFY(list->topLevelItem(0)->text(2).contains(simFingerprint));
    auto* status = child<QLabel>(page, "siteStatus");

    // Edit: the name is fixed, an empty password keeps the keychain's, the pin stays while
    // the address does.
    guitest::click(child<QPushButton>(page, "editSiteButton"));
    QTRY_VERIFY(page->siteDialog() && page->siteDialog()->isVisible());
    dialog = page->siteDialog();
    QVERIFY(child<QLineEdit>(dialog, "siteName")->isReadOnly());
    QCOMPARE(child<QLineEdit>(dialog, "siteUser")->text(), remotetest::kSimUser);
    QVERIFY(child<QLineEdit>(dialog, "sitePassword")->text().isEmpty());
    QVERIFY(child<QPushButton>(dialog, "siteDialogOk")->isEnabled());
    guitest::click(child<QPushButton>(dialog, "siteDialogOk"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->siteDialog(), guitest::kSlow);
    QCOMPARE(registered(sitesFile)->pin.certificateFingerprint(), simFingerprint);

    // Test connection: handshake against the pin, login with the keychain's password.
    guitest::click(child<QPushButton>(page, "testConnectionButton"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Logged in")), guitest::kSlow);

    // The site's server certificates, the active one marked.
    auto* remoteList = child<QTreeWidget>(page, "remoteCertificatesList");
    QVERIFY(child<QPushButton>(page, "refreshCertificatesButton")->isEnabled());
    guitest::click(child<QPushButton>(page, "refreshCertificatesButton"));
    QTRY_VERIFY_WITH_TIMEOUT(remoteList->topLevelItemCount() > 0, guitest::kSlow);
    bool activeShown = false;
    for (int i = 0; i < remoteList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* row = remoteList->topLevelItem(i);
        if (row->text(5) == simFingerprint) {
            QVERIFY(row->text(2).contains(QStringLiteral("Telephony Server")));
            activeShown = true;
        }
    }
    QVERIFY(activeShown);

    // Activate Certificate on the stored entry: telephony server of the site.
    QVERIFY(window->navigate(Node::ServerCertificate, kEntry, ui::ServerCertificatePage::Activate));
    QTabWidget* tabs = window->serverPage()->tabs();
    QVERIFY(tabs->isTabEnabled(ui::ServerCertificatePage::Activate));
    QCOMPARE(tabs->currentIndex(), int(ui::ServerCertificatePage::Activate));
    ui::ActivateCertificateWidget* activate = window->serverPage()->activateWidget();
    auto* system = child<QComboBox>(activate, "systemCombo");
    QCOMPARE(system->count(), 2);
    QCOMPARE(system->itemText(1), QStringLiteral("OpenScape Business UC Booster Server"));
    system->setCurrentIndex(0);
    auto* siteCombo = child<QComboBox>(activate, "siteCombo");
    QCOMPARE(siteCombo->currentData().toString(), kSite);
    auto* activateButton = child<QPushButton>(activate, "activateButton");
    QTRY_VERIFY(activateButton->isEnabled());

    ui::ActivationProgressWidget* progress = activate->progress();
    QSignalSpy states(progress, &ui::ActivationProgressWidget::stateChanged);
    QSignalSpy ticks(progress, &ui::ActivationProgressWidget::countdownShown);
    guitest::click(activateButton);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isRunning(), guitest::kSlow);
    QVERIFY(progress->isVisible());
    QVERIFY(child<QPushButton>(progress, "activationCancel")->isEnabled());
    QVERIFY(!activateButton->isEnabled()); // one activation at a time
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isRunning(), 90000);
    QCOMPARE(progress->state(), ui::ActivationProgressWidget::State::Verified);
    // The countdown ticked while the web server restarted (from the job's 300 s bound).
    QVERIFY(!ticks.isEmpty());
    QVERIFY(ticks.first().first().toInt() > 0);
    QVERIFY(child<QLabel>(progress, "activationCountdown")->text().isEmpty());
    QCOMPARE(states.last().first().value<ui::ActivationProgressWidget::State>(),
             ui::ActivationProgressWidget::State::Verified);
    const QString expected = fp(material.certificate);
    QVERIFY(expected != simFingerprint);
    QCOMPARE(progress->outcome().presentedSha256, expected);
    QVERIFY(progress->outcome().verified);
    QVERIFY(progress->outcome().repinned);
    auto* result = child<QLabel>(progress, "activationResult");
    QVERIFY2(result->text().contains(QStringLiteral("Verified")), qPrintable(result->text()));
    QVERIFY(result->text().contains(expected));
    QVERIFY(!child<QPushButton>(progress, "activationCancel")->isEnabled());
    auto* steps = child<QListWidget>(progress, "activationSteps");
    QCOMPARE(steps->count(), 8);
    for (int i = 0; i < steps->count(); ++i)
        QVERIFY2(!steps->item(i)->icon().isNull(), qPrintable(steps->item(i)->text()));

    // The system serves it, and the pin has moved to it (sites.json).
    QCOMPARE(m_sim.served(), expected);
    site = registered(sitesFile);
    QVERIFY(site);
    QCOMPARE(site->pin.certificateFingerprint(), expected);
    QTRY_VERIFY(activateButton->isEnabled()); // ready for the next one

    // Remove the site: gone from sites.json (and its password from the keychain).
    guitest::clickTreeItem(sitesNode);
    QVERIFY(page->selectSite(kSite));
    w.dialogs.confirmAnswer = true;
    guitest::click(child<QPushButton>(page, "removeSiteButton"));
    QTRY_VERIFY(!registered(sitesFile));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Removed")), guitest::kSlow);
    QCOMPARE(list->topLevelItemCount(), 0);
}

bool TestSites::addTrustedSite(ui::MainWindow* window, quint16 port)
{
    remote::Site site;
    site.name = kSite;
    site.host = QStringLiteral("127.0.0.1");
    site.port = port;
    site.user = remotetest::kSimUser;
    std::optional<Status> saved;
    QObject context;
    window->sites()->save(site, crypto::SecretBytes(remotetest::kSimPassword), true, &context,
                          [&saved](Status s) { saved = s; });
    if (!QTest::qWaitFor([&saved] { return saved.has_value(); }, guitest::kSlow) || !saved->ok())
        return false;
    std::optional<remote::ProbeResult> probed;
    window->sites()->probe(kSite, QStringLiteral("telephony"), &context,
                           [&probed](remote::ProbeResult r) { probed = std::move(r); });
    if (!QTest::qWaitFor([&probed] { return probed.has_value(); }, guitest::kSlow) ||
        !probed->reached())
        return false;
    return window->sites()->trust(kSite, QStringLiteral("telephony"), probed->leaf()).ok();
}

bool TestSites::removeSite(ui::MainWindow* window)
{
    std::optional<Status> removed;
    QObject context;
    window->sites()->remove(kSite, &context, [&removed](Status s) { removed = s; });
    return QTest::qWaitFor([&removed] { return removed.has_value(); }, guitest::kSlow) &&
           removed->ok();
}

// The system comes back from the restart with the old certificate: the progress view names
// the failure at the step where it stopped, and the pin stays where it was.
void TestSites::failureIsNamedAndPinStays()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    const QString sitesFile = window->sites()->registryPath();
    const remotetest::Material material =
        remotetest::makeServer(QStringLiteral("gui-old-cert.example"));
    const QString entry = QStringLiteral("gui-old-cert"); // a new name on the system
    QVERIFY(guitest::storeEntry(window, entry, material.certificate, material.key));

    // The site, through the controller this time (the dialogs are covered above).
    QVERIFY(addTrustedSite(window, m_sim.port()));
    const QString before = registered(sitesFile)->pin.certificateFingerprint();
    QCOMPARE(before, m_sim.served());

    QVERIFY(m_sim.setFaults({QStringLiteral("old-cert-after-restart")}));
    QVERIFY(window->navigate(Node::ServerCertificate, entry, ui::ServerCertificatePage::Activate));
    ui::ActivateCertificateWidget* activate = window->serverPage()->activateWidget();
    child<QComboBox>(activate, "systemCombo")->setCurrentIndex(0);
    auto* activateButton = child<QPushButton>(activate, "activateButton");
    QTRY_VERIFY(activateButton->isEnabled());
    ui::ActivationProgressWidget* progress = activate->progress();
    guitest::click(activateButton);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isRunning(), guitest::kSlow);
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isRunning(), 90000);
    QVERIFY(m_sim.setFaults({}));
    QCOMPARE(progress->state(), ui::ActivationProgressWidget::State::Failed);
    QCOMPARE(progress->outcome().failureName(), QStringLiteral("verify:old-certificate"));
    const QString result = child<QLabel>(progress, "activationResult")->text();
    QVERIFY2(result.contains(QStringLiteral("verify:old-certificate")), qPrintable(result));
    QVERIFY(!result.contains(QStringLiteral("Verified")));
    QCOMPARE(registered(sitesFile)->pin.certificateFingerprint(), before);
    QVERIFY(activateButton->isEnabled()); // the technician may try again

    QVERIFY(removeSite(window)); // and its keychain entry
}

// Cancel while the web server restarts: the job stops there, named "wait:canceled", and the
// pin is not moved (nothing proved the new certificate).
void TestSites::cancelWhileWaiting()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    const QString sitesFile = window->sites()->registryPath();
    const QString entry = QStringLiteral("gui-cancel");
    const remotetest::Material material =
        remotetest::makeServer(QStringLiteral("gui-cancel.example"));
    QVERIFY(guitest::storeEntry(window, entry, material.certificate, material.key));
    QVERIFY(addTrustedSite(window, m_sim.port()));
    const QString before = registered(sitesFile)->pin.certificateFingerprint();

    QVERIFY(m_sim.setFaults({QStringLiteral("slow-restart")}));
    QVERIFY(window->navigate(Node::ServerCertificate, entry, ui::ServerCertificatePage::Activate));
    ui::ActivateCertificateWidget* activate = window->serverPage()->activateWidget();
    child<QComboBox>(activate, "systemCombo")->setCurrentIndex(0);
    auto* activateButton = child<QPushButton>(activate, "activateButton");
    QTRY_VERIFY(activateButton->isEnabled());
    ui::ActivationProgressWidget* progress = activate->progress();
    QSignalSpy ticks(progress, &ui::ActivationProgressWidget::countdownShown);
    guitest::click(activateButton);
    QTRY_VERIFY_WITH_TIMEOUT(!ticks.isEmpty(), guitest::kSlow); // waiting for the restart
    auto* cancel = child<QPushButton>(progress, "activationCancel");
    QVERIFY(cancel->isEnabled());
    guitest::click(cancel);
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isRunning(), guitest::kSlow);
    QVERIFY(m_sim.setFaults({}));
    QCOMPARE(progress->state(), ui::ActivationProgressWidget::State::Failed);
    QCOMPARE(progress->outcome().failureName(), QStringLiteral("wait:canceled"));
    QVERIFY(child<QLabel>(progress, "activationResult")
                ->text()
                .contains(QStringLiteral("wait:canceled")));
    QCOMPARE(registered(sitesFile)->pin.certificateFingerprint(), before);
    // Let the simulator finish its restart before anything else talks to it.
    QVERIFY(m_sim.waitListening(QStringLiteral("telephony"), 30000));
    QVERIFY(removeSite(window));
}

// A site added with a shared credential: the dialog takes the credential's user, asks for no
// password and stores none for the site; Test connection logs in with the credential's.
void TestSites::sharedCredentialFromTheDialog()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    const QString sitesFile = window->sites()->registryPath();
    const secrets::SecretStore store(window->sites()->keychainService());
    const QString sharedKey = secrets::SecretStore::credentialPasswordKey(QStringLiteral("grp"));

    // The credential, through Sites → Shared Credentials…
    guitest::clickTreeItem(window->tree()->item(Node::Sites));
    ui::SitesPage* page = window->sitesPage();
    guitest::click(child<QPushButton>(page, "credentialsButton"));
    QTRY_VERIFY(page->credentialsDialog() && page->credentialsDialog()->isVisible());
    ui::CredentialsDialog* credentials = page->credentialsDialog();
    auto* save = child<QPushButton>(credentials, "credentialSave");
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(child<QLineEdit>(credentials, "credentialName"), QStringLiteral("grp"));
    QTest::keyClicks(child<QLineEdit>(credentials, "credentialUser"), remotetest::kSimUser);
    QVERIFY(!save->isEnabled()); // a new credential needs its password
    QTest::keyClicks(child<QLineEdit>(credentials, "credentialPassword"),
                     QString::fromUtf8(remotetest::kSimPassword));
    QVERIFY(save->isEnabled());
    guitest::click(save);
    auto* credentialList = child<QListWidget>(credentials, "credentialList");
    QTRY_COMPARE_WITH_TIMEOUT(credentialList->count(), 1, guitest::kSlow);
    const auto stored = store.readBlocking(sharedKey);
    QVERIFY(stored && stored->has_value());
    QCOMPARE((*stored)->view().toByteArray(), remotetest::kSimPassword);
    QFile written(sitesFile);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray sitesJson = written.readAll();
    QVERIFY(sitesJson.contains("\"credentials\""));
    QVERIFY(!sitesJson.contains(remotetest::kSimPassword));
    credentials->close();
    QTRY_VERIFY(!page->credentialsDialog());

    guitest::click(child<QPushButton>(page, "addSiteButton"));
    QTRY_VERIFY(page->siteDialog() && page->siteDialog()->isVisible());
    ui::SiteDialog* dialog = page->siteDialog();
    auto* ok = child<QPushButton>(dialog, "siteDialogOk");
    auto* login = child<QComboBox>(dialog, "siteLogin");
    auto* user = child<QLineEdit>(dialog, "siteUser");
    auto* password = child<QLineEdit>(dialog, "sitePassword");
    QVERIFY(login->isEnabled());
    QCOMPARE(login->count(), 2);
    QTest::keyClicks(child<QLineEdit>(dialog, "siteName"), kSite);
    QTest::keyClicks(child<QLineEdit>(dialog, "siteHost"), QStringLiteral("127.0.0.1"));
    child<QSpinBox>(dialog, "sitePort")->setValue(m_sim.port());
    QVERIFY(!ok->isEnabled()); // own login chosen: user and password missing
    login->setCurrentIndex(1);
    QCOMPARE(user->text(), remotetest::kSimUser);
    QVERIFY(!user->isEnabled() && !password->isEnabled());
    QVERIFY(ok->isEnabled());
    guitest::click(ok);
    QTRY_VERIFY_WITH_TIMEOUT(!page->siteDialog(), guitest::kSlow);
    std::optional<remote::Site> site = registered(sitesFile);
    QVERIFY(site);
    QCOMPARE(site->credential, QStringLiteral("grp"));
    const auto own = store.readBlocking(secrets::SecretStore::sitePasswordKey(kSite));
    QVERIFY(own && !own->has_value());

    // The simulator may still be coming back from the previous test's restart.
    std::optional<remote::ProbeResult> probed;
    QObject context;
    QElapsedTimer clock;
    clock.start();
    while (!(probed && probed->reached()) && clock.elapsed() < guitest::kSlow) {
        probed.reset();
        window->sites()->probe(kSite, QStringLiteral("telephony"), &context,
                               [&probed](remote::ProbeResult r) { probed = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), guitest::kSlow);
        if (!probed->reached())
            QTest::qWait(200);
    }
    QVERIFY(probed->reached());
    QVERIFY(window->sites()->trust(kSite, QStringLiteral("telephony"), probed->leaf()));
    QVERIFY(page->selectSite(kSite));
    guitest::click(child<QPushButton>(page, "testConnectionButton"));
    auto* status = child<QLabel>(page, "siteStatus");
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("Logged in")),
                              qPrintable(status->text()), guitest::kSlow);

    // Back to an own login: it needs a password of its own before it can be saved.
    guitest::click(child<QPushButton>(page, "editSiteButton"));
    QTRY_VERIFY(page->siteDialog() && page->siteDialog()->isVisible());
    dialog = page->siteDialog();
    login = child<QComboBox>(dialog, "siteLogin");
    QCOMPARE(login->currentIndex(), 1);
    login->setCurrentIndex(0);
    QVERIFY(!child<QPushButton>(dialog, "siteDialogOk")->isEnabled());
    QVERIFY(child<QLabel>(dialog, "siteDialogError")->text().contains(QStringLiteral("password")));
    dialog->close();

    // In use: the credential cannot be removed; once its site is gone it can, keychain and all.
    guitest::click(child<QPushButton>(page, "credentialsButton"));
    QTRY_VERIFY(page->credentialsDialog() && page->credentialsDialog()->isVisible());
    credentials = page->credentialsDialog();
    credentialList = child<QListWidget>(credentials, "credentialList");
    QCOMPARE(credentialList->count(), 1);
    QVERIFY(credentialList->item(0)->text().contains(QStringLiteral("1 sites")));
    credentialList->setCurrentRow(0);
    auto* message = child<QLabel>(credentials, "credentialMessage");
    guitest::click(child<QPushButton>(credentials, "credentialRemove"));
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(kSite), guitest::kSlow);
    QCOMPARE(credentialList->count(), 1);
    QVERIFY(removeSite(window));
    credentialList->setCurrentRow(0);
    guitest::click(child<QPushButton>(credentials, "credentialRemove"));
    QTRY_COMPARE_WITH_TIMEOUT(credentialList->count(), 0, guitest::kSlow);
    const auto gone = store.readBlocking(sharedKey);
    QVERIFY(gone && !gone->has_value());
    credentials->close();
}

// Import… and Export… on the Sites page: an inventory is taken whole or not at all, says what
// the new sites still need, and goes back out without a password.
void TestSites::importAndExportInventory()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    guitest::clickTreeItem(window->tree()->item(Node::Sites));
    ui::SitesPage* page = window->sitesPage();
    auto* list = child<QTreeWidget>(page, "sitesList");
    auto* status = child<QLabel>(page, "siteStatus");
    QCOMPARE(list->topLevelItemCount(), 0);
    const QDir home(w.home.path());
    const auto write = [&home](const QString& name, const QByteArray& text) {
        QFile f(home.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() ? f.fileName()
                                                                            : QString();
    };
    const QString pin = QStringLiteral("AB:").repeated(31) + QStringLiteral("AB");

    // One bad row (an unknown shared credential) and nothing is imported.
    const QString bad = write(QStringLiteral("bad.csv"), "name,host,port,user,credential\n"
                                                         "pbx-1,192.0.2.1,443,administrator,\n"
                                                         "pbx-2,192.0.2.2,443,,nosuch\n");
    w.dialogs.openAnswers = {bad};
    guitest::click(child<QPushButton>(page, "importSitesButton"));
    QVERIFY2(status->text().contains(QStringLiteral("Nothing was imported")) &&
                 status->text().contains(QStringLiteral("nosuch")),
             qPrintable(status->text()));
    QCOMPARE(list->topLevelItemCount(), 0);

    const QString good =
        write(QStringLiteral("good.csv"), "name,host,port,user,tags,pinSha256\n"
                                          "pbx-1,192.0.2.1,443,administrator,north,\n"
                                          "pbx-2,192.0.2.2,8443,administrator,north;south," +
                                              pin.toUtf8() + "\n");
    w.dialogs.openAnswers = {good};
    guitest::click(child<QPushButton>(page, "importSitesButton"));
    QVERIFY2(status->text().contains(QStringLiteral("Imported 2 sites")),
             qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("1 of them are not trusted")));
    QVERIFY(status->text().contains(QStringLiteral("2 of them have no password")));
    QTRY_COMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(window->sites()->find(QStringLiteral("pbx-2"))->pin.certificateFingerprint(), pin);

    // The same file again: the names exist, nothing changes.
    w.dialogs.openAnswers = {good};
    guitest::click(child<QPushButton>(page, "importSitesButton"));
    QVERIFY2(status->text().contains(QStringLiteral("already exists")), qPrintable(status->text()));
    QCOMPARE(list->topLevelItemCount(), 2);

    const QString exported = home.filePath(QStringLiteral("out.json"));
    w.dialogs.saveAnswers = {exported};
    guitest::click(child<QPushButton>(page, "exportSitesButton"));
    QVERIFY2(status->text().contains(exported), qPrintable(status->text()));
    QFile out(exported);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    const QJsonArray sites =
        QJsonDocument::fromJson(out.readAll()).object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites.at(1).toObject().value(QStringLiteral("tags")).toArray().size(), 2);

    for (const QString& name : {QStringLiteral("pbx-1"), QStringLiteral("pbx-2")}) {
        std::optional<Status> removed;
        QObject context;
        window->sites()->remove(name, &context, [&removed](Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), guitest::kSlow);
    }
}

CERTDESK_GUI_TEST_MAIN(TestSites)
#include "TestSites.moc"
