// The store's main flow through certdesk-cli, against the real keychain of tests/with-keyring.sh:
// CSR in the store -> signed by a CA made with the openssl CLI -> import-signed -> PKCS#12
// export that openssl opens.

#include "../KeychainRequired.h"
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args, const QProcessEnvironment& env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestStoreCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void csrSignedImportedExported();
    void storeHoldsNoPlaintextKey();
    void storeKeyIsInTheKeychain();
    void listShowDeleteRename();
    void badInputLeavesStoreUnchanged();
    void checkNamesTheBrokenRule_data();
    void checkNamesTheBrokenRule();
    void checkPassesCompliantCertificate();

private:
    Run cli(const QStringList& args) { return run(m_cli, args, m_env); }
    QString path(const QString& name) const { return m_work.filePath(name); }
    QString m_cli;
    QTemporaryDir m_work;
    QString m_home;
    QProcessEnvironment m_env;
};

void TestStoreCli::initTestCase()
{
    m_cli = qEnvironmentVariable("CERTDESK_CLI");
    QVERIFY2(QFile::exists(m_cli), "CERTDESK_CLI must point at certdesk-cli");
    m_home = path(QStringLiteral("store"));
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("CERTDESK_HOME"), m_home);
    if (!qEnvironmentVariableIsSet("CERTDESK_TEST_KEYCHAIN")) {
        // Run by hand without tests/with-keyring.sh: use the passphrase fallback instead.
        m_env.insert(QStringLiteral("CERTDESK_STORE_PASSPHRASE"),
                     QStringLiteral("store passphrase for tests"));
    }
    QFile pass(path(QStringLiteral("pass")));
    QVERIFY(pass.open(QIODevice::WriteOnly));
    pass.write("export-pass\n");
}

void TestStoreCli::csrSignedImportedExported()
{
    Run r = cli({QStringLiteral("csr"), QStringLiteral("--store"), QStringLiteral("--name"),
                 QStringLiteral("Mycertificate"), QStringLiteral("--country"), QStringLiteral("DE"),
                 QStringLiteral("--org"), QStringLiteral("Example Co"),
                 QStringLiteral("--common-name"), QStringLiteral("osbiz.example.com"),
                 QStringLiteral("--san"), QStringLiteral("DNS:osbiz.example.com")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = cli({QStringLiteral("store"), QStringLiteral("export"), QStringLiteral("Mycertificate"),
             QStringLiteral("--out"), path(QStringLiteral("req.csr"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(
        readAll(path(QStringLiteral("req.csr"))).startsWith("-----BEGIN CERTIFICATE REQUEST-----"));

    // A CA made by the openssl CLI signs the request, keeping its extensions.
    QCOMPARE(
        run(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             path(QStringLiteral("ca.key")), QStringLiteral("-out"), path(QStringLiteral("ca.crt")),
             QStringLiteral("-subj"), QStringLiteral("/C=DE/O=Test/CN=OpenSSL Test CA"),
             QStringLiteral("-days"), QStringLiteral("60")})
            .exitCode,
        0);
    QCOMPARE(
        run(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             path(QStringLiteral("req.csr")), QStringLiteral("-CA"), path(QStringLiteral("ca.crt")),
             QStringLiteral("-CAkey"), path(QStringLiteral("ca.key")),
             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-copy_extensions"), QStringLiteral("copy"), QStringLiteral("-out"),
             path(QStringLiteral("signed.crt"))})
            .exitCode,
        0);
    // The CA's answer as a bundle: root first, leaf second.
    QFile bundle(path(QStringLiteral("answer.pem")));
    QVERIFY(bundle.open(QIODevice::WriteOnly));
    bundle.write(readAll(path(QStringLiteral("ca.crt"))) +
                 readAll(path(QStringLiteral("signed.crt"))));
    bundle.close();

    r = cli({QStringLiteral("store"), QStringLiteral("import-signed"),
             QStringLiteral("Mycertificate"), path(QStringLiteral("answer.pem"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    r = cli({QStringLiteral("store"), QStringLiteral("show"), QStringLiteral("Mycertificate"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(shown.value(QStringLiteral("entryType")).toString(), QStringLiteral("ca-signed"));
    QCOMPARE(shown.value(QStringLiteral("chainLength")).toInt(), 1);
    const Run fp =
        run(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("signed.crt")),
             QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    QVERIFY2(fp.out.trimmed().endsWith(shown.value(QStringLiteral("fingerprintSha256")).toString()),
             qPrintable(fp.out));

    r = cli({QStringLiteral("store"), QStringLiteral("export"), QStringLiteral("Mycertificate"),
             QStringLiteral("--out"), path(QStringLiteral("out.p12")), QStringLiteral("--format"),
             QStringLiteral("p12"), QStringLiteral("--passphrase-file"),
             path(QStringLiteral("pass"))});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // openssl proves key and chain: the leaf, the CA, and a key whose modulus is the leaf's.
    const Run info =
        run(QStringLiteral("openssl"),
            {QStringLiteral("pkcs12"), QStringLiteral("-in"), path(QStringLiteral("out.p12")),
             QStringLiteral("-passin"), QStringLiteral("file:") + path(QStringLiteral("pass")),
             QStringLiteral("-nodes"), QStringLiteral("-info")});
    QCOMPARE(info.exitCode, 0);
    QVERIFY(info.out.contains(
        QStringLiteral("subject=C = DE, O = Example Co, CN = osbiz.example.com")));
    QVERIFY(info.out.contains(QStringLiteral("subject=C = DE, O = Test, CN = OpenSSL Test CA")));
    QVERIFY(info.out.contains(QStringLiteral("BEGIN PRIVATE KEY")));
    QVERIFY(info.err.contains(QStringLiteral("MAC: sha256")));
    QFile extracted(path(QStringLiteral("extracted.pem")));
    QVERIFY(extracted.open(QIODevice::WriteOnly));
    extracted.write(info.out.toUtf8());
    extracted.close();
    const Run keyMod =
        run(QStringLiteral("openssl"),
            {QStringLiteral("rsa"), QStringLiteral("-in"), path(QStringLiteral("extracted.pem")),
             QStringLiteral("-noout"), QStringLiteral("-modulus")});
    const Run certMod =
        run(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-in"), path(QStringLiteral("signed.crt")),
             QStringLiteral("-noout"), QStringLiteral("-modulus")});
    QVERIFY(!keyMod.out.isEmpty());
    QCOMPARE(keyMod.out, certMod.out);
}

void TestStoreCli::storeHoldsNoPlaintextKey()
{
    QDirIterator it(m_home, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QByteArray data = readAll(it.next());
        ++files;
        QVERIFY(!data.contains("BEGIN PRIVATE KEY"));
        QVERIFY(!data.contains("BEGIN RSA PRIVATE KEY"));
        QVERIFY(!data.contains("BEGIN EC PRIVATE KEY"));
    }
    QVERIFY(files >= 3);
}

void TestStoreCli::storeKeyIsInTheKeychain()
{
    CERTDESK_REQUIRE_TEST_KEYCHAIN();
    const Run lookup =
        run(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("CertDesk"),
             QStringLiteral("user"), QStringLiteral("store-key")});
    QCOMPARE(lookup.exitCode, 0);
    QCOMPARE(QByteArray::fromBase64(lookup.out.trimmed().toLatin1()).size(), 32);
    const QJsonObject info =
        QJsonDocument::fromJson(readAll(QDir(m_home).filePath(QStringLiteral("keyinfo.json"))))
            .object();
    QCOMPARE(info.value(QStringLiteral("source")).toString(), QStringLiteral("keychain"));
}

void TestStoreCli::listShowDeleteRename()
{
    Run r = cli({QStringLiteral("ca"), QStringLiteral("--store"), QStringLiteral("--name"),
                 QStringLiteral("MyCa"), QStringLiteral("--common-name"),
                 QStringLiteral("Technician CA")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli({QStringLiteral("issue"), QStringLiteral("--ca"), QStringLiteral("MyCa"),
             QStringLiteral("--store"), QStringLiteral("--name"), QStringLiteral("pbx1"),
             QStringLiteral("--common-name"), QStringLiteral("pbx1.example.com"),
             QStringLiteral("--san"), QStringLiteral("DNS:pbx1.example.com")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli({QStringLiteral("store"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QStringList names;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        names << v.toObject().value(QStringLiteral("name")).toString();
    QVERIFY(names.contains(QStringLiteral("MyCa")));
    QVERIFY(names.contains(QStringLiteral("pbx1")));

    r = cli({QStringLiteral("store"), QStringLiteral("rename"), QStringLiteral("pbx1"),
             QStringLiteral("pbx-one")});
    QCOMPARE(r.exitCode, 0);
    r = cli({QStringLiteral("store"), QStringLiteral("delete"), QStringLiteral("pbx-one")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("trash")));
    r = cli({QStringLiteral("store"), QStringLiteral("show"), QStringLiteral("pbx-one")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains(QStringLiteral("no entry named")));
}

void TestStoreCli::badInputLeavesStoreUnchanged()
{
    const QByteArray index = readAll(QDir(m_home).filePath(QStringLiteral("store.json")));
    QFile garbage(path(QStringLiteral("garbage.crt")));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a certificate");
    garbage.close();
    Run r = cli({QStringLiteral("store"), QStringLiteral("import-signed"),
                 QStringLiteral("Mycertificate"), path(QStringLiteral("garbage.crt"))});
    QCOMPARE(r.exitCode, 1);
    // An answer for another key is refused by name.
    r = cli({QStringLiteral("store"), QStringLiteral("import-signed"), QStringLiteral("MyCa"),
             path(QStringLiteral("signed.crt"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not match the key")), qPrintable(r.err));
    r = cli({QStringLiteral("store"), QStringLiteral("export"), QStringLiteral("Mycertificate"),
             QStringLiteral("--out"), path(QStringLiteral("short.p12")), QStringLiteral("--format"),
             QStringLiteral("p12"), QStringLiteral("--passphrase-env"), QStringLiteral("SHORT")});
    QCOMPARE(r.exitCode, 2); // SHORT is not set
    QVERIFY(!QFile::exists(path(QStringLiteral("short.p12"))));
    QCOMPARE(readAll(QDir(m_home).filePath(QStringLiteral("store.json"))), index);
}

void TestStoreCli::checkNamesTheBrokenRule_data()
{
    QTest::addColumn<QStringList>("make"); // certdesk-cli or openssl arguments
    QTest::addColumn<bool>("withOpenSsl");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("checkOptions");
    QTest::addColumn<QString>("code");
    const QString dir = m_work.path();
    QTest::newRow("4096-bit key") << QStringList{QStringLiteral("self-signed"),
                                                 QStringLiteral("--name"),
                                                 QStringLiteral("big"),
                                                 QStringLiteral("--common-name"),
                                                 QStringLiteral("big.example.com"),
                                                 QStringLiteral("--san"),
                                                 QStringLiteral("DNS:big.example.com"),
                                                 QStringLiteral("--key-type"),
                                                 QStringLiteral("rsa4096"),
                                                 QStringLiteral("--no-encrypt-key"),
                                                 QStringLiteral("--out-dir"),
                                                 dir}
                                  << false << QStringLiteral("big.crt")
                                  << QStringList{QStringLiteral("--profile"),
                                                 QStringLiteral("osbiz-v3")}
                                  << QStringLiteral("osbiz.key-length");
    QTest::newRow("SHA-1 signature")
        << QStringList{QStringLiteral("req"),
                       QStringLiteral("-x509"),
                       QStringLiteral("-sha1"),
                       QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"),
                       QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"),
                       dir + QStringLiteral("/sha1.key"),
                       QStringLiteral("-out"),
                       dir + QStringLiteral("/sha1.crt"),
                       QStringLiteral("-subj"),
                       QStringLiteral("/CN=sha1.example.com"),
                       QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:sha1.example.com"),
                       QStringLiteral("-days"),
                       QStringLiteral("100")}
        << true << QStringLiteral("sha1.crt")
        << QStringList{QStringLiteral("--profile"), QStringLiteral("osbiz-v3,apple-tls")}
        << QStringLiteral("osbiz.signature-algorithm");
    QTest::newRow("two years, issued 2026, public CA")
        << QStringList{QStringLiteral("issue"),
                       QStringLiteral("--ca"),
                       QStringLiteral("MyCa"),
                       QStringLiteral("--name"),
                       QStringLiteral("long"),
                       QStringLiteral("--common-name"),
                       QStringLiteral("long.example.com"),
                       QStringLiteral("--san"),
                       QStringLiteral("DNS:long.example.com"),
                       QStringLiteral("--not-before"),
                       QStringLiteral("2026-06-01"),
                       QStringLiteral("--not-after"),
                       QStringLiteral("2028-06-01"),
                       QStringLiteral("--csr"),
                       dir + QStringLiteral("/req.csr"),
                       QStringLiteral("--out-dir"),
                       dir}
        << false << QStringLiteral("long.crt")
        << QStringList{QStringLiteral("--profile"), QStringLiteral("cabf-2026,apple-tls"),
                       QStringLiteral("--public")}
        << QStringLiteral("cabf.validity");
    QTest::newRow("no SAN") << QStringList{QStringLiteral("self-signed"),
                                           QStringLiteral("--name"),
                                           QStringLiteral("nosan"),
                                           QStringLiteral("--common-name"),
                                           QStringLiteral("nosan.example.com"),
                                           QStringLiteral("--no-encrypt-key"),
                                           QStringLiteral("--out-dir"),
                                           dir}
                            << false << QStringLiteral("nosan.crt")
                            << QStringList{QStringLiteral("--profile"), QStringLiteral("apple-tls")}
                            << QStringLiteral("apple.san-dns");
}

void TestStoreCli::checkNamesTheBrokenRule()
{
    QFETCH(QStringList, make);
    QFETCH(bool, withOpenSsl);
    QFETCH(QString, file);
    QFETCH(QStringList, checkOptions);
    QFETCH(QString, code);
    const Run made = withOpenSsl ? run(QStringLiteral("openssl"), make) : cli(make);
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const Run checked = cli(
        QStringList{QStringLiteral("check"), path(file), QStringLiteral("--json")} + checkOptions);
    QCOMPARE(checked.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(checked.out.toUtf8()).object();
    QStringList errors;
    for (const QJsonValue& f : report.value(QStringLiteral("findings")).toArray()) {
        if (f.toObject().value(QStringLiteral("severity")).toString() == QLatin1String("error"))
            errors << f.toObject().value(QStringLiteral("code")).toString();
    }
    QVERIFY2(errors.contains(code), qPrintable(errors.join(QLatin1Char(','))));
    // The text form names the rule too, with its fix.
    const Run text = cli(QStringList{QStringLiteral("check"), path(file)} + checkOptions);
    QVERIFY(text.out.contains(code));
    QVERIFY(text.out.contains(QStringLiteral("Fix:")));
}

void TestStoreCli::checkPassesCompliantCertificate()
{
    Run r = cli({QStringLiteral("issue"), QStringLiteral("--ca"), QStringLiteral("MyCa"),
                 QStringLiteral("--store"), QStringLiteral("--name"), QStringLiteral("good"),
                 QStringLiteral("--common-name"), QStringLiteral("good.example.com"),
                 QStringLiteral("--san"), QStringLiteral("DNS:good.example.com")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli({QStringLiteral("check"), QStringLiteral("good"), QStringLiteral("--profile"),
             QStringLiteral("osbiz-v3,apple-tls,expiry"), QStringLiteral("--private"),
             QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("errors")).toInt(), 0);
    QVERIFY(report.value(QStringLiteral("passed")).toBool());
}

QTEST_GUILESS_MAIN(TestStoreCli)
#include "TestStoreCli.moc"
