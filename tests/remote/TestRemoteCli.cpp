// The remote verbs of certdesk-cli against a real osbiz-sim process, with the real keychain
// of tests/with-keyring.sh: site add/list/trust/test/remove, upload, activate (telephony and
// Booster, with and without --wait), remote list - all with --json; a man in the middle on
// the site's port; and the site password only ever in the keychain.

#include "../KeychainRequired.h"
#include "RemoteTestSupport.h"
#include "SimProcess.h"

#include "core/secrets/SecretStore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace remotetest;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestRemoteCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void simHelpDocumentsItsFlags();
    void siteAddKeepsThePasswordInTheKeychain();
    void trustNeedsConfirmation();
    void trustByFingerprint();
    void testAndList();
    void uploadThenActivateWithWait();
    void activateBooster();
    void activateWithoutWaitThenSiteTestVerifies();
    void manInTheMiddleIsRefused();
    void faultEndsInNamedFailure();
    void passwordNeverInArgvFilesOrOutput();
    void siteRemoveDeletesThePassword();

private:
    Run cli(const QStringList& args);
    QString path(const QString& name) const { return m_work.filePath(name); }
    QString sitesFile() const { return path(QStringLiteral("home/sites.json")); }
    QJsonObject siteJson() const;
    void makeEntry(const QString& name);

    QString m_cli;
    QTemporaryDir m_work;
    QProcessEnvironment m_env;
    SimProcess m_sim;
    QString m_stateDir;
    QList<QStringList> m_argvSeen;
    QStringList m_outputSeen;
};

Run TestRemoteCli::cli(const QStringList& args)
{
    m_argvSeen.append(args);
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(m_cli, args);
    p.closeWriteChannel(); // never a terminal: the non-interactive paths
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    m_outputSeen << r.out << r.err;
    return r;
}

QJsonObject TestRemoteCli::siteJson() const
{
    const QJsonObject root = QJsonDocument::fromJson(readAll(sitesFile())).object();
    for (const QJsonValue& v : root.value(QStringLiteral("sites")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("lab"))
            return v.toObject();
    }
    return {};
}

void TestRemoteCli::makeEntry(const QString& name)
{
    const Run r =
        cli({QStringLiteral("self-signed"), QStringLiteral("--store"), QStringLiteral("--name"),
             name, QStringLiteral("--common-name"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--san"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("--org"),
             QStringLiteral("CertDesk CLI test"), QStringLiteral("--days"), QStringLiteral("90")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestRemoteCli::initTestCase()
{
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    m_cli = qEnvironmentVariable("CERTDESK_CLI");
    QVERIFY2(QFile::exists(m_cli), "CERTDESK_CLI must point at certdesk-cli");
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("CERTDESK_HOME"), path(QStringLiteral("home")));
    QFile pw(path(QStringLiteral("site-password")));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write(kSimPassword + '\n');
    pw.close();

    m_stateDir = path(QStringLiteral("sim-state"));
    SimProcess::Options options;
    options.stateDir = m_stateDir;
    QString error;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
    m_argvSeen.append(m_sim.arguments());
    for (const QString& entry :
         {QStringLiteral("pbx-a"), QStringLiteral("pbx-b"), QStringLiteral("pbx-c"),
          QStringLiteral("pbx-d"), QStringLiteral("pbx-e")})
        makeEntry(entry);
}

void TestRemoteCli::simHelpDocumentsItsFlags()
{
    QProcess p;
    p.start(qEnvironmentVariable("OSBIZ_SIM"), {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(10000));
    const QString help = QString::fromUtf8(p.readAllStandardOutput());
    for (const char* word :
         {"--port", "--booster-port", "--restart-seconds", "--state-dir", "--user",
          "--password-file", "--count", "--fault", "--control-port", "drop-upload", "http-500",
          "http-503", "stall", "slow-restart", "old-cert-after-restart",
          "attacker-cert-after-restart", "GET  /state"})
        QVERIFY2(help.contains(QLatin1String(word)), word);
}

void TestRemoteCli::siteAddKeepsThePasswordInTheKeychain()
{
    Run r = cli({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("lab"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                 QStringLiteral("--port"), QString::number(m_sim.port()),
                 QStringLiteral("--booster-port"), QString::number(m_sim.boosterPort()),
                 QStringLiteral("--user"), kSimUser, QStringLiteral("--password-file"),
                 path(QStringLiteral("site-password")), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(QStringLiteral("trusted")).toBool(), false);
    QVERIFY(!readAll(sitesFile()).contains(kSimPassword));
    QCOMPARE(QFile::permissions(sitesFile()) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    const certdesk::secrets::SecretStore store;
    const auto stored =
        store.readBlocking(certdesk::secrets::SecretStore::sitePasswordKey(QStringLiteral("lab")));
    QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
    QVERIFY(stored->has_value());
    QCOMPARE((*stored)->view().toByteArray(), kSimPassword);

    // A second site of that name is a usage error.
    r = cli({QStringLiteral("site"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("lab"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--user"), kSimUser, QStringLiteral("--password-file"),
             path(QStringLiteral("site-password"))});
    QCOMPARE(r.exitCode, 2);

    r = cli({QStringLiteral("site"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray sites = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(sites.size(), 1);
    QCOMPARE(sites.first().toObject().value(QStringLiteral("boosterPort")).toInt(),
             int(m_sim.boosterPort()));

    // Untrusted: nothing is sent, the technician is told what to do.
    r = cli({QStringLiteral("remote"), QStringLiteral("list"), QStringLiteral("--site"),
             QStringLiteral("lab")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("site trust")), qPrintable(r.err));
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), 0);
}

void TestRemoteCli::trustNeedsConfirmation()
{
    // Not a terminal and no --fingerprint: nobody confirmed, so nothing is trusted (exit 2).
    Run r = cli({QStringLiteral("site"), QStringLiteral("trust"), QStringLiteral("lab")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--fingerprint")), qPrintable(r.err));
    QVERIFY2(r.out.contains(m_sim.served()), qPrintable(r.out)); // shown for checking
    QVERIFY(!siteJson().contains(QStringLiteral("pin")));

    // A fingerprint that is not the presented one: refused with both.
    const QString wrong = QStringLiteral("AA:") + m_sim.served().mid(3);
    r = cli({QStringLiteral("site"), QStringLiteral("trust"), QStringLiteral("lab"),
             QStringLiteral("--fingerprint"), wrong});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(wrong));
    QVERIFY(r.err.contains(m_sim.served()));
    QVERIFY(!siteJson().contains(QStringLiteral("pin")));
}

void TestRemoteCli::trustByFingerprint()
{
    // As openssl prints it, lower case without colons would do too.
    Run r = cli({QStringLiteral("site"), QStringLiteral("trust"), QStringLiteral("lab"),
                 QStringLiteral("--fingerprint"), m_sim.served(), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.json().value(QStringLiteral("fingerprintSha256")).toString(), m_sim.served());
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             m_sim.served());

    const QString booster =
        m_sim.served(QStringLiteral("booster")).remove(QLatin1Char(':')).toLower();
    r = cli({QStringLiteral("site"), QStringLiteral("trust"), QStringLiteral("lab"),
             QStringLiteral("--system"), QStringLiteral("booster"), QStringLiteral("--fingerprint"),
             booster});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(siteJson()
                 .value(QStringLiteral("boosterPin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             m_sim.served(QStringLiteral("booster")));
}

void TestRemoteCli::testAndList()
{
    Run r = cli({QStringLiteral("site"), QStringLiteral("test"), QStringLiteral("lab"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("login")).toString(), QStringLiteral("ok"));
    QCOMPARE(
        o.value(QStringLiteral("telephony")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("trusted"));
    QCOMPARE(
        o.value(QStringLiteral("booster")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("trusted"));
    QCOMPARE(o.value(QStringLiteral("system")).toObject().value(QStringLiteral("model")).toString(),
             QStringLiteral("OpenScape Business X3W"));

    r = cli({QStringLiteral("remote"), QStringLiteral("list"), QStringLiteral("--site"),
             QStringLiteral("lab"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray certs = r.json().value(QStringLiteral("certificates")).toArray();
    QCOMPARE(certs.size(), 2);
    QCOMPARE(certs.first().toObject().value(QStringLiteral("fingerprintSha256")).toString(),
             m_sim.served());
}

void TestRemoteCli::uploadThenActivateWithWait()
{
    Run r = cli({QStringLiteral("upload"), QStringLiteral("pbx-a"), QStringLiteral("--site"),
                 QStringLiteral("lab"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QVERIFY(r.json().value(QStringLiteral("uploaded")).toBool());
    QCOMPARE(r.json().value(QStringLiteral("activationAccepted")).toBool(), false);
    const QString expected = r.json().value(QStringLiteral("expectedSha256")).toString();
    QCOMPARE(m_sim.counter(QStringLiteral("imports")), 1);

    // The store's view of the entry agrees with what was uploaded.
    r = cli({QStringLiteral("store"), QStringLiteral("show"), QStringLiteral("pbx-a"),
             QStringLiteral("--json")});
    QCOMPARE(r.json().value(QStringLiteral("fingerprintSha256")).toString(), expected);

    r = cli({QStringLiteral("activate"), QStringLiteral("pbx-a"), QStringLiteral("--site"),
             QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("telephony"),
             QStringLiteral("--wait"), QStringLiteral("--wait-timeout"), QStringLiteral("20"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("result")).toString(), QStringLiteral("success"));
    QVERIFY(o.value(QStringLiteral("alreadyPresent")).toBool()); // uploaded before, not again
    QVERIFY(o.value(QStringLiteral("verified")).toBool());
    QVERIFY(o.value(QStringLiteral("repinned")).toBool());
    QCOMPARE(o.value(QStringLiteral("presentedSha256")).toString(), expected);
    QCOMPARE(m_sim.served(), expected);
    QCOMPARE(m_sim.counter(QStringLiteral("imports")), 1);
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             expected);
    // Progress went to standard error, with the restart watched.
    QVERIFY2(r.err.contains(QStringLiteral("Waiting for the web server")), qPrintable(r.err));

    r = cli({QStringLiteral("site"), QStringLiteral("test"), QStringLiteral("lab")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
}

void TestRemoteCli::activateBooster()
{
    const QString telephony = m_sim.served();
    Run r = cli({QStringLiteral("activate"), QStringLiteral("pbx-b"), QStringLiteral("--site"),
                 QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("booster"),
                 QStringLiteral("--wait"), QStringLiteral("--wait-timeout"), QStringLiteral("20"),
                 QStringLiteral("--format"), QStringLiteral("pem"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QString expected = r.json().value(QStringLiteral("expectedSha256")).toString();
    QVERIFY(r.json().value(QStringLiteral("uploaded")).toBool());
    QCOMPARE(m_sim.served(QStringLiteral("booster")), expected);
    QCOMPARE(m_sim.served(), telephony);
    QCOMPARE(siteJson()
                 .value(QStringLiteral("boosterPin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             expected);
}

void TestRemoteCli::activateWithoutWaitThenSiteTestVerifies()
{
    Run r = cli({QStringLiteral("activate"), QStringLiteral("pbx-c"), QStringLiteral("--site"),
                 QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("telephony"),
                 QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    const QJsonObject o = r.json();
    QVERIFY(o.value(QStringLiteral("activationAccepted")).toBool());
    QVERIFY(!o.value(QStringLiteral("verified")).toBool());
    const QString expected = o.value(QStringLiteral("expectedSha256")).toString();
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pendingPin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             expected);

    QVERIFY(m_sim.waitListening(QStringLiteral("telephony"), 15000) || m_sim.served() == expected);
    QTRY_COMPARE_WITH_TIMEOUT(m_sim.served(), expected, 15000);
    // The pin is still the old one: the new certificate is not trusted before it is proven.
    r = cli({QStringLiteral("remote"), QStringLiteral("list"), QStringLiteral("--site"),
             QStringLiteral("lab")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("other than the trusted one")), qPrintable(r.err));

    // site test sees exactly the activated certificate: verified, and the pin moves.
    r = cli({QStringLiteral("site"), QStringLiteral("test"), QStringLiteral("lab"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(r.json()
                 .value(QStringLiteral("telephony"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("verified-activation"));
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             expected);
    QVERIFY(!siteJson().contains(QStringLiteral("pendingPin")));
    r = cli({QStringLiteral("remote"), QStringLiteral("list"), QStringLiteral("--site"),
             QStringLiteral("lab")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestRemoteCli::faultEndsInNamedFailure()
{
    const QString pin = siteJson()
                            .value(QStringLiteral("pin"))
                            .toObject()
                            .value(QStringLiteral("certificateSha256"))
                            .toString();
    QVERIFY(m_sim.setFaults({QStringLiteral("old-cert-after-restart")}));
    Run r = cli({QStringLiteral("activate"), QStringLiteral("pbx-d"), QStringLiteral("--site"),
                 QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("telephony"),
                 QStringLiteral("--wait"), QStringLiteral("--wait-timeout"), QStringLiteral("20"),
                 QStringLiteral("--json")});
    QVERIFY(m_sim.setFaults({}));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(r.json().value(QStringLiteral("failure")).toString(),
             QStringLiteral("verify:old-certificate"));
    QVERIFY(r.err.contains(QStringLiteral("[verify:old-certificate]")));
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             pin);

    // Usage errors are exit 2.
    r = cli({QStringLiteral("activate"), QStringLiteral("pbx-d"), QStringLiteral("--site"),
             QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("fax")});
    QCOMPARE(r.exitCode, 2);
}

void TestRemoteCli::manInTheMiddleIsRefused()
{
    // Someone else answers on the site's ports: a different system with its own certificate.
    const quint16 port = m_sim.port();
    const quint16 boosterPort = m_sim.boosterPort();
    m_sim.stop();
    SimProcess impostor;
    SimProcess::Options options;
    options.port = port;
    options.boosterPort = boosterPort;
    QString error;
    QVERIFY2(impostor.start(options, &error), qPrintable(error));
    m_argvSeen.append(impostor.arguments());

    const QString pin = siteJson()
                            .value(QStringLiteral("pin"))
                            .toObject()
                            .value(QStringLiteral("certificateSha256"))
                            .toString();
    Run r = cli({QStringLiteral("upload"), QStringLiteral("pbx-e"), QStringLiteral("--site"),
                 QStringLiteral("lab"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json().value(QStringLiteral("failure")).toString(),
             QStringLiteral("login:pin-mismatch"));
    QVERIFY2(r.err.contains(impostor.served()), qPrintable(r.err));
    QVERIFY(r.err.contains(pin));
    r = cli({QStringLiteral("activate"), QStringLiteral("pbx-e"), QStringLiteral("--site"),
             QStringLiteral("lab"), QStringLiteral("--system"), QStringLiteral("booster"),
             QStringLiteral("--wait")});
    QCOMPARE(r.exitCode, 1);
    r = cli({QStringLiteral("site"), QStringLiteral("test"), QStringLiteral("lab"),
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.json()
                 .value(QStringLiteral("telephony"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("mismatch"));
    QCOMPARE(r.json()
                 .value(QStringLiteral("booster"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("mismatch"));

    // Nothing reached the impostor: no request at all, so no password and no certificate.
    QCOMPARE(impostor.counter(QStringLiteral("requests")), 0);
    QCOMPARE(impostor.counter(QStringLiteral("loginAttempts")), 0);
    QCOMPARE(impostor.counter(QStringLiteral("imports")), 0);
    QCOMPARE(impostor.state().value(QStringLiteral("certificates")).toArray().size(), 2);
    // The pin is unchanged.
    QCOMPARE(siteJson()
                 .value(QStringLiteral("pin"))
                 .toObject()
                 .value(QStringLiteral("certificateSha256"))
                 .toString(),
             pin);
    impostor.stop();

    // The real system comes back from its state folder, serving what it served before.
    options.stateDir = m_stateDir;
    QVERIFY2(m_sim.start(options, &error), qPrintable(error));
    QCOMPARE(m_sim.served(), pin);
    r = cli({QStringLiteral("site"), QStringLiteral("test"), QStringLiteral("lab")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
}

void TestRemoteCli::passwordNeverInArgvFilesOrOutput()
{
    const QString password = QString::fromUtf8(kSimPassword);
    for (const QStringList& argv : std::as_const(m_argvSeen))
        QVERIFY2(!argv.join(QLatin1Char(' ')).contains(password),
                 qPrintable(argv.join(QLatin1Char(' '))));
    // The running simulator's real command line, as every user of the machine sees it.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_sim.pid()));
    if (cmdline.open(QIODevice::ReadOnly))
        QVERIFY(!cmdline.readAll().contains(kSimPassword));
    for (const QString& text : std::as_const(m_outputSeen))
        QVERIFY(!text.contains(password));
    QVERIFY(!m_sim.log().contains(password));
    // Nothing under CERTDESK_HOME holds it in plain text.
    QDirIterator it(path(QStringLiteral("home")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QVERIFY2(!readAll(file).contains(kSimPassword), qPrintable(file));
    }
}

void TestRemoteCli::siteRemoveDeletesThePassword()
{
    const Run r = cli({QStringLiteral("site"), QStringLiteral("remove"), QStringLiteral("lab"),
                       QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.json().value(QStringLiteral("passwordRemoved")).toBool());
    const certdesk::secrets::SecretStore store;
    const auto stored =
        store.readBlocking(certdesk::secrets::SecretStore::sitePasswordKey(QStringLiteral("lab")));
    QVERIFY(stored);
    QVERIFY(!stored->has_value());
    QVERIFY(siteJson().isEmpty());
}

QTEST_GUILESS_MAIN(TestRemoteCli)
#include "TestRemoteCli.moc"
