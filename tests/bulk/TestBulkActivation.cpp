// Bulk activation through core/bulk against ONE osbiz-sim process serving 50 systems with a
// 3 s restart, a fifth of them with injected faults: transient ones retried to success,
// permanent ones ending in their named failure, a lost activation answer settled by handshake
// and never re-sent. Every site's final state and served fingerprint are checked by a fresh
// handshake, and the batch takes far less than 50 restarts. Then pause, cancel and re-run.
// Two small simulators of their own then cover a lost answer whose activation did take effect,
// and a batch for the UC Booster Servers' listeners.

#include "MultiSim.h"

#include "../remote/RemoteTestSupport.h"
#include "../remote/SimProcess.h"

#include "core/bulk/BulkActivation.h"
#include "core/bulk/CertificateAssignment.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "core/store/CertificateStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace certdesk;
using namespace certdesk::bulk;
using namespace certdesk::remote;
using State = BulkSiteResult::State;

namespace {
const QString kHost = QStringLiteral("127.0.0.1");
constexpr int kSites = 50;
constexpr int kRestartSeconds = 3;
constexpr int kSmallRestartSeconds = 2; // the small simulators: a few sites, a shorter restart
const QString kTelephony = QStringLiteral("telephony");
const QString kBooster = QStringLiteral("booster");

QString fp(const crypto::Certificate& c)
{
    return Fingerprint::format(c.sha256Fingerprint());
}

QString servedByHandshake(quint16 port)
{
    const ProbeResult r = remotetest::probe(kHost, port, 5000);
    return r.reached() ? Fingerprint::format(Fingerprint::ofCertificate(r.leaf())) : QString();
}

bool waitFinished(BulkActivation& batch, int timeoutMs)
{
    if (!batch.isRunning())
        return true;
    QEventLoop loop;
    QObject::connect(&batch, &BulkActivation::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return !batch.isRunning();
}

int counter(const QJsonObject& state, const QString& name)
{
    return state.value(QStringLiteral("counters")).toObject().value(name).toInt();
}

QString describe(const BulkSiteResult& s)
{
    return QStringLiteral("%1: %2 %3 attempts %4: %5")
        .arg(s.site, BulkSiteResult::stateId(s.state), s.failure)
        .arg(s.attempts)
        .arg(s.message + QLatin1Char(' ') + s.settled);
}
} // namespace

class TestBulkActivation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fiftySitesWithFaults();
    void pauseCancelAndRerunFailed();
    void lostAnswerThatTookEffect();
    void boosterBulk();
    void rerunDoesNotActivateTwice();

private:
    QString siteName(int i) const
    {
        return QStringLiteral("site-%1").arg(i, 2, 10, QLatin1Char('0'));
    }
    BulkActivation::Item item(int i, const QString& entry, const remotetest::Material& m) const
    {
        return item(m_registryPath, siteName(i), entry, m, kTelephony);
    }
    static BulkActivation::Item item(const QString& registryPath, const QString& site,
                                     const QString& entry, const remotetest::Material& m,
                                     const QString& system);
    // Starts `sim` with `count` systems and a short restart, and trusts each of them (and its
    // Booster) as site-NN in a sites.json of its own.
    bool startSmallFleet(bulktest::MultiSim& sim, int count, bool booster,
                         const QString& registryPath, QString* error,
                         const QStringList& extraArguments = {}) const;

    bulktest::MultiSim m_sim;
    QTemporaryDir m_dir;
    QString m_registryPath;
    remotetest::Material m_a;
    remotetest::Material m_b;
    remotetest::Material m_c;
};

BulkActivation::Item TestBulkActivation::item(const QString& registryPath, const QString& site,
                                              const QString& entry, const remotetest::Material& m,
                                              const QString& system)
{
    BulkActivation::Item it;
    it.entry = entry;
    it.request.site = SiteRegistry::open(registryPath)->require(site).value();
    it.request.registryPath = registryPath;
    it.request.system = system;
    it.request.remoteName = entry;
    it.request.certificate = m.certificate;
    it.request.key = m.key;
    it.request.requestTimeout = std::chrono::milliseconds(3000);
    it.request.restartTimeout = std::chrono::seconds(20);
    it.request.probeTimeout = std::chrono::milliseconds(3000);
    it.request.password = crypto::SecretBytes(QByteArrayView(remotetest::kSimPassword));
    return it;
}

bool TestBulkActivation::startSmallFleet(bulktest::MultiSim& sim, int count, bool booster,
                                         const QString& registryPath, QString* error,
                                         const QStringList& extraArguments) const
{
    bulktest::MultiSim::Options options;
    options.count = count;
    options.restartSeconds = kSmallRestartSeconds;
    options.booster = booster;
    options.extraArguments = extraArguments;
    if (!sim.start(options, error))
        return false;
    if (sim.ports().size() != count || sim.boosterPorts().size() != (booster ? count : 0)) {
        *error = QStringLiteral("osbiz-sim reported the wrong number of listeners");
        return false;
    }
    QDir().mkpath(QFileInfo(registryPath).path());
    auto registry = SiteRegistry::open(registryPath);
    if (!registry) {
        *error = registry.error().message;
        return false;
    }
    for (int i = 0; i < count; ++i) {
        Site site;
        site.name = siteName(i);
        site.host = kHost;
        site.port = sim.ports().at(i);
        site.user = remotetest::kSimUser;
        const ProbeResult t = remotetest::probe(kHost, site.port);
        if (!t.reached()) {
            *error = QStringLiteral("no handshake with system %1").arg(i);
            return false;
        }
        site.pin = CertificatePin::of(t.leaf(), false);
        if (booster) {
            site.boosterPort = sim.boosterPorts().at(i);
            const ProbeResult b = remotetest::probe(kHost, *site.boosterPort);
            if (!b.reached()) {
                *error = QStringLiteral("no handshake with the Booster of system %1").arg(i);
                return false;
            }
            site.boosterPin = CertificatePin::of(b.leaf(), false);
        }
        if (Status s = registry->add(site); !s) {
            *error = s.error().message;
            return false;
        }
    }
    return true;
}

void TestBulkActivation::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({kSites, kRestartSeconds, {}}, &error), qPrintable(error));
    QCOMPARE(m_sim.ports().size(), kSites);
    m_registryPath = m_dir.filePath(QStringLiteral("sites.json"));
    auto registry = SiteRegistry::open(m_registryPath);
    QVERIFY(registry);
    for (int i = 0; i < kSites; ++i) {
        Site site;
        site.name = siteName(i);
        site.host = kHost;
        site.port = m_sim.ports().at(i);
        site.user = remotetest::kSimUser;
        site.tags = {i < 25 ? QStringLiteral("north") : QStringLiteral("south")};
        const ProbeResult t = remotetest::probe(kHost, site.port);
        QVERIFY(t.reached());
        site.pin = CertificatePin::of(t.leaf(), false);
        QVERIFY(registry->add(site));
    }
    m_a = remotetest::makeServer(QStringLiteral("wildcard-a.example"));
    m_b = remotetest::makeServer(QStringLiteral("per-site-b.example"));
    m_c = remotetest::makeServer(QStringLiteral("renewal-c.example"));
}

void TestBulkActivation::fiftySitesWithFaults()
{
    // A fifth of the sites get a fault. Transient ones are cleared when the batch schedules
    // the retry, so the retry must succeed; permanent ones stay.
    const QSet<int> clearOnRetry{0, 1, 2, 3, 4};
    const QHash<int, QStringList> faults{
        {0, {QStringLiteral("http-503:login")}},
        {1, {QStringLiteral("http-503:login")}},
        {2, {QStringLiteral("drop-upload")}},
        {3, {QStringLiteral("drop-upload")}},
        {4, {QStringLiteral("stall:import")}},
        {5, {QStringLiteral("http-503:login")}}, // never clears: retries run out
        {6, {QStringLiteral("old-cert-after-restart")}},
        {7, {QStringLiteral("attacker-cert-after-restart")}},
        {8, {QStringLiteral("drop-activate")}}, // the answer is lost: settle, never re-send
        {9, {QStringLiteral("http-500:activate")}},
    };
    for (auto it = faults.cbegin(); it != faults.cend(); ++it)
        QVERIFY(m_sim.setFaults(it.key(), it.value()));

    // Sites 40-49 get their own entry by rule; the rest the shared one.
    auto rule = CertificateAssignment::parse(
        QByteArrayLiteral("site,entry\n*,wildcard-a\n") +
            [this] {
                QByteArray lines;
                for (int i = 40; i < kSites; ++i)
                    lines += siteName(i).toUtf8() + ",per-site-b\n";
                return lines;
            }(),
        false);
    QVERIFY2(rule, rule ? "" : qPrintable(rule.error().message));

    QList<QString> before;
    for (int i = 0; i < kSites; ++i)
        before << m_sim.served(i);

    QList<BulkActivation::Item> items;
    for (int i = 0; i < kSites; ++i) {
        const QString entry = rule->entryFor(siteName(i)).value();
        items << item(i, entry, entry == QLatin1String("per-site-b") ? m_b : m_a);
    }
    BulkActivation::Options options; // parallel 32 by default
    options.retries = 2;
    options.backoff = std::chrono::milliseconds(1000);
    options.settleInterval = std::chrono::milliseconds(1000);
    options.settleWindow = std::chrono::seconds(3 * kRestartSeconds);
    QCOMPARE(options.parallel, 32);
    BulkActivation batch(std::move(items), options);
    QHash<int, int> retries;
    connect(&batch, &BulkActivation::retryScheduled, this,
            [&](int index, int, const QString&, int) {
                retries[index] += 1;
                if (clearOnRetry.contains(index))
                    m_sim.clearFaultsLater(index);
            });
    int maxRunning = 0;
    connect(&batch, &BulkActivation::siteChanged, this,
            [&](int) { maxRunning = std::max(maxRunning, batch.runningCount()); });

    QElapsedTimer wall;
    wall.start();
    batch.start();
    const bool done = waitFinished(batch, 80000);
    if (!done) {
        for (int i = 0; i < batch.size(); ++i) {
            const BulkSiteResult& s = batch.site(i);
            if (!s.isFinal())
                qWarning("%s: %s step %s attempts %d failure %s", qPrintable(s.site),
                         qPrintable(BulkSiteResult::stateId(s.state)), qPrintable(s.step),
                         s.attempts, qPrintable(s.failure));
        }
    }
    QVERIFY(done);
    const qint64 wallMs = wall.elapsed();
    qInfo("bulk activation of %d sites: %.1f s wall (sequential would be >= %d s)", kSites,
          static_cast<double>(wallMs) / 1000.0, kSites * kRestartSeconds);
    // At most 32 in their network steps when a site is started; those waiting for their
    // restart hold no slot, so more than 32 sites were under way at once.
    QVERIFY(batch.peakActive() <= 32);
    QVERIFY2(maxRunning > 32, qPrintable(QString::number(maxRunning)));
    // Far below 50 restarts one after the other.
    QVERIFY2(wallMs < 45000, qPrintable(QString::number(wallMs)));

    struct Expect
    {
        State state;
        QString failure;
        int attempts;
    };
    const QHash<int, Expect> expected{
        {0, {State::Succeeded, QString(), 2}},
        {1, {State::Succeeded, QString(), 2}},
        {2, {State::Succeeded, QString(), 2}},
        {3, {State::Succeeded, QString(), 2}},
        {4, {State::Succeeded, QString(), 2}},
        {5, {State::Failed, QStringLiteral("login:server-error"), 3}},
        {6, {State::Failed, QStringLiteral("verify:old-certificate"), 1}},
        {7, {State::Failed, QStringLiteral("verify:unexpected-certificate"), 1}},
        {8, {State::Failed, QStringLiteral("activate:outcome-unknown"), 1}},
        {9, {State::Failed, QStringLiteral("activate:server-error"), 1}},
    };
    const QList<QJsonObject> states = m_sim.states();
    for (int i = 0; i < kSites; ++i) {
        const BulkSiteResult& s = batch.site(i);
        const Expect e = expected.value(i, Expect{State::Succeeded, QString(), 1});
        const QString what = QStringLiteral("%1: %2 %3 attempts %4: %5")
                                 .arg(s.site, BulkSiteResult::stateId(s.state), s.failure)
                                 .arg(s.attempts)
                                 .arg(s.message + QLatin1Char(' ') + s.settled);
        QVERIFY2(s.state == e.state, qPrintable(what));
        QVERIFY2(s.failure == e.failure, qPrintable(what));
        QVERIFY2(s.attempts == e.attempts, qPrintable(what));
        QCOMPARE(s.beforeSha256, before.at(i));
        const QString expectedCert = fp(i >= 40 ? m_b.certificate : m_a.certificate);
        QCOMPARE(s.expectedSha256, expectedCert);
        QVERIFY(s.started.isValid() && s.ended.isValid() && s.started <= s.ended);

        // What a fresh handshake sees, and what the simulator says it serves.
        const QString served = servedByHandshake(m_sim.ports().at(i));
        QCOMPARE(served, states.at(i)
                             .value(QStringLiteral("served"))
                             .toObject()
                             .value(QStringLiteral("telephony"))
                             .toString());
        if (e.state == State::Succeeded) {
            QCOMPARE(served, expectedCert);
            QCOMPARE(s.afterSha256, expectedCert);
            QVERIFY2(s.stepTime(QStringLiteral("wait")) >= 1000, qPrintable(what));
            QVERIFY(s.stepTime(QStringLiteral("login")) >= 0);
            QVERIFY(s.stepTime(QStringLiteral("verify")) >= 0);
            // Re-pinned in the registry.
            QCOMPARE(
                SiteRegistry::open(m_registryPath)->require(s.site)->pin.certificateFingerprint(),
                expectedCert);
        } else if (i == 7) {
            QVERIFY(served != expectedCert && served != before.at(i) && !served.isEmpty());
            QCOMPARE(s.afterSha256, served);
        } else {
            QCOMPARE(served, before.at(i)); // the failed activation changed nothing
            QCOMPARE(
                SiteRegistry::open(m_registryPath)->require(s.site)->pin.certificateFingerprint(),
                before.at(i));
        }
    }
    const QJsonObject counters8 = states.at(8).value(QStringLiteral("counters")).toObject();
    // The lost activation was sent exactly once and settled by handshakes, not by a resend.
    QCOMPARE(counters8.value(QStringLiteral("droppedActivations")).toInt(), 1);
    QVERIFY(batch.site(8).settled.contains(QStringLiteral("old certificate")));
    QVERIFY(batch.site(8).stepTime(QStringLiteral("settle")) >= 3 * kRestartSeconds * 1000 - 500);
    // Every activation request reached its system exactly once: retries happened only
    // before it, and a lost answer was never followed by a second request.
    for (int i = 0; i < kSites; ++i)
        QCOMPARE(states.at(i)
                     .value(QStringLiteral("counters"))
                     .toObject()
                     .value(QStringLiteral("activateRequests"))
                     .toInt(),
                 i == 5 ? 0 : 1);
    QCOMPARE(retries.value(5), 2);
    QCOMPARE(retries.value(6), 0);

    // The report in its three forms and in the history.
    const BulkReport report = batch.report();
    QCOMPARE(report.count(State::Succeeded), kSites - 5);
    QCOMPARE(report.count(State::Failed), 5);
    QVERIFY(!report.allSucceeded());
    for (const QString& ext :
         {QStringLiteral("html"), QStringLiteral("csv"), QStringLiteral("json")}) {
        const QString path = m_dir.filePath(QStringLiteral("report.") + ext);
        QVERIFY(report.write(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("site-49"));
        QVERIFY(text.contains("verify:unexpected-certificate"));
    }
    auto history = report.saveToHistory(store::CertificateStore::defaultLocation());
    QVERIFY2(history, history ? "" : qPrintable(history.error().message));
    QFile saved(*history);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    auto back = BulkReport::fromJson(QJsonDocument::fromJson(saved.readAll()).object());
    QVERIFY(back);
    QCOMPARE(back->sites.size(), kSites);
    QCOMPARE(back->sites.at(8).failure, QStringLiteral("activate:outcome-unknown"));
    QCOMPARE(back->sites.at(0).attempts, 2);

    for (int i = 0; i < 10; ++i)
        QVERIFY(m_sim.setFaults(i, {}));
}

void TestBulkActivation::pauseCancelAndRerunFailed()
{
    // Sites 10-19 serve certificate A now; renew them with C, three at a time.
    QList<BulkActivation::Item> items;
    QList<QString> before;
    for (int i = 10; i < 20; ++i) {
        items << item(i, QStringLiteral("renewal-c"), m_c);
        before << servedByHandshake(m_sim.ports().at(i));
        QCOMPARE(before.last(), fp(m_a.certificate));
    }
    BulkActivation::Options options;
    options.parallel = 3;
    BulkActivation batch(std::move(items), options);
    batch.start();
    batch.pause();
    QTest::qWait(500);
    QCOMPARE(batch.activeCount(), 0); // paused before anything started
    for (int i = 0; i < batch.size(); ++i)
        QCOMPARE(batch.site(i).state, State::Pending);

    // Cancel as soon as one site waits for its restart: it finishes, the rest stop.
    QSet<int> sentActivation;
    bool canceled = false;
    connect(&batch, &BulkActivation::siteChanged, this, [&](int index) {
        const QString step = batch.site(index).step;
        if (step == QLatin1String("wait") || step == QLatin1String("activate"))
            sentActivation.insert(index);
        if (!canceled && step == QLatin1String("wait")) {
            canceled = true;
            batch.cancel();
        }
    });
    batch.resume();
    QVERIFY(waitFinished(batch, 30000));
    QVERIFY(canceled);
    int succeeded = 0;
    int canceledCount = 0;
    for (int i = 0; i < batch.size(); ++i) {
        const BulkSiteResult& s = batch.site(i);
        const QString served = servedByHandshake(m_sim.ports().at(10 + i));
        if (s.state == State::Succeeded) {
            ++succeeded;
            QVERIFY(sentActivation.contains(i));
            QCOMPARE(served, fp(m_c.certificate));
        } else {
            QVERIFY2(s.state == State::Canceled, qPrintable(s.site + QLatin1Char(' ') + s.failure +
                                                            QLatin1Char(' ') + s.message));
            QVERIFY(!sentActivation.contains(i)); // only sites before the activation stop
            ++canceledCount;
            QCOMPARE(served, before.at(i));
        }
    }
    QVERIFY(succeeded >= 1);
    QVERIFY(canceledCount >= 7);

    // Re-run only those.
    QCOMPARE(batch.rerunFailed(), canceledCount);
    QVERIFY(waitFinished(batch, 40000));
    for (int i = 0; i < batch.size(); ++i) {
        QCOMPARE(batch.site(i).state, State::Succeeded);
        QCOMPARE(servedByHandshake(m_sim.ports().at(10 + i)), fp(m_c.certificate));
    }
    QCOMPARE(batch.rerunFailed(), 0);
}

void TestBulkActivation::lostAnswerThatTookEffect()
{
    // Site 1's system performs the activation, restarts and serves the new certificate, but
    // its answer never arrives. Not re-sent: settled by handshake as a success, and re-pinned.
    constexpr int kCount = 4;
    constexpr int kLost = 1;
    bulktest::MultiSim sim;
    const QString registryPath = m_dir.filePath(QStringLiteral("lost-answer/sites.json"));
    QString error;
    QVERIFY2(startSmallFleet(sim, kCount, false, registryPath, &error), qPrintable(error));
    QVERIFY(sim.setFaults(kLost, {QStringLiteral("lost-activate-answer")}));

    const QString expected = fp(m_c.certificate);
    QList<QString> before;
    QList<BulkActivation::Item> items;
    for (int i = 0; i < kCount; ++i) {
        before << servedByHandshake(sim.ports().at(i));
        QVERIFY(!before.last().isEmpty() && before.last() != expected);
        items << item(registryPath, siteName(i), QStringLiteral("renewal-c"), m_c, kTelephony);
    }
    BulkActivation::Options options;
    options.retries = 0; // nothing here is transient: a retry would hide a wrong outcome
    options.settleInterval = std::chrono::milliseconds(500);
    options.settleWindow = std::chrono::seconds(5 * kSmallRestartSeconds);
    BulkActivation batch(std::move(items), options);
    QStringList lostProgress;
    connect(&batch, &BulkActivation::siteProgress, this, [&](int index, const QString& message) {
        if (index == kLost)
            lostProgress << message;
    });
    batch.start();
    QVERIFY(waitFinished(batch, 40000));

    const QList<QJsonObject> states = sim.states();
    QCOMPARE(states.size(), kCount);
    for (int i = 0; i < kCount; ++i) {
        const BulkSiteResult& s = batch.site(i);
        const QString what = describe(s);
        QVERIFY2(s.state == State::Succeeded, qPrintable(what));
        QVERIFY2(s.failure.isEmpty(), qPrintable(what));
        QCOMPARE(s.attempts, 1);
        QCOMPARE(s.beforeSha256, before.at(i));
        QCOMPARE(s.afterSha256, expected);
        // The system itself: exactly one activate request, and the activation took place.
        QCOMPARE(counter(states.at(i), QStringLiteral("activateRequests")), 1);
        QCOMPARE(counter(states.at(i), QStringLiteral("activations")), 1);
        QCOMPARE(counter(states.at(i), QStringLiteral("lostActivateAnswers")), i == kLost ? 1 : 0);
        QCOMPARE(
            states.at(i).value(QStringLiteral("active")).toObject().value(kTelephony).toString(),
            QStringLiteral("renewal-c"));
        // A fresh handshake and the simulator agree on the new certificate.
        QCOMPARE(servedByHandshake(sim.ports().at(i)), expected);
        QCOMPARE(sim.served(i), expected);
        // Re-pinned in sites.json; the pending pin the lost answer left behind is gone.
        const Site site = SiteRegistry::open(registryPath)->require(s.site).value();
        QCOMPARE(site.pin.certificateFingerprint(), expected);
        QVERIFY2(site.pendingPin.isNull(), qPrintable(what));
        if (i != kLost) {
            QVERIFY2(s.settled.isEmpty(), qPrintable(what)); // answered: nothing to settle
            QCOMPARE(s.stepTime(QStringLiteral("settle")), -1);
        }
    }

    const BulkSiteResult& lost = batch.site(kLost);
    QVERIFY2(lost.settled.startsWith(QStringLiteral("Settled: the activation took effect")),
             qPrintable(lost.settled));
    QVERIFY2(lost.settled.contains(QStringLiteral("checked by handshake")),
             qPrintable(lost.settled));
    QCOMPARE(lost.step, QStringLiteral("done"));
    QVERIFY2(lost.message.contains(expected), qPrintable(lost.message));
    // It never waited as for an answered activation; it settled until the restart was over.
    QCOMPARE(lost.stepTime(QStringLiteral("wait")), -1);
    QVERIFY2(lost.stepTime(QStringLiteral("settle")) >= kSmallRestartSeconds * 1000 - 500,
             qPrintable(QString::number(lost.stepTime(QStringLiteral("settle")))));
    QVERIFY2(lostProgress.join(QLatin1Char('\n')).contains(QStringLiteral("answer was lost")),
             qPrintable(lostProgress.join(QLatin1Char('\n'))));
    QCOMPARE(batch.report().count(State::Succeeded), kCount);
}

void TestBulkActivation::boosterBulk()
{
    // The UC Booster Servers' own listeners: the activation goes through each Admin Portal,
    // the Booster listener restarts, the telephony listener keeps its certificate.
    // Site 2 comes back with the old certificate; site 3's answer is lost but took effect.
    constexpr int kCount = 4;
    constexpr int kOld = 2;
    constexpr int kLost = 3;
    bulktest::MultiSim sim;
    const QString registryPath = m_dir.filePath(QStringLiteral("booster/sites.json"));
    QString error;
    QVERIFY2(startSmallFleet(sim, kCount, true, registryPath, &error), qPrintable(error));
    QVERIFY(sim.setFaults(kOld, {QStringLiteral("old-cert-after-restart")}));
    QVERIFY(sim.setFaults(kLost, {QStringLiteral("lost-activate-answer")}));

    const QString expected = fp(m_b.certificate);
    QList<QString> telephonyBefore;
    QList<QString> boosterBefore;
    QList<BulkActivation::Item> items;
    for (int i = 0; i < kCount; ++i) {
        telephonyBefore << servedByHandshake(sim.ports().at(i));
        boosterBefore << servedByHandshake(sim.boosterPorts().at(i));
        QVERIFY(!telephonyBefore.last().isEmpty() && !boosterBefore.last().isEmpty());
        QVERIFY(boosterBefore.last() != expected && telephonyBefore.last() != expected);
        items << item(registryPath, siteName(i), QStringLiteral("booster-b"), m_b, kBooster);
    }
    BulkActivation::Options options;
    options.retries = 0;
    options.settleInterval = std::chrono::milliseconds(500);
    options.settleWindow = std::chrono::seconds(5 * kSmallRestartSeconds);
    BulkActivation batch(std::move(items), options);
    batch.start();
    QVERIFY(waitFinished(batch, 40000));

    const QList<QJsonObject> states = sim.states();
    QCOMPARE(states.size(), kCount);
    for (int i = 0; i < kCount; ++i) {
        const BulkSiteResult& s = batch.site(i);
        const QString what = describe(s);
        const bool succeeds = i != kOld;
        // The report names the Booster's listener, not the Admin Portal.
        QCOMPARE(s.port, sim.boosterPorts().at(i));
        QCOMPARE(s.beforeSha256, boosterBefore.at(i));
        QCOMPARE(s.attempts, 1);
        QCOMPARE(counter(states.at(i), QStringLiteral("activateRequests")), 1);
        QCOMPARE(counter(states.at(i), QStringLiteral("lostActivateAnswers")), i == kLost ? 1 : 0);

        const QString booster = servedByHandshake(sim.boosterPorts().at(i));
        QCOMPARE(booster, sim.served(i, kBooster));
        // The telephony listener was never restarted: same certificate, same pin.
        QCOMPARE(servedByHandshake(sim.ports().at(i)), telephonyBefore.at(i));
        QCOMPARE(sim.served(i, kTelephony), telephonyBefore.at(i));
        const Site site = SiteRegistry::open(registryPath)->require(s.site).value();
        QCOMPARE(site.pin.certificateFingerprint(), telephonyBefore.at(i));
        if (succeeds) {
            QVERIFY2(s.state == State::Succeeded, qPrintable(what));
            QVERIFY2(s.failure.isEmpty(), qPrintable(what));
            QCOMPARE(booster, expected);
            QCOMPARE(s.afterSha256, expected);
            QCOMPARE(site.boosterPin.certificateFingerprint(), expected);
            QVERIFY2(site.pendingBoosterPin.isNull(), qPrintable(what));
            QCOMPARE(
                states.at(i).value(QStringLiteral("active")).toObject().value(kBooster).toString(),
                QStringLiteral("booster-b"));
        } else {
            QVERIFY2(s.state == State::Failed, qPrintable(what));
            QCOMPARE(s.failure, QStringLiteral("verify:old-certificate"));
            QCOMPARE(booster, boosterBefore.at(i));
            QCOMPARE(s.afterSha256, boosterBefore.at(i));
            QCOMPARE(site.boosterPin.certificateFingerprint(), boosterBefore.at(i));
        }
        QVERIFY2(s.settled.isEmpty() == (i != kLost), qPrintable(what));
    }
    QVERIFY2(
        batch.site(kLost).settled.startsWith(QStringLiteral("Settled: the activation took effect")),
        qPrintable(batch.site(kLost).settled));
    const BulkReport report = batch.report();
    QCOMPARE(report.system, kBooster);
    QCOMPARE(report.count(State::Succeeded), kCount - 1);
    QCOMPARE(report.count(State::Failed), 1);
}

// A site whose restart outlasted the batch's patience failed after its activation was sent;
// the activation did take effect later. Re-running it looks first (a handshake) and finds the
// certificate served: success, re-pinned, and no second activation (no second restart).
void TestBulkActivation::rerunDoesNotActivateTwice()
{
    constexpr int kCount = 2;
    constexpr int kSlow = 0;
    bulktest::MultiSim sim;
    const QString registryPath = m_dir.filePath(QStringLiteral("rerun/sites.json"));
    QString error;
    QVERIFY2(startSmallFleet(sim, kCount, false, registryPath, &error,
                             {QStringLiteral("--slow-restart-seconds"), QStringLiteral("6")}),
             qPrintable(error));
    QVERIFY(sim.setFaults(kSlow, {QStringLiteral("slow-restart")}));
    const QString expected = fp(m_b.certificate);
    QList<BulkActivation::Item> items;
    for (int i = 0; i < kCount; ++i) {
        items << item(registryPath, siteName(i), QStringLiteral("renewal-b"), m_b, kTelephony);
        items.last().request.restartTimeout = std::chrono::seconds(3);
    }
    BulkActivation::Options options;
    options.retries = 0;
    BulkActivation batch(std::move(items), options);
    batch.start();
    QVERIFY(waitFinished(batch, 30000));
    QVERIFY2(batch.site(kSlow).state == State::Failed, qPrintable(describe(batch.site(kSlow))));
    QCOMPARE(batch.site(kSlow).failure, QStringLiteral("wait:restart-timeout"));
    QCOMPARE(batch.site(1).state, State::Succeeded);
    // Later the system is back, serving the new certificate; the pin still names the old one.
    QElapsedTimer clock;
    clock.start();
    while (servedByHandshake(sim.ports().at(kSlow)) != expected && clock.elapsed() < 20000)
        QTest::qWait(250);
    QCOMPARE(servedByHandshake(sim.ports().at(kSlow)), expected);
    QVERIFY(
        SiteRegistry::open(registryPath)->require(siteName(kSlow))->pin.certificateFingerprint() !=
        expected);
    QVERIFY(sim.setFaults(kSlow, {}));

    QCOMPARE(batch.rerunFailed(), 1);
    QVERIFY(waitFinished(batch, 30000));
    const BulkSiteResult& s = batch.site(kSlow);
    QVERIFY2(s.state == State::Succeeded, qPrintable(describe(s)));
    QVERIFY2(s.settled.startsWith(QStringLiteral("Re-run:")), qPrintable(s.settled));
    QVERIFY(s.stepTime(QStringLiteral("recheck")) >= 0);
    QCOMPARE(s.stepTime(QStringLiteral("upload")), -1); // no job at all
    QCOMPARE(s.afterSha256, expected);
    QCOMPARE(counter(sim.state(kSlow), QStringLiteral("activateRequests")), 1);
    QCOMPARE(counter(sim.state(kSlow), QStringLiteral("importRequests")), 1);
    QCOMPARE(
        SiteRegistry::open(registryPath)->require(siteName(kSlow))->pin.certificateFingerprint(),
        expected);
    QCOMPARE(batch.site(1).attempts, 1); // the successful site was not touched again
    QCOMPARE(counter(sim.state(1), QStringLiteral("activateRequests")), 1);
}

QTEST_GUILESS_MAIN(TestBulkActivation)
#include "TestBulkActivation.moc"
