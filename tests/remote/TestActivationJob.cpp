// The activation job against real osbiz-sim processes over TLS on loopback: upload, activate
// for the telephony server and for the Booster, wait out the restart, verify by handshake,
// re-pin - and every injected fault ending in its named failure, with no false success and
// the pin left alone.

#include "RemoteTestSupport.h"
#include "SimProcess.h"

#include "core/remote/ActivationJob.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "core/secrets/SecretStore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>

using namespace certdesk;
using namespace certdesk::remote;
using namespace remotetest;

namespace {

const QString kHost = QStringLiteral("127.0.0.1");
const QString kTelephony = QStringLiteral("telephony");
const QString kBooster = QStringLiteral("booster");

struct JobRun
{
    ActivationJob::Outcome outcome;
    QList<ActivationJob::Step> steps;
    QList<int> remaining;
    QStringList progress;
    bool finished = false;
};

// Runs a job to its end; `onStep` may act on the job at a step (cancel it).
JobRun runJob(ActivationJob::Request request,
              const std::function<void(ActivationJob&, ActivationJob::Step)>& onStep = {})
{
    JobRun run;
    ActivationJob job(std::move(request));
    QEventLoop loop;
    QObject::connect(&job, &ActivationJob::stepChanged, &job, [&](ActivationJob::Step s) {
        run.steps.append(s);
        if (onStep)
            onStep(job, s);
    });
    QObject::connect(&job, &ActivationJob::remainingSeconds, &job,
                     [&](int s) { run.remaining.append(s); });
    QObject::connect(&job, &ActivationJob::progress, &job,
                     [&](const QString& m) { run.progress.append(m); });
    QObject::connect(&job, &ActivationJob::finished, &loop, &QEventLoop::quit);
    job.start();
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    run.finished = job.isFinished();
    run.outcome = job.outcome();
    return run;
}

QString fp(const crypto::Certificate& c)
{
    return Fingerprint::format(c.sha256Fingerprint());
}

} // namespace

class TestActivationJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void telephonyActivatedVerifiedRepinned();
    void boosterActivatedVerifiedRepinned();
    void uploadOnlyThenActivate();
    void preflightRefusesBeforeAnyContact();
    void pinMismatchNothingUploaded();
    void faultEndsInNamedFailure_data();
    void faultEndsInNamedFailure();
    void cancelWhileWaiting();

private:
    // A site for `sim` in a registry at `registryPath`, pinned to what its listeners present.
    static Site trustedSite(const SimProcess& sim, const QString& registryPath);
    ActivationJob::Request request(const Site& site, const QString& registryPath,
                                   const Material& material, const QString& name,
                                   const QString& system = kTelephony) const;
    Site reload(const QString& name) const
    {
        return SiteRegistry::open(m_registryPath)->require(name).value();
    }

    SimProcess m_sim;
    QTemporaryDir m_dir;
    QString m_registryPath;
    Site m_site;
    bool m_keychain = false;
};

Site TestActivationJob::trustedSite(const SimProcess& sim, const QString& registryPath)
{
    Site site;
    site.name = QStringLiteral("pbx-%1").arg(sim.port());
    site.host = kHost;
    site.port = sim.port();
    site.user = kSimUser;
    const ProbeResult t = probe(kHost, sim.port());
    site.pin = CertificatePin::of(t.leaf(), false);
    if (sim.boosterPort()) {
        site.boosterPort = sim.boosterPort();
        site.boosterPin = CertificatePin::of(probe(kHost, sim.boosterPort()).leaf(), false);
    }
    auto registry = SiteRegistry::open(registryPath);
    if (!registry || !registry->add(site))
        qFatal("cannot write the site registry");
    return site;
}

ActivationJob::Request TestActivationJob::request(const Site& site, const QString& registryPath,
                                                  const Material& material, const QString& name,
                                                  const QString& system) const
{
    ActivationJob::Request r;
    r.site = site;
    r.registryPath = registryPath;
    r.system = system;
    r.remoteName = name;
    r.certificate = material.certificate;
    r.key = material.key;
    r.requestTimeout = std::chrono::milliseconds(5000);
    r.restartTimeout = std::chrono::seconds(15);
    r.probeTimeout = std::chrono::milliseconds(3000);
    r.password = crypto::SecretBytes(QByteArrayView(kSimPassword));
    return r;
}

void TestActivationJob::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({}, &error), qPrintable(error));
    m_registryPath = m_dir.filePath(QStringLiteral("sites.json"));
    m_site = trustedSite(m_sim, m_registryPath);
    m_keychain = qEnvironmentVariableIsSet("CERTDESK_TEST_KEYCHAIN");
}

void TestActivationJob::telephonyActivatedVerifiedRepinned()
{
    const Material m = makeServer(QStringLiteral("pbx.example"));
    const QString before = m_sim.served();
    ActivationJob::Request r = request(m_site, m_registryPath, m, QStringLiteral("pbx 2026"));
    if (m_keychain) {
        // The password from the keychain, as the CLI does it.
        r.password.reset();
        r.keychainService = QStringLiteral("CertDesk-remote-tests");
        const secrets::SecretStore store(r.keychainService);
        QVERIFY(store.writeBlocking(secrets::SecretStore::sitePasswordKey(m_site.name),
                                    crypto::SecretBytes(QByteArrayView(kSimPassword)),
                                    secrets::SecretStore::Format::Text));
    }
    const JobRun run = runJob(r);
    QVERIFY(run.finished);
    QVERIFY2(run.outcome.success,
             qPrintable(run.outcome.failureName() + QLatin1Char(' ') + run.outcome.message));
    using S = ActivationJob::Step;
    QCOMPARE(run.steps, (QList<S>{S::Preflight, S::Login, S::Upload, S::Activate, S::WaitForRestart,
                                  S::Verify, S::Repin, S::Done}));
    QVERIFY(!run.remaining.isEmpty()); // the technician sees the timeout tick
    QVERIFY(run.outcome.uploaded && run.outcome.activationAccepted && run.outcome.verified &&
            run.outcome.repinned);
    QCOMPARE(run.outcome.restartSeconds, 1);
    QCOMPARE(run.outcome.previousSha256, before);
    QCOMPARE(run.outcome.presentedSha256, fp(m.certificate));

    // The simulator serves it, and says so; the listener really went away and came back.
    QCOMPARE(m_sim.served(), fp(m.certificate));
    QCOMPARE(m_sim.state().value(QStringLiteral("active")).toObject().value(kTelephony).toString(),
             QStringLiteral("pbx 2026"));
    QCOMPARE(m_sim.counter(QStringLiteral("activations")), 1);
    QVERIFY(run.progress.join(QLatin1Char('\n')).contains(QStringLiteral("went away")));
    // A fresh handshake sees it too.
    QCOMPARE(Fingerprint::format(Fingerprint::ofCertificate(probe(kHost, m_sim.port()).leaf())),
             fp(m.certificate));

    // Re-pinned in sites.json; the pending pin is gone; the Booster's pin untouched.
    m_site = reload(m_site.name);
    QCOMPARE(m_site.pin.certificateFingerprint(), fp(m.certificate));
    QVERIFY(m_site.pendingPin.isNull());
    QCOMPARE(m_site.boosterPin.certificateFingerprint(), m_sim.served(kBooster));
}

void TestActivationJob::boosterActivatedVerifiedRepinned()
{
    const Material m = makeServer(QStringLiteral("booster.example"));
    const QString telephonyBefore = m_sim.served();
    const JobRun run =
        runJob(request(m_site, m_registryPath, m, QStringLiteral("booster 2026"), kBooster));
    QVERIFY2(run.outcome.success,
             qPrintable(run.outcome.failureName() + QLatin1Char(' ') + run.outcome.message));
    QVERIFY(run.outcome.verified && run.outcome.repinned);
    QCOMPARE(m_sim.served(kBooster), fp(m.certificate));
    QCOMPARE(m_sim.served(), telephonyBefore); // the telephony listener kept its certificate
    QCOMPARE(m_sim.state().value(QStringLiteral("active")).toObject().value(kBooster).toString(),
             QStringLiteral("booster 2026"));
    m_site = reload(m_site.name);
    QCOMPARE(m_site.boosterPin.certificateFingerprint(), fp(m.certificate));
    QCOMPARE(m_site.pin.certificateFingerprint(), telephonyBefore);
}

void TestActivationJob::uploadOnlyThenActivate()
{
    const Material m = makeServer(QStringLiteral("later.example"));
    ActivationJob::Request r = request(m_site, m_registryPath, m, QStringLiteral("later"));
    r.activate = false;
    r.form = UploadBundle::Form::Pem;
    const JobRun uploaded = runJob(r);
    QVERIFY2(uploaded.outcome.success, qPrintable(uploaded.outcome.message));
    QVERIFY(uploaded.outcome.uploaded);
    QVERIFY(!uploaded.outcome.activationAccepted);
    QCOMPARE(uploaded.steps.last(), ActivationJob::Step::Done);
    QVERIFY(!uploaded.steps.contains(ActivationJob::Step::Activate));

    // The same certificate under the same name: found, not uploaded twice, then activated.
    const int importsBefore = m_sim.counter(QStringLiteral("imports"));
    r.activate = true;
    r.site = reload(m_site.name);
    const JobRun activated = runJob(r);
    QVERIFY2(activated.outcome.success, qPrintable(activated.outcome.message));
    QVERIFY(activated.outcome.alreadyPresent);
    QVERIFY(!activated.outcome.uploaded);
    QVERIFY(activated.outcome.verified);
    QCOMPARE(m_sim.counter(QStringLiteral("imports")), importsBefore);
    m_site = reload(m_site.name);

    // A different certificate under a name that is taken: refused before anything changes.
    const Material other = makeServer(QStringLiteral("other.example"));
    const JobRun taken = runJob(request(m_site, m_registryPath, other, QStringLiteral("later")));
    QVERIFY(!taken.outcome.success);
    QCOMPARE(taken.outcome.failureName(), QStringLiteral("upload:name-taken"));
    QCOMPARE(m_sim.counter(QStringLiteral("imports")), importsBefore);
}

void TestActivationJob::preflightRefusesBeforeAnyContact()
{
    const int requests = m_sim.counter(QStringLiteral("requests"));
    const Material big = makeServer(QStringLiteral("big.example"), crypto::KeyAlgorithm::Rsa3072);
    const JobRun run = runJob(request(m_site, m_registryPath, big, QStringLiteral("big")));
    QVERIFY(!run.outcome.success);
    QCOMPARE(run.outcome.failureName(), QStringLiteral("preflight:policy"));
    QVERIFY2(run.outcome.message.contains(QStringLiteral("osbiz.key-length")),
             qPrintable(run.outcome.message));
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), requests);

    // A passphrase the system would refuse is caught here too.
    const Material m = makeServer(QStringLiteral("pass.example"));
    ActivationJob::Request r = request(m_site, m_registryPath, m, QStringLiteral("pass"));
    r.passphrase = crypto::SecretBytes(QByteArrayView("short"));
    const JobRun shortPass = runJob(r);
    QCOMPARE(shortPass.outcome.failureName(), QStringLiteral("preflight:policy"));
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), requests);
}

void TestActivationJob::pinMismatchNothingUploaded()
{
    // The listener presents something other than the pin (a man in the middle, or a replaced
    // system): refused at the handshake - no login, no upload.
    const int requests = m_sim.counter(QStringLiteral("requests"));
    const int imports = m_sim.counter(QStringLiteral("imports"));
    Site site = m_site;
    const Material stranger = makeServer(QStringLiteral("stranger"));
    site.pin = CertificatePin::of(QSslCertificate(stranger.certificate.toPem(), QSsl::Pem), false);
    const Material m = makeServer(QStringLiteral("mitm.example"));
    const JobRun run = runJob(request(site, QString(), m, QStringLiteral("mitm")));
    QVERIFY(!run.outcome.success);
    QCOMPARE(run.outcome.failureName(), QStringLiteral("login:pin-mismatch"));
    QVERIFY(run.outcome.message.contains(m_sim.served()));
    QVERIFY(run.outcome.message.contains(fp(stranger.certificate)));
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), requests);
    QCOMPARE(m_sim.counter(QStringLiteral("imports")), imports);
}

void TestActivationJob::faultEndsInNamedFailure_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("viaControl"); // set through the control endpoint, not the flag
    QTest::addColumn<int>("requestTimeoutMs");
    QTest::addColumn<int>("restartTimeoutS");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<bool>("imported");        // the certificate reached the system's list
    QTest::addColumn<int>("activateRequests"); // exactly this many, never a second one
    QTest::addColumn<bool>("activated");

    QTest::newRow("drop-upload") << "drop-upload" << false << 5000 << 15
                                 << "upload:connection-dropped" << false << 0 << false;
    QTest::newRow("http-500") << "http-500" << true << 5000 << 15 << "upload:server-error" << false
                              << 0 << false;
    QTest::newRow("http-503 on activate") << "http-503:activate" << false << 5000 << 15
                                          << "activate:server-error" << true << 1 << false;
    QTest::newRow("stall on import")
        << "stall:import" << true << 1500 << 15 << "upload:timeout" << false << 0 << false;
    QTest::newRow("stall on activate") << "stall:activate" << false << 1500 << 15
                                       << "activate:outcome-unknown" << true << 1 << false;
    QTest::newRow("drop-activate") << "drop-activate" << true << 5000 << 15
                                   << "activate:outcome-unknown" << true << 1 << false;
    QTest::newRow("slow-restart") << "slow-restart" << false << 5000 << 2 << "wait:restart-timeout"
                                  << true << 1 << true;
    QTest::newRow("old-cert-after-restart") << "old-cert-after-restart" << true << 5000 << 15
                                            << "verify:old-certificate" << true << 1 << true;
    QTest::newRow("attacker-cert-after-restart")
        << "attacker-cert-after-restart" << false << 5000 << 15 << "verify:unexpected-certificate"
        << true << 1 << true;
}

void TestActivationJob::faultEndsInNamedFailure()
{
    QFETCH(QString, fault);
    QFETCH(bool, viaControl);
    QFETCH(int, requestTimeoutMs);
    QFETCH(int, restartTimeoutS);
    QFETCH(QString, failure);
    QFETCH(bool, imported);
    QFETCH(int, activateRequests);
    QFETCH(bool, activated);

    // A system of its own per fault: what a fault leaves behind cannot leak into the next.
    SimProcess sim;
    SimProcess::Options options;
    options.booster = false;
    if (!viaControl)
        options.faults = {fault};
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    if (viaControl)
        QVERIFY(sim.setFaults({fault}));
    QTemporaryDir dir;
    const QString registryPath = dir.filePath(QStringLiteral("sites.json"));
    const Site site = trustedSite(sim, registryPath);
    const QString oldFingerprint = site.pin.certificateFingerprint();

    const Material m = makeServer(QStringLiteral("fault.example"));
    ActivationJob::Request r = request(site, registryPath, m, QStringLiteral("fault"));
    r.requestTimeout = std::chrono::milliseconds(requestTimeoutMs);
    r.restartTimeout = std::chrono::seconds(restartTimeoutS);
    const JobRun run = runJob(r);

    QVERIFY(run.finished);
    QVERIFY2(!run.outcome.success, "a fault must never end in success");
    QCOMPARE(run.outcome.failureName(), failure);
    QVERIFY(!run.outcome.verified);
    QVERIFY(!run.outcome.repinned);
    QVERIFY(!run.outcome.message.isEmpty());

    const QJsonObject state = sim.state();
    bool present = false;
    for (const QJsonValue& v : state.value(QStringLiteral("certificates")).toArray())
        present = present ||
                  v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("fault");
    QCOMPARE(present, imported);
    QCOMPARE(sim.counter(QStringLiteral("activateRequests")), activateRequests);
    QCOMPARE(sim.counter(QStringLiteral("activations")), activated ? 1 : 0);

    // The pin stays on the old certificate whatever happened.
    const Site after = SiteRegistry::open(registryPath)->require(site.name).value();
    QCOMPARE(after.pin.certificateFingerprint(), oldFingerprint);

    if (failure.startsWith(QLatin1String("verify:"))) {
        // Both fingerprints, so the technician can see what is served instead.
        QVERIFY(run.outcome.message.contains(fp(m.certificate)));
        QVERIFY(run.outcome.message.contains(run.outcome.presentedSha256));
        QCOMPARE(run.outcome.presentedSha256, sim.served());
        if (fault == QLatin1String("old-cert-after-restart"))
            QCOMPARE(sim.served(), oldFingerprint);
        else
            QVERIFY(sim.served() != oldFingerprint && sim.served() != fp(m.certificate));
    }
    if (failure == QLatin1String("activate:server-error"))
        QVERIFY(run.outcome.message.contains(
            QStringLiteral("Service temporarily unavailable (simulated fault http-503)")));
    if (failure == QLatin1String("upload:server-error"))
        QVERIFY(run.outcome.message.contains(
            QStringLiteral("Internal Server Error (simulated fault http-500)")));
    if (failure.endsWith(QLatin1String("outcome-unknown"))) {
        // Noted, so that a later `site test` can recognise the certificate if it did take.
        QCOMPARE(after.pendingPin.certificateFingerprint(), fp(m.certificate));
    }
}

void TestActivationJob::cancelWhileWaiting()
{
    SimProcess sim;
    SimProcess::Options options;
    options.booster = false;
    options.restartSeconds = 3;
    QString error;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    QTemporaryDir dir;
    const QString registryPath = dir.filePath(QStringLiteral("sites.json"));
    const Site site = trustedSite(sim, registryPath);
    const Material m = makeServer(QStringLiteral("cancel.example"));
    QElapsedTimer clock;
    clock.start();
    const JobRun run = runJob(request(site, registryPath, m, QStringLiteral("cancel")),
                              [](ActivationJob& job, ActivationJob::Step s) {
                                  if (s == ActivationJob::Step::WaitForRestart)
                                      QTimer::singleShot(200, &job, &ActivationJob::cancel);
                              });
    QVERIFY(!run.outcome.success);
    QCOMPARE(run.outcome.failureName(), QStringLiteral("wait:canceled"));
    QVERIFY(clock.elapsed() < 3000); // did not sit out the restart
    const Site after = SiteRegistry::open(registryPath)->require(site.name).value();
    QCOMPARE(after.pin.certificateFingerprint(), site.pin.certificateFingerprint());
}

QTEST_GUILESS_MAIN(TestActivationJob)
#include "TestActivationJob.moc"
