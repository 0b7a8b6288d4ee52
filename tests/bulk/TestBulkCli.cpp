// The CLI's inventory and bulk verbs against one osbiz-sim process serving six systems:
// site import (shared password into the keychain, tags, public pins), site export (no
// secrets), bulk activate by tag with a rule file (exit 0, plain progress lines on a
// non-terminal, an HTML report, the history) and a failing site (exit 1, its named failure).

#include "../KeychainRequired.h"
#include "CliRun.h"
#include "MultiSim.h"

#include "../remote/RemoteTestSupport.h"
#include "../remote/SimProcess.h"

#include "core/remote/CertificatePin.h"
#include "core/remote/Fingerprint.h"
#include "core/secrets/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace certdesk;
using namespace certdesk::remote;
using Run = bulktest::CliRun;
using bulktest::servedOn;

namespace {
const QString kHost = QStringLiteral("127.0.0.1");

} // namespace

class TestBulkCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importAndExportInventory();
    void bulkActivateByTagWithRule();
    void failingSiteExitsOne();

private:
    Run cli(const QStringList& args);
    QString path(const QString& name) const { return m_work.filePath(name); }
    QString name(int i) const { return QStringLiteral("s-%1").arg(i, 2, 10, QLatin1Char('0')); }

    QString m_cli;
    QTemporaryDir m_work;
    QProcessEnvironment m_env;
    bulktest::MultiSim m_sim;
};

Run TestBulkCli::cli(const QStringList& args)
{
    return Run::run(m_cli, m_env, args);
}

void TestBulkCli::initTestCase()
{
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    m_cli = qEnvironmentVariable("CERTDESK_CLI");
    QVERIFY2(QFile::exists(m_cli), "CERTDESK_CLI must point at certdesk-cli");
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("CERTDESK_HOME"), path(QStringLiteral("home")));
    QString error;
    QVERIFY2(m_sim.start({6, 2, {}}, &error), qPrintable(error));
    QVERIFY(m_sim.setFaults(5, {QStringLiteral("old-cert-after-restart")}));
    for (const QString& entry : {QStringLiteral("bulk-a"), QStringLiteral("bulk-b")}) {
        const Run r = cli(
            {QStringLiteral("self-signed"), QStringLiteral("--store"), QStringLiteral("--name"),
             entry, QStringLiteral("--common-name"), QStringLiteral("127.0.0.1"),
             QStringLiteral("--san"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("--org"),
             QStringLiteral("CertDesk bulk test"), QStringLiteral("--days"), QStringLiteral("90")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
}

void TestBulkCli::importAndExportInventory()
{
    // An inventory with the sites' public pins (as a colleague's `site export` would carry).
    QJsonArray sites;
    for (int i = 0; i < 6; ++i) {
        const ProbeResult t = remotetest::probe(kHost, m_sim.ports().at(i));
        QVERIFY(t.reached());
        sites.append(
            QJsonObject{{QStringLiteral("name"), name(i)},
                        {QStringLiteral("host"), kHost},
                        {QStringLiteral("port"), m_sim.ports().at(i)},
                        {QStringLiteral("user"), remotetest::kSimUser},
                        {QStringLiteral("tags"),
                         QJsonArray{i < 5 ? QStringLiteral("cust-x") : QStringLiteral("cust-y")}},
                        {QStringLiteral("pin"), CertificatePin::of(t.leaf(), false).toJson()}});
    }
    QFile inv(path(QStringLiteral("inventory.json")));
    QVERIFY(inv.open(QIODevice::WriteOnly));
    inv.write(QJsonDocument(QJsonObject{{QStringLiteral("sites"), sites}}).toJson());
    inv.close();

    Run r = cli({QStringLiteral("site"), QStringLiteral("import"), inv.fileName(),
                 QStringLiteral("--password-file"), m_sim.passwordFile()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("6")));
    // Once per site in the keychain; nowhere in the files.
    const secrets::SecretStore store;
    for (int i = 0; i < 6; ++i) {
        const auto stored = store.readBlocking(secrets::SecretStore::sitePasswordKey(name(i)));
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->view().toByteArray(), remotetest::kSimPassword);
    }
    QVERIFY(!bulktest::readFile(path(QStringLiteral("home/sites.json")))
                 .contains(remotetest::kSimPassword));
    // A second import of the same names changes nothing without --update.
    r = cli({QStringLiteral("site"), QStringLiteral("import"), inv.fileName()});
    QCOMPARE(r.exitCode, 2);

    r = cli({QStringLiteral("site"), QStringLiteral("export"), QStringLiteral("--format"),
             QStringLiteral("csv")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.startsWith(QStringLiteral("name,host,port,user")));
    QVERIFY(r.out.contains(QStringLiteral("s-05,127.0.0.1,%1").arg(m_sim.ports().at(5))));
    QVERIFY(r.out.contains(QStringLiteral("cust-y")));
    QVERIFY(!r.out.contains(QString::fromUtf8(remotetest::kSimPassword)));
    r = cli({QStringLiteral("site"), QStringLiteral("export"), QStringLiteral("--tag"),
             QStringLiteral("cust-x")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray exported =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("sites")).toArray();
    QCOMPARE(exported.size(), 5);
    QCOMPARE(exported.at(0).toObject().value(QStringLiteral("tags")).toArray().at(0).toString(),
             QStringLiteral("cust-x"));
}

void TestBulkCli::bulkActivateByTagWithRule()
{
    QFile rule(path(QStringLiteral("rule.csv")));
    QVERIFY(rule.open(QIODevice::WriteOnly));
    rule.write("site,entry\n*,bulk-a\ns-03,bulk-b\n");
    rule.close();
    const QString report = path(QStringLiteral("report.html"));
    const Run r =
        cli({QStringLiteral("bulk"), QStringLiteral("activate"), QStringLiteral("--rule"),
             rule.fileName(), QStringLiteral("--sites"), QStringLiteral("tag:cust-x"),
             QStringLiteral("--system"), QStringLiteral("telephony"), QStringLiteral("--parallel"),
             QStringLiteral("4"), QStringLiteral("--report"), report,
             QStringLiteral("--restart-timeout"), QStringLiteral("20"), QStringLiteral("--timeout"),
             QStringLiteral("5"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    // Not a terminal: plain lines, no bar.
    QVERIFY2(r.err.contains(QStringLiteral("[5/5]")), qPrintable(r.err));
    QVERIFY(!r.err.contains(QLatin1Char('\r')));
    const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray sites = json.value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 5);
    QString a;
    QString b;
    for (const QJsonValue& v : sites) {
        const QJsonObject s = v.toObject();
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        const int index = s.value(QStringLiteral("site")).toString().mid(2).toInt();
        const QString expected = s.value(QStringLiteral("expectedSha256")).toString();
        QCOMPARE(servedOn(m_sim.ports().at(index)), expected);
        QCOMPARE(s.value(QStringLiteral("afterSha256")).toString(), expected);
        (index == 3 ? b : a) = expected;
        QCOMPARE(s.value(QStringLiteral("entry")).toString(),
                 index == 3 ? QStringLiteral("bulk-b") : QStringLiteral("bulk-a"));
    }
    QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
    // s-05 (tag cust-y) was not touched.
    QCOMPARE(m_sim.state(5)
                 .value(QStringLiteral("counters"))
                 .toObject()
                 .value(QStringLiteral("activations"))
                 .toInt(),
             0);
    const QByteArray html = bulktest::readFile(report);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("s-03"));
    const QStringList history =
        QDir(path(QStringLiteral("home/history"))).entryList({QStringLiteral("bulk-*.json")});
    QCOMPARE(history.size(), 1);
}

void TestBulkCli::failingSiteExitsOne()
{
    QFile list(path(QStringLiteral("sites.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("s-05\n");
    list.close();
    const QString before = servedOn(m_sim.ports().at(5));
    const Run r = cli({QStringLiteral("bulk"), QStringLiteral("activate"), QStringLiteral("--cert"),
                       QStringLiteral("bulk-b"), QStringLiteral("--sites"), list.fileName(),
                       QStringLiteral("--system"), QStringLiteral("telephony"),
                       QStringLiteral("--restart-timeout"), QStringLiteral("20"),
                       QStringLiteral("--report"), path(QStringLiteral("fail.csv"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("verify:old-certificate")), qPrintable(r.err));
    QVERIFY(
        bulktest::readFile(path(QStringLiteral("fail.csv"))).contains("verify:old-certificate"));
    QCOMPARE(servedOn(m_sim.ports().at(5)), before);
    // Usage errors: exit 2 before anything is sent.
    const Run usage =
        cli({QStringLiteral("bulk"), QStringLiteral("activate"), QStringLiteral("--cert"),
             QStringLiteral("bulk-a"), QStringLiteral("--rule"), list.fileName(),
             QStringLiteral("--sites"), QStringLiteral("all"), QStringLiteral("--system"),
             QStringLiteral("telephony")});
    QCOMPARE(usage.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestBulkCli)
#include "TestBulkCli.moc"
