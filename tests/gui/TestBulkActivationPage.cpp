// The Bulk Activation page against ONE osbiz-sim process serving eight systems (2 s restart),
// the site passwords in a real keychain: choose a certificate and a tag, run the preflight
// (one site not trusted, one with a wrong password: both blocked, with their reasons), run the
// sites that passed (one of them refuses the activation), read the per-site rows, the counts
// and the overall bar, filter the failures, save the report, clear the fault and re-run the
// failed site. Last, the window is destroyed while a batch waits for a restart.

#include "../KeychainRequired.h"
#include "GuiTest.h"

#include "../bulk/MultiSim.h"
#include "../remote/RemoteTestSupport.h"
#include "../remote/SimProcess.h"

#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "ui/BulkActivationPage.h"
#include "ui/BulkSiteTableModel.h"
#include "ui/SiteController.h"
#include "ui/SitesPage.h"
#include "ui/StoreController.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTreeWidget>

using namespace certdesk;
using guitest::child;
using Model = ui::BulkSiteTableModel;
using Node = ui::NavigationTree::Node;

namespace {

constexpr int kSystems = 8; // 0-6 tagged "lab", 7 tagged "other"
constexpr int kFailing = 3; // refuses the activation (HTTP 500) until its fault is cleared
constexpr int kUntrusted = 5;
constexpr int kWrongPassword = 6;
constexpr int kOther = 7;
const QString kEntry = QStringLiteral("bulk-wildcard");
const QString kHost = QStringLiteral("127.0.0.1");

QString siteName(int i)
{
    return QStringLiteral("bulk-pbx-%1").arg(i);
}

QString fp(const crypto::Certificate& c)
{
    return remote::Fingerprint::format(c.sha256Fingerprint());
}

// Through the controller, as the Sites page's dialogs would: the password into the keychain.
bool saveSite(ui::SiteController* sites, const remote::Site& site, const QByteArray& password)
{
    std::optional<Status> saved;
    QObject context;
    sites->save(site, crypto::SecretBytes(QByteArrayView(password)), true, &context,
                [&saved](Status s) { saved = s; });
    if (!QTest::qWaitFor([&saved] { return saved.has_value(); }, guitest::kSlow))
        return false;
    if (!saved->ok())
        qWarning("save: %s", qPrintable(saved->error().message));
    return saved->ok();
}

QString cell(const QAbstractItemModel* model, int row, int column, int role = Qt::DisplayRole)
{
    return model->data(model->index(row, column), role).toString();
}

} // namespace

class TestBulkActivationPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void preflightRunFilterAndRerun();

private:
    bool addSites(ui::MainWindow* window);
    bool removeSites(const QString& registryPath);

    bulktest::MultiSim m_sim;
};

void TestBulkActivationPage::initTestCase()
{
    // The site passwords live in the keychain only.
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    QString error;
    QVERIFY2(m_sim.start({kSystems, 2, {}}, &error), qPrintable(error));
    QCOMPARE(m_sim.ports().size(), kSystems);
}

bool TestBulkActivationPage::addSites(ui::MainWindow* window)
{
    for (int i = 0; i < kSystems; ++i) {
        remote::Site site;
        site.name = siteName(i);
        site.host = kHost;
        site.port = m_sim.ports().at(i);
        site.user = remotetest::kSimUser;
        site.tags = {i == kOther ? QStringLiteral("other") : QStringLiteral("lab")};
        if (i != kUntrusted) {
            const remote::ProbeResult probed = remotetest::probe(kHost, site.port);
            if (!probed.reached())
                return false;
            site.pin = remote::CertificatePin::of(probed.leaf(), false);
        }
        const QByteArray password =
            i == kWrongPassword ? QByteArrayLiteral("not the password") : remotetest::kSimPassword;
        if (!saveSite(window->sites(), site, password))
            return false;
    }
    return true;
}

bool TestBulkActivationPage::removeSites(const QString& registryPath)
{
    ui::SiteController sites(registryPath);
    QObject context;
    int removed = 0;
    for (int i = 0; i < kSystems; ++i)
        sites.remove(siteName(i), &context, [&removed](Status s) { removed += s ? 1 : 0; });
    return QTest::qWaitFor([&removed] { return removed == kSystems; }, guitest::kSlow);
}

void TestBulkActivationPage::preflightRunFilterAndRerun()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow* window = w.window.get();
    const QString registryPath = window->sites()->registryPath();
    const remotetest::Material material = remotetest::makeServer(QStringLiteral("bulk.example"));
    const QString expected = fp(material.certificate);
    QVERIFY(guitest::storeEntry(window, kEntry, material.certificate, material.key));
    QVERIFY(addSites(window));
    QList<QString> before;
    for (int i = 0; i < kSystems; ++i)
        before << m_sim.served(i);
    QVERIFY(!before.contains(expected));
    QVERIFY(m_sim.setFaults(kFailing, {QStringLiteral("http-500:activate")}));

    // The page is a node under Sites.
    QTreeWidgetItem* node = window->tree()->item(Node::BulkActivation);
    QVERIFY(node);
    QCOMPARE(node->parent(), window->tree()->item(Node::Sites));
    guitest::clickTreeItem(node);
    ui::BulkActivationPage* page = window->bulkPage();
    QCOMPARE(window->currentPage(), page);

    // The certificate: only complete server certificates are offered.
    auto* certificates = child<QComboBox>(page, "bulkCertificateCombo");
    QTRY_VERIFY(certificates->findData(kEntry) >= 0);
    certificates->setCurrentIndex(certificates->findData(kEntry));
    // The sites: the tag "lab" ticks 0-6, not the "other" one.
    auto* list = child<QListWidget>(page, "bulkSiteList");
    QCOMPARE(list->count(), kSystems);
    auto* tags = child<QComboBox>(page, "bulkTagCombo");
    QCOMPARE(tags->itemText(0), QStringLiteral("All sites"));
    QVERIFY(tags->findText(QStringLiteral("lab")) > 0);
    tags->setCurrentIndex(tags->findText(QStringLiteral("lab")));
    for (int i = 0; i < list->count(); ++i)
        QCOMPARE(list->item(i)->checkState(), i == kOther ? Qt::Unchecked : Qt::Checked);
    QCOMPARE(child<QComboBox>(page, "bulkSystemCombo")->currentData().toString(),
             QStringLiteral("telephony"));
    QCOMPARE(child<QSpinBox>(page, "bulkParallelSpin")->value(), 32);

    auto* preflightButton = child<QPushButton>(page, "bulkPreflightButton");
    auto* runButton = child<QPushButton>(page, "bulkRunButton");
    auto* rerunButton = child<QPushButton>(page, "bulkRerunFailedButton");
    auto* saveButton = child<QPushButton>(page, "bulkSaveReportButton");
    auto* counts = child<QLabel>(page, "bulkCountsLabel");
    auto* overall = child<QProgressBar>(page, "bulkOverallProgress");
    auto* table = child<QTableView>(page, "bulkTable");
    QVERIFY(preflightButton->isEnabled());
    QVERIFY(!runButton->isEnabled()); // not before a preflight
    QVERIFY(!rerunButton->isEnabled());

    // A rule file that leaves sites without a certificate stops before anything is checked.
    const QString rulePath = QDir(w.home.path()).filePath(QStringLiteral("rule.csv"));
    QFile rule(rulePath);
    QVERIFY(rule.open(QIODevice::WriteOnly));
    rule.write("site,entry\n" + siteName(0).toUtf8() + "," + kEntry.toUtf8() + "\n");
    rule.close();
    child<QRadioButton>(page, "bulkRuleRadio")->setChecked(true);
    QVERIFY(!certificates->isEnabled());
    child<QLineEdit>(page, "bulkRuleEdit")->setText(rulePath);
    guitest::click(preflightButton);
    const QString refused = child<QLabel>(page, "bulkStatusLabel")->text();
    QVERIFY2(refused.contains(QStringLiteral("assigns no certificate to 6 site(s)")),
             qPrintable(refused));
    QVERIFY(refused.contains(siteName(6)) && !refused.contains(siteName(0)));
    QVERIFY(!page->preflight());
    // Each site its own entry: no entry is named like these sites, so the store says which.
    child<QRadioButton>(page, "bulkPerSiteRadio")->setChecked(true);
    QVERIFY(!certificates->isEnabled());
    guitest::click(preflightButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "bulkStatusLabel")->text().contains(siteName(0)),
                             guitest::kSlow);
    QVERIFY(!page->preflight());
    child<QRadioButton>(page, "bulkSingleRadio")->setChecked(true);
    QCOMPARE(certificates->currentData().toString(), kEntry);

    // Preflight: two sites blocked with their reasons, five ready, nothing uploaded.
    QSignalSpy preflightDone(page, &ui::BulkActivationPage::preflightFinished);
    guitest::click(preflightButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone.count() == 1, guitest::kSlow);
    const QAbstractItemModel* view = table->model();
    QCOMPARE(view->rowCount(), kSystems - 1);
    for (int i = 0; i < kSystems - 1; ++i) {
        QCOMPARE(cell(view, i, Model::Site), siteName(i));
        QCOMPARE(cell(view, i, Model::Certificate), kEntry);
        const bool blocked = i == kUntrusted || i == kWrongPassword;
        QCOMPARE(cell(view, i, Model::Preflight),
                 blocked ? QStringLiteral("Blocked") : QStringLiteral("Ready"));
    }
    QCOMPARE(cell(view, kUntrusted, Model::Result), QStringLiteral("Blocked: not-trusted"));
    const QString untrusted = cell(view, kUntrusted, Model::Result, Qt::ToolTipRole);
    QVERIFY2(untrusted.contains(QStringLiteral("not trusted yet")), qPrintable(untrusted));
    QVERIFY(untrusted.contains(before.at(kUntrusted))); // it names the presented fingerprint
    QCOMPARE(page->model()->preflight(kUntrusted).problem, QStringLiteral("not-trusted"));
    QCOMPARE(page->model()->preflight(kWrongPassword).problem, QStringLiteral("bad-credentials"));
    const QString summary = child<QLabel>(page, "bulkSummaryLabel")->text();
    QVERIFY2(summary.contains(QStringLiteral("5 of 7 site(s) ready")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("2 site(s) blocked")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("not trusted yet (trust it under Sites): ") +
                             siteName(kUntrusted)));
    QVERIFY(summary.contains(QStringLiteral("wrong user name or password: ") +
                             siteName(kWrongPassword)));
    for (int i = 0; i < kSystems; ++i) {
        QCOMPARE(m_sim.served(i), before.at(i));
        QCOMPARE(m_sim.state(i)
                     .value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("activateRequests"))
                     .toInt(),
                 0);
    }
    QVERIFY(runButton->isEnabled());

    // Run: the five that passed; one refuses the activation.
    // Paused at once, nothing starts; Resume lets the batch go on.
    QSignalSpy batchDone(page, &ui::BulkActivationPage::batchFinished);
    auto* pauseButton = child<QPushButton>(page, "bulkPauseButton");
    guitest::click(runButton);
    QVERIFY(!runButton->isEnabled());
    QVERIFY(!preflightButton->isEnabled());
    QVERIFY(child<QPushButton>(page, "bulkCancelButton")->isEnabled());
    QVERIFY(pauseButton->isEnabled());
    guitest::click(pauseButton);
    QCOMPARE(pauseButton->text(), QStringLiteral("Resume"));
    QTest::qWait(500);
    QCOMPARE(page->batch()->runningCount(), 0);
    QCOMPARE(cell(view, 0, Model::Step), QStringLiteral("Queued"));
    QCOMPARE(counts->text(), QStringLiteral("0 of 5 done: 0 succeeded, 0 failed (paused)"));
    guitest::click(pauseButton);
    QCOMPARE(pauseButton->text(), QStringLiteral("Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(batchDone.count() == 1, 60000);
    QCOMPARE(page->batch()->size(), 5);
    for (int i = 0; i < kSystems - 1; ++i) {
        const QString what =
            QStringLiteral("%1: %2 / %3 / %4")
                .arg(siteName(i), cell(view, i, Model::Step), cell(view, i, Model::Result),
                     cell(view, i, Model::Result, Qt::ToolTipRole));
        if (i == kUntrusted || i == kWrongPassword) {
            QVERIFY2(!page->model()->run(i), qPrintable(what));
            QVERIFY(cell(view, i, Model::Step).isEmpty());
            QCOMPARE(m_sim.served(i), before.at(i));
        } else if (i == kFailing) {
            QVERIFY2(cell(view, i, Model::Result) ==
                         QStringLiteral("Failed: activate:server-error"),
                     qPrintable(what));
            QCOMPARE(m_sim.served(i), before.at(i));
        } else {
            QVERIFY2(cell(view, i, Model::Result) == QStringLiteral("Succeeded"), qPrintable(what));
            QCOMPARE(cell(view, i, Model::Step), QStringLiteral("Done"));
            QCOMPARE(view->data(view->index(i, Model::Progress), Model::ProgressRole).toInt(), 100);
            QCOMPARE(cell(view, i, Model::Progress), QStringLiteral("100 %"));
            QVERIFY(cell(view, i, Model::Result, Qt::ToolTipRole).contains(expected));
            // The system serves it (the simulator's own state), and the pin moved to it.
            QCOMPARE(m_sim.served(i), expected);
            QCOMPARE(remote::SiteRegistry::open(registryPath)
                         ->require(siteName(i))
                         ->pin.certificateFingerprint(),
                     expected);
        }
        if (page->model()->run(i))
            QVERIFY2(cell(view, i, Model::Elapsed).contains(QLatin1Char(':')), qPrintable(what));
    }
    QCOMPARE(counts->text(), QStringLiteral("5 of 5 done: 4 succeeded, 1 failed"));
    QCOMPARE(overall->maximum(), 5);
    QCOMPARE(overall->value(), overall->maximum());
    QVERIFY(QFile::exists(page->historyPath()));
    // The Sites page shows the moved pins.
    auto* sitesList = child<QTreeWidget>(window->sitesPage(), "sitesList");
    QCOMPARE(sitesList->topLevelItem(0)->text(0), siteName(0));
    QCOMPARE(sitesList->topLevelItem(0)->text(2), expected);
    QVERIFY(page->historyPath().startsWith(window->store()->root()));
    QVERIFY(rerunButton->isEnabled());
    QVERIFY(!runButton->isEnabled()); // once per preflight

    // Failures only: the failed site and the two blocked ones.
    auto* failuresOnly = child<QCheckBox>(page, "bulkFailuresOnly");
    failuresOnly->setChecked(true);
    QSet<QString> shown;
    for (int r = 0; r < view->rowCount(); ++r)
        shown << cell(view, r, Model::Site);
    QCOMPARE(shown,
             (QSet<QString>{siteName(kFailing), siteName(kUntrusted), siteName(kWrongPassword)}));

    // Save Report: the file dialog's answer, written as HTML.
    const QString reportPath = QDir(w.home.path()).filePath(QStringLiteral("report.html"));
    w.dialogs.saveAnswers << reportPath;
    QVERIFY(saveButton->isEnabled());
    guitest::click(saveButton);
    QFile report(reportPath);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray html = report.readAll();
    QVERIFY(html.contains("activate:server-error"));
    QVERIFY(html.contains(siteName(0).toUtf8()));

    // The fault is gone: Re-run Failed activates on that site alone.
    QVERIFY(m_sim.setFaults(kFailing, {}));
    guitest::click(rerunButton);
    QTRY_VERIFY_WITH_TIMEOUT(batchDone.count() == 2, 60000);
    QCOMPARE(m_sim.served(kFailing), expected);
    QCOMPARE(page->model()->run(kFailing)->state, bulk::BulkSiteResult::State::Succeeded);
    QCOMPARE(page->model()->run(kFailing)->attempts, 1);
    QCOMPARE(counts->text(), QStringLiteral("5 of 5 done: 5 succeeded, 0 failed"));
    QCOMPARE(overall->value(), overall->maximum());
    QVERIFY(!rerunButton->isEnabled());
    shown.clear();
    for (int r = 0; r < view->rowCount(); ++r)
        shown << cell(view, r, Model::Site);
    QCOMPARE(shown, (QSet<QString>{siteName(kUntrusted), siteName(kWrongPassword)}));
    // The other sites were not touched again.
    for (int i : {0, 1, 2, 4})
        QCOMPARE(m_sim.state(i)
                     .value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("activateRequests"))
                     .toInt(),
                 1);
    failuresOnly->setChecked(false);
    QCOMPARE(view->rowCount(), kSystems - 1);

    // Closing the window while a batch waits for a restart: the batch goes with it.
    tags->setCurrentIndex(tags->findText(QStringLiteral("other")));
    QCOMPARE(list->item(kOther)->checkState(), Qt::Checked);
    QVERIFY(!runButton->isEnabled()); // the choice changed
    guitest::click(preflightButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone.count() == 2, guitest::kSlow);
    QCOMPARE(view->rowCount(), 1);
    QTRY_VERIFY(runButton->isEnabled());
    guitest::click(runButton);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->run(0) &&
                                 page->model()->run(0)->step == QStringLiteral("wait"),
                             guitest::kSlow);
    window->close();
    w.window.reset();
    QTest::qWait(3000); // the restart ends; nothing may still call into the page
    QVERIFY(removeSites(registryPath));
}

CERTDESK_GUI_TEST_MAIN(TestBulkActivationPage)
#include "TestBulkActivationPage.moc"
