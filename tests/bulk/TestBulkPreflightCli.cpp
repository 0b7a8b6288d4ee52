// The batch-wide preflight, shared credentials and Ctrl-C, through certdesk-cli against one
// osbiz-sim process serving seven systems:
// - credential add/list/remove and site import --credential: one keychain entry for the group,
//   none per site, nothing in sites.json;
// - bulk preflight / bulk activate: a non-compliant certificate, a site without a password and
//   an untrusted site block the batch before a single upload anywhere; --skip-blocked runs the
//   ready ones only;
// - SIGINT during a batch: sites whose activation was sent are verified to the end, the others
//   stop before their activation, the exit code is 1 and the report says which is which.

#include "../KeychainRequired.h"
#include "CliRun.h"
#include "MultiSim.h"

#include "../remote/RemoteTestSupport.h"
#include "../remote/SimProcess.h"

#include "core/remote/CertificatePin.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "core/secrets/SecretStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace certdesk;
using namespace certdesk::remote;
using Run = bulktest::CliRun;
using bulktest::servedOn;

namespace {
const QString kHost = QStringLiteral("127.0.0.1");
constexpr int kSites = 7;

QJsonObject bySite(const QJsonArray& list, const QString& site)
{
    for (const QJsonValue& v : list) {
        if (v.toObject().value(QStringLiteral("site")).toString() == site)
            return v.toObject();
    }
    return {};
}
} // namespace

class TestBulkPreflightCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sharedCredential();
    void preflightBlocksBeforeAnyUpload();
    void skipBlockedRunsTheReadyOnes();
    void certificatePerSite();
    void interruptCancelsCleanly();
    void siteEdit();

private:
    Run cli(const QStringList& args);
    QString path(const QString& name) const { return m_work.filePath(name); }
    QString name(int i) const { return QStringLiteral("p-%1").arg(i, 2, 10, QLatin1Char('0')); }
    int counter(int system, const QString& key) const
    {
        return m_sim.state(system).value(QStringLiteral("counters")).toObject().value(key).toInt();
    }
    QStringList batchArgs(const QString& verb, const QString& rule) const;

    QString m_cli;
    QTemporaryDir m_work;
    QProcessEnvironment m_env;
    bulktest::MultiSim m_sim;
    QHash<QString, QString> m_fingerprints; // store entry -> SHA-256
};

Run TestBulkPreflightCli::cli(const QStringList& args)
{
    return Run::run(m_cli, m_env, args);
}

QStringList TestBulkPreflightCli::batchArgs(const QString& verb, const QString& rule) const
{
    return {QStringLiteral("bulk"),
            verb,
            QStringLiteral("--rule"),
            rule,
            QStringLiteral("--sites"),
            QStringLiteral("all"),
            QStringLiteral("--system"),
            QStringLiteral("telephony"),
            QStringLiteral("--timeout"),
            QStringLiteral("5"),
            QStringLiteral("--restart-timeout"),
            QStringLiteral("20")};
}

void TestBulkPreflightCli::initTestCase()
{
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    m_cli = qEnvironmentVariable("CERTDESK_CLI");
    QVERIFY2(QFile::exists(m_cli), "CERTDESK_CLI must point at certdesk-cli");
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("CERTDESK_HOME"), path(QStringLiteral("home")));
    QString error;
    QVERIFY2(m_sim.start({kSites, 3, {}}, &error), qPrintable(error));
    // "weak" has a P-256 key: the OpenScape Business V3 rules refuse it.
    const QList<QPair<QString, QString>> entries{
        {QStringLiteral("good"), QStringLiteral("rsa2048")},
        {QStringLiteral("next"), QStringLiteral("rsa2048")},
        {QStringLiteral("weak"), QStringLiteral("ec-p256")}};
    for (const auto& [entry, keyType] : entries) {
        const Run r = cli({QStringLiteral("self-signed"), QStringLiteral("--store"),
                           QStringLiteral("--name"), entry, QStringLiteral("--key-type"), keyType,
                           QStringLiteral("--common-name"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("--san"), QStringLiteral("IP:127.0.0.1"),
                           QStringLiteral("--org"), QStringLiteral("CertDesk preflight test"),
                           QStringLiteral("--days"), QStringLiteral("90")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run show =
            cli({QStringLiteral("store"), QStringLiteral("show"), entry, QStringLiteral("--json")});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        const QString fp = QJsonDocument::fromJson(show.out.toUtf8())
                               .object()
                               .value(QStringLiteral("fingerprintSha256"))
                               .toString();
        QVERIFY2(!fp.isEmpty(), qPrintable(show.out));
        m_fingerprints.insert(entry, fp);
    }
}

void TestBulkPreflightCli::sharedCredential()
{
    Run r = cli({QStringLiteral("credential"), QStringLiteral("add"), QStringLiteral("grp"),
                 QStringLiteral("--user"), remotetest::kSimUser, QStringLiteral("--password-file"),
                 m_sim.passwordFile()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The inventory: p-00..p-04 on the credential, p-05 with a user but no password anywhere,
    // p-06 without a pin (never trusted).
    QString csv = QStringLiteral("name,host,port,user,tags,pinSha256,credential\n");
    for (int i = 0; i < kSites; ++i) {
        const ProbeResult t = remotetest::probe(kHost, m_sim.ports().at(i));
        QVERIFY(t.reached());
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                   .arg(name(i), kHost)
                   .arg(m_sim.ports().at(i))
                   .arg(i >= 5 ? remotetest::kSimUser : QString(),
                        i < 4 ? QStringLiteral("grp-a") : QStringLiteral("other"),
                        i == 6 ? QString()
                               : CertificatePin::of(t.leaf(), false).certificateFingerprint(),
                        i < 5 ? QStringLiteral("grp") : QString());
    }
    QFile inv(path(QStringLiteral("inventory.csv")));
    QVERIFY(inv.open(QIODevice::WriteOnly));
    inv.write(csv.toUtf8());
    inv.close();
    // A credential that does not exist: refused, nothing imported.
    QFile bad(path(QStringLiteral("bad.csv")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("name,host,port,credential\nz-1,127.0.0.1,443,nosuch\n");
    bad.close();
    r = cli({QStringLiteral("site"), QStringLiteral("import"), bad.fileName()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("nosuch")) &&
                 r.err.contains(QStringLiteral("credential add")),
             qPrintable(r.err));

    r = cli({QStringLiteral("site"), QStringLiteral("import"), inv.fileName()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("2 sites have no password")), qPrintable(r.err));

    // One keychain entry for the group, none per site; sites.json holds no secret.
    const secrets::SecretStore store;
    const auto shared =
        store.readBlocking(secrets::SecretStore::credentialPasswordKey(QStringLiteral("grp")));
    QVERIFY(shared && shared->has_value());
    QCOMPARE((*shared)->view().toByteArray(), remotetest::kSimPassword);
    for (int i = 0; i < kSites; ++i) {
        const auto own = store.readBlocking(secrets::SecretStore::sitePasswordKey(name(i)));
        QVERIFY(own);
        QVERIFY2(!own->has_value(), qPrintable(name(i)));
    }
    const QByteArray sitesJson = bulktest::readFile(path(QStringLiteral("home/sites.json")));
    QVERIFY(!sitesJson.contains(remotetest::kSimPassword));
    QVERIFY(sitesJson.contains("\"credential\": \"grp\""));

    r = cli({QStringLiteral("credential"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject grp = QJsonDocument::fromJson(r.out.toUtf8())
                                .object()
                                .value(QStringLiteral("credentials"))
                                .toArray()
                                .at(0)
                                .toObject();
    QCOMPARE(grp.value(QStringLiteral("name")).toString(), QStringLiteral("grp"));
    QCOMPARE(grp.value(QStringLiteral("user")).toString(), remotetest::kSimUser);
    QCOMPARE(grp.value(QStringLiteral("sites")).toArray().size(), 5);
    // In use: cannot be removed.
    r = cli({QStringLiteral("credential"), QStringLiteral("remove"), QStringLiteral("grp")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("p-00")), qPrintable(r.err));
    // site test logs in with the shared credential.
    r = cli({QStringLiteral("site"), QStringLiteral("test"), name(1)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY(r.out.contains(QStringLiteral("Logged in")));
    QCOMPARE(counter(1, QStringLiteral("logins")), 1);
}

void TestBulkPreflightCli::preflightBlocksBeforeAnyUpload()
{
    QFile rule(path(QStringLiteral("rule.csv")));
    QVERIFY(rule.open(QIODevice::WriteOnly));
    rule.write("site,entry\n*,good\np-04,weak\n");
    rule.close();
    QList<int> loginsBefore;
    for (int i = 0; i < kSites; ++i)
        loginsBefore << counter(i, QStringLiteral("logins"));

    Run r =
        cli(batchArgs(QStringLiteral("preflight"), rule.fileName()) << QStringLiteral("--json"));
    QCOMPARE(r.exitCode, 1);
    const QJsonArray sites =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), kSites);
    for (int i = 0; i < 4; ++i) {
        const QJsonObject s = bySite(sites, name(i));
        QCOMPARE(s.value(QStringLiteral("verdict")).toString(), QStringLiteral("ready"));
        QCOMPARE(s.value(QStringLiteral("expectedSha256")).toString(),
                 m_fingerprints.value(QStringLiteral("good")));
        QCOMPARE(s.value(QStringLiteral("presentedSha256")).toString(),
                 servedOn(m_sim.ports().at(i)));
        QVERIFY(!s.value(QStringLiteral("activeCertificate")).toString().isEmpty());
    }
    const QJsonObject weak = bySite(sites, name(4));
    QCOMPARE(weak.value(QStringLiteral("verdict")).toString(), QStringLiteral("blocked"));
    QCOMPARE(weak.value(QStringLiteral("problem")).toString(), QStringLiteral("policy"));
    QVERIFY(weak.value(QStringLiteral("findings"))
                .toArray()
                .first()
                .toString()
                .contains(QStringLiteral("osbiz.key-algorithm")));
    const QJsonObject noPassword = bySite(sites, name(5));
    QCOMPARE(noPassword.value(QStringLiteral("problem")).toString(), QStringLiteral("no-password"));
    QVERIFY(noPassword.value(QStringLiteral("message")).toString().contains(name(5)));
    const QJsonObject untrusted = bySite(sites, name(6));
    QCOMPARE(untrusted.value(QStringLiteral("problem")).toString(), QStringLiteral("not-trusted"));
    QVERIFY(untrusted.value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("site trust p-06")));
    QVERIFY2(r.err.contains(QStringLiteral("4 of 7 sites ready")), qPrintable(r.err));
    // Logged in only where the pin matched and a password exists; never on p-04's system for a
    // certificate that fails the rules, nor on the untrusted one.
    for (int i = 0; i < kSites; ++i)
        QCOMPARE(counter(i, QStringLiteral("logins")) - loginsBefore.at(i), i < 4 ? 1 : 0);

    // bulk activate runs the same preflight and then uploads nothing anywhere.
    r = cli(batchArgs(QStringLiteral("activate"), rule.fileName()));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("nothing was uploaded anywhere")), qPrintable(r.err));
    for (int i = 0; i < kSites; ++i) {
        QCOMPARE(counter(i, QStringLiteral("importRequests")), 0);
        QCOMPARE(counter(i, QStringLiteral("activateRequests")), 0);
    }
}

void TestBulkPreflightCli::skipBlockedRunsTheReadyOnes()
{
    const QString rule = path(QStringLiteral("rule.csv"));
    QList<QString> before;
    for (int i = 0; i < kSites; ++i)
        before << servedOn(m_sim.ports().at(i));
    const QString report = path(QStringLiteral("skip.json"));
    Run r = cli(batchArgs(QStringLiteral("activate"), rule)
                << QStringLiteral("--skip-blocked") << QStringLiteral("--report") << report);
    // Not every chosen site succeeded: exit 1, though the ready ones did.
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("blocked by the preflight and left untouched: 3")),
             qPrintable(r.err));
    const QJsonArray sites = QJsonDocument::fromJson(bulktest::readFile(report))
                                 .object()
                                 .value(QStringLiteral("sites"))
                                 .toArray();
    QCOMPARE(sites.size(), 4);
    for (int i = 0; i < kSites; ++i) {
        if (i < 4) {
            QCOMPARE(bySite(sites, name(i)).value(QStringLiteral("state")).toString(),
                     QStringLiteral("succeeded"));
            QCOMPARE(servedOn(m_sim.ports().at(i)), m_fingerprints.value(QStringLiteral("good")));
            QCOMPARE(counter(i, QStringLiteral("activations")), 1);
        } else {
            QCOMPARE(servedOn(m_sim.ports().at(i)), before.at(i));
            QCOMPARE(counter(i, QStringLiteral("importRequests")), 0);
        }
    }
    // Run again: the four already serve "good", so the preflight says so and nothing restarts.
    r = cli({QStringLiteral("bulk"), QStringLiteral("activate"), QStringLiteral("--cert"),
             QStringLiteral("good"), QStringLiteral("--sites"), QStringLiteral("tag:grp-a"),
             QStringLiteral("--system"), QStringLiteral("telephony")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("already serves its certificate")), qPrintable(r.out));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(counter(i, QStringLiteral("activations")), 1);
}

// --cert-per-site: each site gets the store entry named like it.
void TestBulkPreflightCli::certificatePerSite()
{
    Run r = cli({QStringLiteral("self-signed"), QStringLiteral("--store"), QStringLiteral("--name"),
                 name(1), QStringLiteral("--common-name"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("--san"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("--days"),
                 QStringLiteral("90")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const Run show =
        cli({QStringLiteral("store"), QStringLiteral("show"), name(1), QStringLiteral("--json")});
    const QString own = QJsonDocument::fromJson(show.out.toUtf8())
                            .object()
                            .value(QStringLiteral("fingerprintSha256"))
                            .toString();
    QFile list(path(QStringLiteral("one.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write(name(1).toUtf8() + "\n");
    list.close();
    r = cli({QStringLiteral("bulk"), QStringLiteral("preflight"), QStringLiteral("--cert-per-site"),
             QStringLiteral("--sites"), list.fileName(), QStringLiteral("--system"),
             QStringLiteral("telephony"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject site = QJsonDocument::fromJson(r.out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("sites"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(site.value(QStringLiteral("entry")).toString(), name(1));
    QCOMPARE(site.value(QStringLiteral("expectedSha256")).toString(), own);
    QCOMPARE(site.value(QStringLiteral("verdict")).toString(), QStringLiteral("ready"));
    // A site without an entry of its name: named, nothing checked.
    r = cli({QStringLiteral("bulk"), QStringLiteral("preflight"), QStringLiteral("--cert-per-site"),
             QStringLiteral("--sites"), QStringLiteral("tag:grp-a"), QStringLiteral("--system"),
             QStringLiteral("telephony")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(name(0)), qPrintable(r.err));
    QVERIFY(!r.err.contains(QStringLiteral("Preflight of")));
}

void TestBulkPreflightCli::interruptCancelsCleanly()
{
    // p-02 and p-03 hang on their upload (no answer): Ctrl-C reaches them before their
    // activation. p-00 and p-01 are already waiting for their restart when it comes.
    QVERIFY(m_sim.setFaults(2, {QStringLiteral("stall:import")}));
    QVERIFY(m_sim.setFaults(3, {QStringLiteral("stall:import")}));
    QList<QString> before;
    QList<int> imports;
    QList<int> activations;
    for (int i = 0; i < 4; ++i) {
        before << servedOn(m_sim.ports().at(i));
        imports << counter(i, QStringLiteral("importRequests"));
        activations << counter(i, QStringLiteral("activateRequests"));
    }
    const QString report = path(QStringLiteral("interrupt.json"));
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(m_cli,
            {QStringLiteral("bulk"), QStringLiteral("activate"), QStringLiteral("--cert"),
             QStringLiteral("next"), QStringLiteral("--sites"), QStringLiteral("tag:grp-a"),
             QStringLiteral("--system"), QStringLiteral("telephony"), QStringLiteral("--timeout"),
             QStringLiteral("60"), QStringLiteral("--restart-timeout"), QStringLiteral("30"),
             QStringLiteral("--report"), report});
    p.closeWriteChannel();
    QVERIFY(p.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    // Wait until both healthy sites accepted their activation and both stalled uploads hang.
    while (clock.elapsed() < 30000 &&
           (counter(0, QStringLiteral("activations")) < 2 ||
            counter(1, QStringLiteral("activations")) < 2 ||
            counter(2, QStringLiteral("importRequests")) <= imports.at(2) ||
            counter(3, QStringLiteral("importRequests")) <= imports.at(3)))
        QTest::qWait(50);
    QCOMPARE(counter(0, QStringLiteral("activations")), 2);
    QCOMPARE(counter(3, QStringLiteral("importRequests")), imports.at(3) + 1);
    QVERIFY(p.state() == QProcess::Running);
    clock.restart();
    ::kill(static_cast<pid_t>(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(45000));
    const qint64 stoppedAfter = clock.elapsed();
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit); // not killed by the signal
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("Interrupted: canceling")), qPrintable(err));
    // It did not sit out the 60 s upload timeout.
    QVERIFY2(stoppedAfter < 30000, qPrintable(QString::number(stoppedAfter)));

    const QJsonArray sites = QJsonDocument::fromJson(bulktest::readFile(report))
                                 .object()
                                 .value(QStringLiteral("sites"))
                                 .toArray();
    QCOMPARE(sites.size(), 4);
    for (int i = 0; i < 2; ++i) {
        // Activation sent before Ctrl-C: waited for and verified, never left half-known.
        const QJsonObject s = bySite(sites, name(i));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(s.value(QStringLiteral("afterSha256")).toString(),
                 m_fingerprints.value(QStringLiteral("next")));
        QCOMPARE(servedOn(m_sim.ports().at(i)), m_fingerprints.value(QStringLiteral("next")));
    }
    for (int i = 2; i < 4; ++i) {
        const QJsonObject s = bySite(sites, name(i));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("canceled"));
        QVERIFY2(
            s.value(QStringLiteral("failure")).toString().startsWith(QStringLiteral("upload:")),
            qPrintable(s.value(QStringLiteral("failure")).toString()));
        QCOMPARE(counter(i, QStringLiteral("activateRequests")), activations.at(i));
        QCOMPARE(servedOn(m_sim.ports().at(i)), before.at(i));
    }
    QVERIFY(m_sim.setFaults(2, {}));
    QVERIFY(m_sim.setFaults(3, {}));
}

// site edit: onto a shared credential (its own password leaves the keychain), tags, a new
// address drops the pin, back to an own password; bad combinations change nothing.
void TestBulkPreflightCli::siteEdit()
{
    const QString sitesFile = path(QStringLiteral("home/sites.json"));
    const auto site = [&sitesFile](const QString& name) {
        auto registry = SiteRegistry::open(sitesFile);
        return registry ? registry->find(name) : std::nullopt;
    };
    const secrets::SecretStore store;
    const QString ownKey = secrets::SecretStore::sitePasswordKey(name(5));
    QVERIFY(store.writeBlocking(ownKey, crypto::SecretBytes(remotetest::kSimPassword),
                                secrets::SecretStore::Format::Text));
    Run r = cli({QStringLiteral("site"), QStringLiteral("edit"), name(5),
                 QStringLiteral("--credential"), QStringLiteral("grp"), QStringLiteral("--tag"),
                 QStringLiteral("extra"), QStringLiteral("--untag"), QStringLiteral("other")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(site(name(5))->credential, QStringLiteral("grp"));
    QCOMPARE(site(name(5))->tags, QStringList{QStringLiteral("extra")});
    QVERIFY(!site(name(5))->pin.isNull()); // same address: still trusted
    auto own = store.readBlocking(ownKey);
    QVERIFY(own && !own->has_value());
    r = cli({QStringLiteral("site"), QStringLiteral("test"), name(5)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

    // Leaving the credential needs a password of its own; an unknown credential is refused.
    r = cli({QStringLiteral("site"), QStringLiteral("edit"), name(5), QStringLiteral("--user"),
             QStringLiteral("someone")});
    QCOMPARE(r.exitCode, 2);
    r = cli({QStringLiteral("site"), QStringLiteral("edit"), name(5),
             QStringLiteral("--credential"), QStringLiteral("nosuch")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(site(name(5))->credential, QStringLiteral("grp"));

    // A new address: the pin goes, the technician is told to trust again.
    r = cli({QStringLiteral("site"), QStringLiteral("edit"), name(5), QStringLiteral("--port"),
             QString::number(m_sim.ports().at(6))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("site trust %1").arg(name(5))), qPrintable(r.err));
    QVERIFY(site(name(5))->pin.isNull());
    r = cli({QStringLiteral("site"), QStringLiteral("test"), name(5)});
    QCOMPARE(r.exitCode, 1);

    r = cli({QStringLiteral("site"), QStringLiteral("edit"), name(5), QStringLiteral("--user"),
             remotetest::kSimUser, QStringLiteral("--password-file"), m_sim.passwordFile()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(site(name(5))->credential.isEmpty());
    own = store.readBlocking(ownKey);
    QVERIFY(own && own->has_value());
    QCOMPARE((*own)->view().toByteArray(), remotetest::kSimPassword);
}

QTEST_GUILESS_MAIN(TestBulkPreflightCli)
#include "TestBulkPreflightCli.moc"
