// certdesk-cli convert and match against files made by the openssl CLI: PKCS#12 (modern and
// -legacy) split into NAME.crt + NAME.key, PEM <-> DER round trips byte-equal to openssl's own
// conversions, certificate + key joined into p12 / p12-compat that openssl reads, and match
// for files that do and do not belong together.

#include "CliTestSupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kPassphrase = "correct horse battery";
const QByteArray kOutPassphrase = "Out-Passphrase-9";

// The PEM blocks of a file, each normalised to "-----BEGIN…-----\n<base64>\n-----END…-----".
QStringList pemBlocks(const QByteArray& pem)
{
    static const QRegularExpression re(
        u"-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----"_s);
    QStringList blocks;
    auto it = re.globalMatch(QString::fromLatin1(pem));
    while (it.hasNext()) {
        const auto m = it.next();
        QString body = m.captured(2);
        body.remove(QRegularExpression(u"\\s"_s));
        blocks << m.captured(1) + QLatin1Char(':') + body;
    }
    return blocks;
}

} // namespace

class TestCliConvert : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void splitPkcs12_data();
    void splitPkcs12();
    void splitUnencryptedKey();
    void pemDerRoundTrip_data();
    void pemDerRoundTrip();
    void keyToEncryptedDer();
    void joinToPkcs12_data();
    void joinToPkcs12();
    void legacyPkcs12IsShown();
    void legacyPkcs12ConvertsToModern();
    void match_data();
    void match();

private:
    QString in(const QString& name) const { return m_tmp.filePath(name); }
    QString outFile(const QString& name) const { return QDir(m_out).filePath(name); }
    static QString modulus(const QStringList& args)
    {
        const RunResult r = openssl(args + QStringList{u"-noout"_s, u"-modulus"_s});
        return r.ok() ? keyValues(r.stdOut()).value(u"Modulus"_s) : QString();
    }
    static QString sha256(const QString& certFile)
    {
        const RunResult r =
            openssl({u"x509"_s, u"-in"_s, certFile, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
        return r.ok() ? r.stdOut().trimmed().section(QLatin1Char('='), 1) : QString();
    }
    bool makeInputs();

    QTemporaryDir m_tmp;
    QString m_out; // a fresh, empty folder per test
    int m_outCount = 0;
    QString m_pass, m_outPass, m_leafModulus;
};

bool TestCliConvert::makeInputs()
{
    const QString passin = u"file:"_s + m_pass;
    const auto step = [](const RunResult& r) {
        if (!r.ok())
            qWarning().noquote() << r.describe();
        return r.ok();
    };
    return writeFile(in(u"leaf.ext"_s), "basicConstraints=critical,CA:FALSE\n"
                                        "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                        "extendedKeyUsage=serverAuth\n"
                                        "subjectAltName=DNS:leaf.example.com,IP:192.0.2.44\n") &&
           step(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                         u"-keyout"_s, in(u"ca.key"_s), u"-out"_s, in(u"ca.crt"_s), u"-subj"_s,
                         u"/C=DE/O=OpenSSL Made/CN=OpenSSL Test CA"_s, u"-days"_s, u"400"_s,
                         u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s})) &&
           step(openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                         u"-keyout"_s, in(u"leaf.key"_s), u"-out"_s, in(u"leaf.csr"_s), u"-subj"_s,
                         u"/C=DE/O=OpenSSL Made/CN=leaf.example.com"_s})) &&
           step(openssl({u"x509"_s, u"-req"_s, u"-in"_s, in(u"leaf.csr"_s), u"-CA"_s,
                         in(u"ca.crt"_s), u"-CAkey"_s, in(u"ca.key"_s), u"-set_serial"_s, u"4242"_s,
                         u"-days"_s, u"90"_s, u"-sha256"_s, u"-extfile"_s, in(u"leaf.ext"_s),
                         u"-out"_s, in(u"leaf.crt"_s)})) &&
           step(openssl({u"pkey"_s, u"-in"_s, in(u"leaf.key"_s), u"-aes256"_s, u"-passout"_s,
                         passin, u"-out"_s, in(u"leaf-enc.key"_s)})) &&
           step(openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                         u"-keyout"_s, in(u"other.key"_s), u"-out"_s, in(u"other.csr"_s),
                         u"-subj"_s, u"/CN=other.example.com"_s})) &&
           writeFile(in(u"chain.pem"_s), readFile(in(u"leaf.crt"_s)) + readFile(in(u"ca.crt"_s))) &&
           step(openssl({u"pkcs12"_s, u"-export"_s, u"-in"_s, in(u"leaf.crt"_s), u"-inkey"_s,
                         in(u"leaf.key"_s), u"-certfile"_s, in(u"ca.crt"_s), u"-name"_s, u"leaf"_s,
                         u"-passout"_s, passin, u"-out"_s, in(u"leaf.p12"_s)})) &&
           step(
               openssl({u"pkcs12"_s, u"-export"_s, u"-legacy"_s, u"-in"_s, in(u"leaf.crt"_s),
                        u"-inkey"_s, in(u"leaf.key"_s), u"-certfile"_s, in(u"ca.crt"_s), u"-name"_s,
                        u"leaf"_s, u"-passout"_s, passin, u"-out"_s, in(u"legacy.p12"_s)}));
}

void TestCliConvert::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(),
             qPrintable(u"CERTDESK_CLI does not name an executable: '%1'"_s.arg(cliPath())));
    QVERIFY2(!opensslPath().isEmpty(), "the openssl CLI is not on PATH");
    QVERIFY(m_tmp.isValid());
    m_pass = in(u"pass.txt"_s);
    m_outPass = in(u"out-pass.txt"_s);
    QVERIFY(writeFile(m_pass, kPassphrase + '\n'));
    QVERIFY(writeFile(m_outPass, kOutPassphrase + '\n'));
    QVERIFY2(makeInputs(), "openssl could not make the input files");
    // The legacy file really is legacy: openssl 3 needs -legacy to read it.
    const RunResult legacy =
        openssl({u"pkcs12"_s, u"-in"_s, in(u"legacy.p12"_s), u"-info"_s, u"-noout"_s, u"-passin"_s,
                 u"file:"_s + m_pass, u"-legacy"_s});
    QVERIFY2(legacy.ok() && legacy.both().contains(u"RC2"_s), legacy.describeUtf8().constData());
    m_leafModulus = modulus({u"x509"_s, u"-in"_s, in(u"leaf.crt"_s)});
    QVERIFY(!m_leafModulus.isEmpty());
}

void TestCliConvert::init()
{
    m_out = m_tmp.filePath(u"out-%1"_s.arg(++m_outCount));
    QVERIFY(QDir().mkpath(m_out));
}

void TestCliConvert::splitPkcs12_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("modern p12 (openssl default)") << u"leaf.p12"_s;
    QTest::newRow("legacy p12 (openssl -legacy, RC2/3DES)") << u"legacy.p12"_s;
}

void TestCliConvert::splitPkcs12()
{
    QFETCH(QString, input);
    const RunResult r =
        cli({u"convert"_s, in(input), u"--passphrase-file"_s, m_pass, u"--split"_s, u"--name"_s,
             u"site"_s, u"--out-dir"_s, m_out, u"--out-passphrase-file"_s, m_outPass});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    QCOMPARE(listDir(m_out), QStringList({u"site.crt"_s, u"site.key"_s}));

    // NAME.crt: the leaf, then the CA: the very certificates openssl put in.
    QCOMPARE(pemBlocks(readFile(outFile(u"site.crt"_s))),
             pemBlocks(readFile(in(u"leaf.crt"_s)) + readFile(in(u"ca.crt"_s))));
    QCOMPARE(sha256(outFile(u"site.crt"_s)), sha256(in(u"leaf.crt"_s)));

    // NAME.key: encrypted with the new passphrase, the leaf's key.
    const QByteArray key = readFile(outFile(u"site.key"_s));
    QVERIFY2(key.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), key.left(60).constData());
    QCOMPARE(
        modulus({u"rsa"_s, u"-in"_s, outFile(u"site.key"_s), u"-passin"_s, u"file:"_s + m_outPass}),
        m_leafModulus);
    const RunResult oldPass = openssl({u"pkey"_s, u"-in"_s, outFile(u"site.key"_s), u"-passin"_s,
                                       u"file:"_s + m_pass, u"-noout"_s});
    QVERIFY2(!oldPass.ok(), "site.key opens with the input's passphrase, not only the new one");
}

void TestCliConvert::splitUnencryptedKey()
{
    const RunResult r = cli({u"convert"_s, in(u"leaf.p12"_s), u"--passphrase-file"_s, m_pass,
                             u"--split"_s, u"--out-dir"_s, m_out, u"--no-encrypt-key"_s});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    // Default name: the input's base name.
    QCOMPARE(listDir(m_out), QStringList({u"leaf.crt"_s, u"leaf.key"_s}));
    const QByteArray key = readFile(outFile(u"leaf.key"_s));
    QVERIFY2(key.startsWith("-----BEGIN PRIVATE KEY-----"), key.left(60).constData());
    QCOMPARE(modulus({u"rsa"_s, u"-in"_s, outFile(u"leaf.key"_s)}), m_leafModulus);
}

void TestCliConvert::pemDerRoundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("command"); // openssl's command for this kind of object
    QTest::newRow("certificate") << u"leaf.crt"_s << u"x509"_s;
    QTest::newRow("CA certificate") << u"ca.crt"_s << u"x509"_s;
    QTest::newRow("CSR") << u"leaf.csr"_s << u"req"_s;
}

void TestCliConvert::pemDerRoundTrip()
{
    QFETCH(QString, input);
    QFETCH(QString, command);

    // openssl's conversions, for reference.
    const QString refDer = outFile(u"ref.der"_s);
    const QString refPem = outFile(u"ref.pem"_s);
    QVERIFY(
        openssl({command, u"-in"_s, in(input), u"-outform"_s, u"DER"_s, u"-out"_s, refDer}).ok());
    QVERIFY(openssl({command, u"-in"_s, refDer, u"-inform"_s, u"DER"_s, u"-outform"_s, u"PEM"_s,
                     u"-out"_s, refPem})
                .ok());

    const QString der = outFile(u"cd.der"_s);
    const RunResult toDer = cli({u"convert"_s, in(input), u"--to"_s, u"der"_s, u"--out"_s, der});
    QVERIFY2(toDer.ok(), toDer.describeUtf8().constData());
    QVERIFY(!readFile(der).isEmpty());
    QVERIFY2(readFile(der) == readFile(refDer), "PEM -> DER differs from openssl's DER");

    const QString pem = outFile(u"cd.pem"_s);
    const RunResult toPem = cli({u"convert"_s, der, u"--to"_s, u"pem"_s, u"--out"_s, pem});
    QVERIFY2(toPem.ok(), toPem.describeUtf8().constData());
    QCOMPARE(readFile(pem), readFile(refPem));
    QCOMPARE(readFile(pem), readFile(in(input))); // the full round trip is lossless
}

void TestCliConvert::keyToEncryptedDer()
{
    const QString der = outFile(u"key.der"_s);
    const RunResult r =
        cli({u"convert"_s, in(u"leaf-enc.key"_s), u"--passphrase-file"_s, m_pass, u"--to"_s,
             u"der"_s, u"--out"_s, der, u"--out-passphrase-file"_s, m_outPass});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    QCOMPARE(modulus({u"rsa"_s, u"-in"_s, der, u"-inform"_s, u"DER"_s, u"-passin"_s,
                      u"file:"_s + m_outPass}),
             m_leafModulus);
    const RunResult parsed = openssl({u"asn1parse"_s, u"-in"_s, der, u"-inform"_s, u"DER"_s});
    QVERIFY2(parsed.ok() && parsed.stdOut().contains(u"PBES2"_s),
             parsed.describeUtf8().constData());
}

void TestCliConvert::joinToPkcs12_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("unexpected");
    QTest::newRow("p12") << u"p12"_s << QStringList{u"AES-256-CBC"_s, u"PBKDF2"_s, u"MAC: sha256"_s}
                         << QStringList{u"TripleDES"_s, u"RC2"_s, u"MAC: sha1"_s};
    QTest::newRow("p12-compat") << u"p12-compat"_s
                                << QStringList{u"pbeWithSHA1And3-KeyTripleDES-CBC"_s,
                                               u"MAC: sha1"_s}
                                << QStringList{u"AES"_s, u"RC2"_s, u"MAC: sha256"_s};
}

void TestCliConvert::joinToPkcs12()
{
    QFETCH(QString, format);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);

    const QString p12 = outFile(u"joined.p12"_s);
    const RunResult r = cli({u"convert"_s, in(u"chain.pem"_s), u"--key"_s, in(u"leaf-enc.key"_s),
                             u"--key-passphrase-file"_s, m_pass, u"--to"_s, format, u"--out"_s, p12,
                             u"--out-passphrase-file"_s, m_outPass});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    QCOMPARE(listDir(m_out), QStringList{u"joined.p12"_s});

    const QString passin = u"file:"_s + m_outPass;
    const RunResult info =
        openssl({u"pkcs12"_s, u"-in"_s, p12, u"-info"_s, u"-noout"_s, u"-passin"_s, passin});
    QVERIFY2(info.ok(), info.describeUtf8().constData());
    for (const QString& word : expected)
        QVERIFY2(info.both().contains(word), qPrintable(word + info.describe()));
    for (const QString& word : unexpected)
        QVERIFY2(!info.both().contains(word), qPrintable(word + info.describe()));

    const QString leaf = outFile(u"leaf.pem"_s);
    const QString cas = outFile(u"cas.pem"_s);
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-clcerts"_s, u"-nokeys"_s, u"-passin"_s, passin,
                     u"-out"_s, leaf})
                .ok());
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-cacerts"_s, u"-nokeys"_s, u"-passin"_s, passin,
                     u"-out"_s, cas})
                .ok());
    QCOMPARE(sha256(leaf), sha256(in(u"leaf.crt"_s)));
    QCOMPARE(sha256(cas), sha256(in(u"ca.crt"_s)));
    const QString key = outFile(u"key.pem"_s);
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-nocerts"_s, u"-nodes"_s, u"-passin"_s, passin,
                     u"-out"_s, key})
                .ok());
    QCOMPARE(modulus({u"rsa"_s, u"-in"_s, key}), m_leafModulus);
}

void TestCliConvert::legacyPkcs12IsShown()
{
    const RunResult r =
        cli({u"show"_s, u"--json"_s, u"--passphrase-file"_s, m_pass, in(u"legacy.p12"_s)});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    const QJsonObject root = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(root.value(u"container"_s).toString().contains(u"PKCS#12"_s),
             r.describeUtf8().constData());
    QCOMPARE(countObjects(root, u"certificate"_s), 2);
    QCOMPARE(countObjects(root, u"privateKey"_s), 1);
    const QJsonObject leaf = firstObject(root, u"certificate"_s);
    QCOMPARE(leaf.value(u"fingerprintSha256"_s).toString(), sha256(in(u"leaf.crt"_s)));
    QCOMPARE(leaf.value(u"serialNumber"_s).toString(), u"4242"_s);
    QCOMPARE(leaf.value(u"publicKey"_s).toString(), m_leafModulus);
    QCOMPARE(firstObject(root, u"certificate"_s, 1).value(u"fingerprintSha256"_s).toString(),
             sha256(in(u"ca.crt"_s)));
    QCOMPARE(firstObject(root, u"privateKey"_s).value(u"publicKey"_s).toString(), m_leafModulus);

    // fingerprint reads it too.
    const RunResult fp =
        cli({u"fingerprint"_s, u"--passphrase-file"_s, m_pass, in(u"legacy.p12"_s)});
    QVERIFY2(fp.ok(), fp.describeUtf8().constData());
    QVERIFY2(fp.stdOut().startsWith(u"SHA256 Fingerprint="_s + sha256(in(u"leaf.crt"_s))),
             fp.describeUtf8().constData());
}

void TestCliConvert::legacyPkcs12ConvertsToModern()
{
    const QString p12 = outFile(u"modern.p12"_s);
    const RunResult r =
        cli({u"convert"_s, in(u"legacy.p12"_s), u"--passphrase-file"_s, m_pass, u"--to"_s, u"p12"_s,
             u"--out"_s, p12, u"--out-passphrase-file"_s, m_outPass});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    // Readable by openssl 3 without -legacy now.
    const RunResult info = openssl({u"pkcs12"_s, u"-in"_s, p12, u"-info"_s, u"-noout"_s,
                                    u"-passin"_s, u"file:"_s + m_outPass});
    QVERIFY2(info.ok(), info.describeUtf8().constData());
    QVERIFY2(info.both().contains(u"AES-256-CBC"_s) && !info.both().contains(u"RC2"_s),
             info.describeUtf8().constData());
    const QString leaf = outFile(u"leaf.pem"_s);
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-clcerts"_s, u"-nokeys"_s, u"-passin"_s,
                     u"file:"_s + m_outPass, u"-out"_s, leaf})
                .ok());
    QCOMPARE(sha256(leaf), sha256(in(u"leaf.crt"_s)));
}

void TestCliConvert::match_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<bool>("withPassphrase");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("odd"); // the file named as not matching

    QTest::newRow("key + cert + csr")
        << QStringList{u"leaf.key"_s, u"leaf.crt"_s, u"leaf.csr"_s} << false << 0 << QString();
    QTest::newRow("encrypted key + p12 + chain")
        << QStringList{u"leaf-enc.key"_s, u"leaf.p12"_s, u"chain.pem"_s} << true << 0 << QString();
    QTest::newRow("legacy p12 + csr")
        << QStringList{u"legacy.p12"_s, u"leaf.csr"_s} << true << 0 << QString();
    QTest::newRow("other key vs cert")
        << QStringList{u"leaf.crt"_s, u"other.key"_s} << false << 1 << u"other.key"_s;
    QTest::newRow("cert + key + other csr")
        << QStringList{u"leaf.crt"_s, u"leaf.key"_s, u"other.csr"_s} << false << 1
        << u"other.csr"_s;
    QTest::newRow("CA cert vs leaf key")
        << QStringList{u"leaf.key"_s, u"ca.crt"_s} << false << 1 << u"ca.crt"_s;
}

void TestCliConvert::match()
{
    QFETCH(QStringList, files);
    QFETCH(bool, withPassphrase);
    QFETCH(int, exitCode);
    QFETCH(QString, odd);

    QStringList args{u"match"_s};
    if (withPassphrase)
        args << u"--passphrase-file"_s << m_pass;
    for (const QString& f : files)
        args << in(f);
    const RunResult r = cli(args);
    QVERIFY2(!r.crashed && !r.timedOut, r.describeUtf8().constData());
    QVERIFY2(r.exitCode == exitCode, r.describeUtf8().constData());
    if (exitCode == 0) {
        QVERIFY2(r.stdErr().trimmed().isEmpty(), r.describeUtf8().constData());
        return;
    }
    const QStringList err = lines(r.stdErr());
    QVERIFY2(!err.isEmpty(), r.describeUtf8().constData());
    QVERIFY2(err.first().contains(u"match"_s, Qt::CaseInsensitive), r.describeUtf8().constData());
    QVERIFY2(err.first().contains(odd), r.describeUtf8().constData());
}

QTEST_GUILESS_MAIN(TestCliConvert)
#include "TestCliConvert.moc"
