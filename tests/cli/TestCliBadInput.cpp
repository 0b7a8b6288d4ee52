// certdesk-cli with bad input: every case must end with a clear error on stderr that names the
// problem, exit code 1 (the operation failed) or 2 (the command line is wrong), and no file
// left behind. Passphrases can only come from files or the environment; --help works on every
// verb.

#include "CliTestSupport.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kPassphrase = "correct horse battery";
const QByteArray kWrongPassphrase = "wrong horse battery";

const QStringList kVerbs = {u"csr"_s,  u"self-signed"_s, u"ca"_s,    u"issue"_s,
                            u"show"_s, u"convert"_s,     u"match"_s, u"fingerprint"_s};

} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void failsCleanly_data();
    void failsCleanly();
    void existingFileIsKeptWithoutForce();
    void topLevelHelpListsEveryVerb();
    void helpOnEveryVerb_data();
    void helpOnEveryVerb();

private:
    QString in(const QString& name) const { return m_tmp.filePath(u"in/"_s + name); }
    bool makeInputs();

    QTemporaryDir m_tmp;
    int m_outCount = 0;
};

bool TestCliBadInput::makeInputs()
{
    const auto step = [](const RunResult& r) {
        if (!r.ok())
            qWarning().noquote() << r.describe();
        return r.ok();
    };
    const QString passin = u"file:"_s + in(u"pass.txt"_s);

    // Passphrase files: the right one, a wrong one, too short (6), too long (33), empty.
    if (!writeFile(in(u"pass.txt"_s), kPassphrase + '\n') ||
        !writeFile(in(u"wrong-pass.txt"_s), kWrongPassphrase + '\n') ||
        !writeFile(in(u"pass6.txt"_s), "abcdef\n") ||
        !writeFile(in(u"pass33.txt"_s), QByteArray(33, 'x') + '\n') ||
        !writeFile(in(u"pass-empty.txt"_s), "\n") ||
        // Characters, not bytes, count: 6 umlauts are 12 bytes, 33 are 66.
        !writeFile(in(u"pass6u.txt"_s), QString(6, QChar(0x00F6)).toUtf8() + '\n') ||
        !writeFile(in(u"pass33u.txt"_s), QString(33, QChar(0x00F6)).toUtf8() + '\n'))
        return false;

    if (!step(openssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-keyout"_s,
                       in(u"ca.key"_s), u"-passout"_s, passin, u"-out"_s, in(u"ca.crt"_s),
                       u"-subj"_s, u"/C=DE/CN=Bad Input Test CA"_s, u"-days"_s, u"400"_s,
                       u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s})) ||
        !step(openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                       in(u"leaf.key"_s), u"-out"_s, in(u"leaf.csr"_s), u"-subj"_s,
                       u"/CN=leaf.example.com"_s})) ||
        !step(openssl({u"x509"_s, u"-req"_s, u"-in"_s, in(u"leaf.csr"_s), u"-CA"_s, in(u"ca.crt"_s),
                       u"-CAkey"_s, in(u"ca.key"_s), u"-passin"_s, passin, u"-set_serial"_s,
                       u"99"_s, u"-days"_s, u"30"_s, u"-out"_s, in(u"leaf.crt"_s)})) ||
        !step(openssl({u"genpkey"_s, u"-algorithm"_s, u"RSA"_s, u"-pkeyopt"_s,
                       u"rsa_keygen_bits:2048"_s, u"-out"_s, in(u"other.key"_s)})) ||
        !step(openssl({u"pkey"_s, u"-in"_s, in(u"leaf.key"_s), u"-aes256"_s, u"-passout"_s, passin,
                       u"-out"_s, in(u"leaf-enc.key"_s)})) ||
        !step(openssl({u"pkcs12"_s, u"-export"_s, u"-in"_s, in(u"leaf.crt"_s), u"-inkey"_s,
                       in(u"leaf.key"_s), u"-passout"_s, passin, u"-out"_s, in(u"leaf.p12"_s)})) ||
        !step(openssl({u"x509"_s, u"-in"_s, in(u"leaf.crt"_s), u"-outform"_s, u"DER"_s, u"-out"_s,
                       in(u"leaf.der"_s)})))
        return false;

    // Broken files: empty, random bytes, text that is no PEM, half a DER certificate.
    const QByteArray der = readFile(in(u"leaf.der"_s));
    QByteArray random(2048, Qt::Uninitialized);
    QRandomGenerator generator(20260127); // fixed seed: the same garbage every run
    for (char& c : random)
        c = static_cast<char>(generator.bounded(256));
    random[0] = 'G'; // not 0x30: no DER SEQUENCE by accident
    return der.size() > 500 && writeFile(in(u"blank.pem"_s), QByteArray()) &&
           writeFile(in(u"blank.csr"_s), QByteArray()) && writeFile(in(u"garbage.bin"_s), random) &&
           writeFile(in(u"garbage.pem"_s), "This is not a certificate.\nJust some notes.\n") &&
           writeFile(in(u"half.der"_s), der.left(der.size() / 2)) &&
           writeFile(in(u"half.crt"_s), der.left(der.size() / 2)) &&
           writeFile(in(u"half.pem"_s), readFile(in(u"leaf.crt"_s)).left(700));
}

void TestCliBadInput::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(),
             qPrintable(u"CERTDESK_CLI does not name an executable: '%1'"_s.arg(cliPath())));
    QVERIFY2(!opensslPath().isEmpty(), "the openssl CLI is not on PATH");
    QVERIFY(m_tmp.isValid());
    QVERIFY(QDir(m_tmp.path()).mkpath(u"in"_s));
    QVERIFY2(makeInputs(), "openssl could not make the input files");
}

void TestCliBadInput::failsCleanly_data()
{
    // "@in/x" is an input file, "@out" the (empty) output folder, which is also the working
    // folder. `words`: each must appear in the first line of stderr (case-insensitive; "a|b"
    // means either). The folder must still be empty afterwards.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("words");

    const QStringList newCsr{u"csr"_s,           u"--name"_s,          u"req"_s,
                             u"--common-name"_s, u"pbx.example.com"_s, u"--out-dir"_s,
                             u"@out"_s};
    const QStringList newSelfSigned{u"self-signed"_s,   u"--name"_s,          u"pbx"_s,
                                    u"--common-name"_s, u"pbx.example.com"_s, u"--out-dir"_s,
                                    u"@out"_s};
    const QStringList issue{u"issue"_s,
                            u"--name"_s,
                            u"srv"_s,
                            u"--common-name"_s,
                            u"srv.example.com"_s,
                            u"--ca-cert"_s,
                            u"@in/ca.crt"_s,
                            u"--ca-key"_s,
                            u"@in/ca.key"_s,
                            u"--ca-passphrase-file"_s,
                            u"@in/pass.txt"_s,
                            u"--out-dir"_s,
                            u"@out"_s};
    const QStringList good{u"--passphrase-file"_s, u"@in/pass.txt"_s};
    const QStringList toDer{u"--to"_s, u"der"_s, u"--out"_s, u"@out/out.der"_s};

    // Files that hold nothing usable.
    QTest::newRow("show: empty file") << QStringList{u"show"_s, u"@in/blank.pem"_s} << 1
                                      << QStringList{u"empty"_s, u"blank.pem"_s};
    QTest::newRow("fingerprint: empty file")
        << QStringList{u"fingerprint"_s, u"@in/blank.pem"_s} << 1 << QStringList{u"empty"_s};
    QTest::newRow("convert: empty file")
        << QStringList{u"convert"_s, u"@in/blank.pem"_s} + toDer << 1 << QStringList{u"empty"_s};
    QTest::newRow("match: empty file")
        << QStringList{u"match"_s, u"@in/leaf.crt"_s, u"@in/blank.pem"_s} << 1
        << QStringList{u"empty"_s, u"blank.pem"_s};
    QTest::newRow("issue --csr: empty CSR")
        << QStringList{u"issue"_s,         u"--name"_s,
                       u"ext"_s,           u"--csr"_s,
                       u"@in/blank.csr"_s, u"--ca-cert"_s,
                       u"@in/ca.crt"_s,    u"--ca-key"_s,
                       u"@in/ca.key"_s,    u"--ca-passphrase-file"_s,
                       u"@in/pass.txt"_s,  u"--out-dir"_s,
                       u"@out"_s}
        << 1 << QStringList{u"empty"_s};
    QTest::newRow("show: random bytes")
        << QStringList{u"show"_s, u"@in/garbage.bin"_s} << 1
        << QStringList{u"garbage.bin"_s, u"not a certificate|unrecogni|unknown format"_s};
    QTest::newRow("show: text that is no PEM")
        << QStringList{u"show"_s, u"@in/garbage.pem"_s} << 1
        << QStringList{u"garbage.pem"_s, u"not a certificate|unrecogni|unknown format"_s};
    QTest::newRow("convert: random bytes")
        << QStringList{u"convert"_s, u"@in/garbage.bin"_s} + toDer << 1
        << QStringList{u"garbage.bin"_s};
    QTest::newRow("show: truncated DER")
        << QStringList{u"show"_s, u"@in/half.der"_s} << 1
        << QStringList{u"half.der"_s, u"truncated|incomplete|damaged|corrupt|cut off"_s};
    QTest::newRow("show: half a PEM certificate")
        << QStringList{u"show"_s, u"@in/half.pem"_s} << 1
        << QStringList{u"half.pem"_s, u"damaged|truncated|incomplete"_s, u"END"_s};
    QTest::newRow("convert: truncated DER")
        << QStringList{u"convert"_s, u"@in/half.der"_s, u"--to"_s,
                       u"pem"_s,     u"--out"_s,        u"@out/out.pem"_s}
        << 1 << QStringList{u"truncated|incomplete|damaged|corrupt|cut off"_s};
    QTest::newRow("issue: truncated CA certificate")
        << QStringList{u"issue"_s,
                       u"--name"_s,
                       u"srv"_s,
                       u"--common-name"_s,
                       u"srv.example.com"_s,
                       u"--ca-cert"_s,
                       u"@in/half.crt"_s,
                       u"--ca-key"_s,
                       u"@in/ca.key"_s,
                       u"--ca-passphrase-file"_s,
                       u"@in/pass.txt"_s,
                       u"--out-dir"_s,
                       u"@out"_s} +
               good
        << 1 << QStringList{u"half.crt"_s, u"truncated|incomplete|damaged|corrupt|cut off"_s};

    // Wrong passphrases.
    QTest::newRow("show: p12, wrong passphrase")
        << QStringList{u"show"_s, u"--passphrase-file"_s, u"@in/wrong-pass.txt"_s,
                       u"@in/leaf.p12"_s}
        << 1 << QStringList{u"passphrase"_s};
    QTest::newRow("show: encrypted key, wrong passphrase")
        << QStringList{u"show"_s, u"--passphrase-file"_s, u"@in/wrong-pass.txt"_s,
                       u"@in/leaf-enc.key"_s}
        << 1 << QStringList{u"passphrase"_s};
    QTest::newRow("convert --split: p12, wrong passphrase")
        << QStringList{u"convert"_s,
                       u"@in/leaf.p12"_s,
                       u"--passphrase-file"_s,
                       u"@in/wrong-pass.txt"_s,
                       u"--split"_s,
                       u"--out-dir"_s,
                       u"@out"_s,
                       u"--out-passphrase-file"_s,
                       u"@in/pass.txt"_s}
        << 1 << QStringList{u"passphrase"_s};
    QTest::newRow("convert --key: encrypted key, wrong passphrase")
        << QStringList{u"convert"_s,
                       u"@in/leaf.crt"_s,
                       u"--key"_s,
                       u"@in/leaf-enc.key"_s,
                       u"--key-passphrase-file"_s,
                       u"@in/wrong-pass.txt"_s,
                       u"--to"_s,
                       u"p12"_s,
                       u"--out"_s,
                       u"@out/x.p12"_s,
                       u"--out-passphrase-file"_s,
                       u"@in/pass.txt"_s}
        << 1 << QStringList{u"passphrase"_s};
    QTest::newRow("issue: CA key, wrong passphrase") << QStringList{u"issue"_s,
                                                                    u"--name"_s,
                                                                    u"srv"_s,
                                                                    u"--common-name"_s,
                                                                    u"srv.example.com"_s,
                                                                    u"--ca-cert"_s,
                                                                    u"@in/ca.crt"_s,
                                                                    u"--ca-key"_s,
                                                                    u"@in/ca.key"_s,
                                                                    u"--ca-passphrase-file"_s,
                                                                    u"@in/wrong-pass.txt"_s,
                                                                    u"--out-dir"_s,
                                                                    u"@out"_s} +
                                                            good
                                                     << 1 << QStringList{u"passphrase"_s};

    // Passphrases the Admin Portal refuses: 7 to 32 characters.
    for (const QString& file :
         {u"pass6.txt"_s, u"pass33.txt"_s, u"pass6u.txt"_s, u"pass33u.txt"_s}) {
        const QStringList pass{u"--passphrase-file"_s, u"@in/"_s + file};
        const QStringList words{u"passphrase"_s, u"7 to 32"_s};
        QTest::addRow("csr: passphrase from %s", qPrintable(file)) << newCsr + pass << 2 << words;
        QTest::addRow("self-signed: passphrase from %s", qPrintable(file))
            << newSelfSigned + pass << 2 << words;
        QTest::addRow("issue: passphrase from %s", qPrintable(file)) << issue + pass << 2 << words;
        QTest::addRow("convert: out passphrase from %s", qPrintable(file))
            << QStringList{u"convert"_s,      u"@in/leaf.crt"_s, u"--key"_s,
                           u"@in/leaf.key"_s, u"--to"_s,         u"p12"_s,
                           u"--out"_s,        u"@out/x.p12"_s,   u"--out-passphrase-file"_s,
                           u"@in/"_s + file}
            << 2 << words;
    }
    QTest::newRow("csr: empty passphrase file")
        << newCsr + QStringList{u"--passphrase-file"_s, u"@in/pass-empty.txt"_s} << 2
        << QStringList{u"passphrase"_s, u"empty"_s};
    QTest::newRow("csr: no passphrase at all") << newCsr << 2 << QStringList{u"passphrase"_s};
    QTest::newRow("csr: passphrase env not set")
        << newCsr + QStringList{u"--passphrase-env"_s, u"CERTDESK_TEST_UNSET_VARIABLE"_s} << 2
        << QStringList{u"CERTDESK_TEST_UNSET_VARIABLE"_s, u"not set"_s};

    // Key and certificate that do not belong together.
    QTest::newRow("match: key/cert mismatch")
        << QStringList{u"match"_s, u"@in/leaf.crt"_s, u"@in/other.key"_s} << 1
        << QStringList{u"match"_s, u"other.key"_s};
    QTest::newRow("convert --to p12 --key wrongkey")
        << QStringList{u"convert"_s,       u"@in/leaf.crt"_s, u"--key"_s,
                       u"@in/other.key"_s, u"--to"_s,         u"p12"_s,
                       u"--out"_s,         u"@out/x.p12"_s,   u"--out-passphrase-file"_s,
                       u"@in/pass.txt"_s}
        << 1 << QStringList{u"key"_s, u"match|belong"_s};
    QTest::newRow("convert --to p12-compat --key wrongkey")
        << QStringList{u"convert"_s,       u"@in/leaf.crt"_s, u"--key"_s,
                       u"@in/other.key"_s, u"--to"_s,         u"p12-compat"_s,
                       u"--out"_s,         u"@out/x.p12"_s,   u"--out-passphrase-file"_s,
                       u"@in/pass.txt"_s}
        << 1 << QStringList{u"key"_s, u"match|belong"_s};
    QTest::newRow("issue: CA key does not belong to the CA certificate")
        << QStringList{u"issue"_s,           u"--name"_s,    u"srv"_s,        u"--common-name"_s,
                       u"srv.example.com"_s, u"--ca-cert"_s, u"@in/ca.crt"_s, u"--ca-key"_s,
                       u"@in/other.key"_s,   u"--out-dir"_s, u"@out"_s} +
               good
        << 1 << QStringList{u"CA key"_s, u"belong|match"_s};

    // Subject, SAN and validity the PBX (or X.509) cannot take.
    const QStringList country{u"--country"_s, u"DEU"_s};
    QTest::newRow("csr: country DEU")
        << newCsr + country + good << 2 << QStringList{u"country"_s, u"DEU"_s};
    QTest::newRow("self-signed: country DEU")
        << newSelfSigned + country + good << 2 << QStringList{u"country"_s, u"DEU"_s};
    QTest::newRow("issue: country DEU")
        << issue + country + good << 2 << QStringList{u"country"_s, u"DEU"_s};
    const QStringList badIp{u"--san"_s, u"IP:999.1.1.1"_s};
    QTest::newRow("csr: SAN IP:999.1.1.1")
        << newCsr + badIp + good << 2 << QStringList{u"IP address"_s, u"999.1.1.1"_s};
    QTest::newRow("self-signed: SAN IP:999.1.1.1")
        << newSelfSigned + badIp + good << 2 << QStringList{u"IP address"_s, u"999.1.1.1"_s};
    QTest::newRow("csr: SAN IP:1.2.3") << newCsr + QStringList{u"--san"_s, u"IP:1.2.3"_s} + good
                                       << 2 << QStringList{u"IP address"_s, u"1.2.3"_s};
    const QStringList backwards{u"--not-before"_s, u"2026-06-01T00:00:00"_s, u"--not-after"_s,
                                u"2026-05-31T23:59:59"_s};
    QTest::newRow("self-signed: end before start")
        << newSelfSigned + backwards + good << 2 << QStringList{u"end"_s, u"start"_s};
    QTest::newRow("issue: end before start")
        << issue + backwards + good << 2 << QStringList{u"end"_s, u"start"_s};
    QTest::newRow("ca: end equals start")
        << QStringList{u"ca"_s,         u"--name"_s,       u"CA"_s,         u"--common-name"_s,
                       u"CA"_s,         u"--not-before"_s, u"2026-06-01"_s, u"--not-after"_s,
                       u"2026-06-01"_s, u"--out-dir"_s,    u"@out"_s} +
               good
        << 2 << QStringList{u"end"_s};
    QTest::newRow("self-signed: date that is no date")
        << newSelfSigned + QStringList{u"--not-after"_s, u"31.12.2026"_s} + good << 2
        << QStringList{u"31.12.2026"_s, u"GMT|YYYY"_s};

    // A passphrase as a plain argument does not exist.
    QTest::newRow("csr --passphrase secret")
        << newCsr + QStringList{u"--passphrase"_s, u"secret-passphrase"_s} << 2
        << QStringList{u"passphrase"_s, u"unknown"_s};
    QTest::newRow("issue --passphrase=secret")
        << issue + QStringList{u"--passphrase=secret-passphrase"_s} << 2
        << QStringList{u"passphrase"_s, u"unknown"_s};
    QTest::newRow("show -passphrase secret")
        << QStringList{u"show"_s, u"-passphrase"_s, u"secret-passphrase"_s, u"@in/leaf.p12"_s} << 2
        << QStringList{u"passphrase"_s, u"unknown"_s};
    QTest::newRow("convert --out-passphrase secret")
        << QStringList{u"convert"_s,      u"@in/leaf.p12"_s,     u"--passphrase-file"_s,
                       u"@in/pass.txt"_s, u"--split"_s,          u"--out-dir"_s,
                       u"@out"_s,         u"--out-passphrase"_s, u"secret-passphrase"_s}
        << 2 << QStringList{u"passphrase"_s, u"unknown"_s};
    QTest::newRow("unknown verb") << QStringList{u"generate"_s} << 2
                                  << QStringList{u"generate"_s, u"verb"_s};
}

void TestCliBadInput::failsCleanly()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, words);

    const QString out = m_tmp.filePath(u"out-%1"_s.arg(++m_outCount));
    QVERIFY(QDir().mkpath(out));
    for (QString& a : args) {
        a.replace(u"@in/"_s, m_tmp.filePath(u"in/"_s));
        a.replace(u"@out"_s, out);
    }
    const RunResult r = cli(args, out);
    QVERIFY2(!r.crashed && !r.timedOut, r.describeUtf8().constData());
    QVERIFY2(r.exitCode == exitCode,
             qPrintable(u"expected exit code %1"_s.arg(exitCode) + r.describe()));

    // One line naming the problem; at most a pointer to --help after it.
    const QStringList err = lines(r.stdErr());
    QVERIFY2(!err.isEmpty(), r.describeUtf8().constData());
    QVERIFY2(err.size() <= 2, qPrintable(u"more than one error line"_s + r.describe()));
    if (err.size() == 2)
        QVERIFY2(err.at(1).contains(u"--help"_s), r.describeUtf8().constData());
    QVERIFY2(err.first().startsWith(u"certdesk-cli"_s), r.describeUtf8().constData());
    // Paths do not count: the words must come from the message itself.
    QString message = err.first();
    message.replace(m_tmp.path(), u"<tmp>"_s);
    for (const QString& word : words) {
        bool found = false;
        for (const QString& alternative : word.split(QLatin1Char('|')))
            found = found || message.contains(alternative, Qt::CaseInsensitive);
        QVERIFY2(found, qPrintable(u"the error does not say \"%1\""_s.arg(word) + r.describe()));
    }
    // No OpenSSL error-queue dumps, no secrets echoed.
    QVERIFY2(!r.stdErr().contains(u":error:"_s), r.describeUtf8().constData());
    for (const QByteArray& secret :
         {kPassphrase, kWrongPassphrase, QByteArray("secret-passphrase")})
        QVERIFY2(!r.err.contains(secret) && !r.out.contains(secret), r.describeUtf8().constData());
    QVERIFY2(!r.stdOut().contains(u"Wrote"_s), r.describeUtf8().constData());

    // Nothing written, not even a temporary file.
    QVERIFY2(listDir(out).isEmpty(),
             qPrintable(u"left behind: "_s + listDir(out).join(u", "_s) + r.describe()));
}

void TestCliBadInput::existingFileIsKeptWithoutForce()
{
    // convert --split into a folder that already has NAME.crt: no file is replaced or added.
    const QString out = m_tmp.filePath(u"out-existing"_s);
    QVERIFY(QDir().mkpath(out));
    const QByteArray before = "do not overwrite me\n";
    QVERIFY(writeFile(QDir(out).filePath(u"site.crt"_s), before));
    const RunResult r = cli({u"convert"_s, in(u"leaf.p12"_s), u"--passphrase-file"_s,
                             in(u"pass.txt"_s), u"--split"_s, u"--name"_s, u"site"_s,
                             u"--out-dir"_s, out, u"--out-passphrase-file"_s, in(u"pass.txt"_s)},
                            out);
    QVERIFY2(r.exitCode == 1, r.describeUtf8().constData());
    QVERIFY2(r.stdErr().contains(u"site.crt"_s) && r.stdErr().contains(u"already exists"_s),
             r.describeUtf8().constData());
    QCOMPARE(listDir(out), QStringList{u"site.crt"_s});
    QCOMPARE(readFile(QDir(out).filePath(u"site.crt"_s)), before);

    // csr writes NAME.csr and key_csr.pem together or not at all.
    const QString csrOut = m_tmp.filePath(u"out-existing-key"_s);
    QVERIFY(QDir().mkpath(csrOut));
    QVERIFY(writeFile(QDir(csrOut).filePath(u"key_csr.pem"_s), before));
    const RunResult csr =
        cli({u"csr"_s, u"--name"_s, u"req"_s, u"--common-name"_s, u"pbx.example.com"_s,
             u"--passphrase-file"_s, in(u"pass.txt"_s), u"--out-dir"_s, csrOut},
            csrOut);
    QVERIFY2(csr.exitCode == 1, csr.describeUtf8().constData());
    QVERIFY2(csr.stdErr().contains(u"key_csr.pem"_s) && csr.stdErr().contains(u"already exists"_s),
             csr.describeUtf8().constData());
    QCOMPARE(listDir(csrOut), QStringList{u"key_csr.pem"_s});
    QCOMPARE(readFile(QDir(csrOut).filePath(u"key_csr.pem"_s)), before);

    // With --force both are written.
    const RunResult forced =
        cli({u"convert"_s, in(u"leaf.p12"_s), u"--passphrase-file"_s, in(u"pass.txt"_s),
             u"--split"_s, u"--name"_s, u"site"_s, u"--out-dir"_s, out, u"--out-passphrase-file"_s,
             in(u"pass.txt"_s), u"--force"_s},
            out);
    QVERIFY2(forced.ok(), forced.describeUtf8().constData());
    QCOMPARE(listDir(out), QStringList({u"site.crt"_s, u"site.key"_s}));
    QVERIFY(readFile(QDir(out).filePath(u"site.crt"_s)).startsWith("-----BEGIN CERTIFICATE-----"));
}

// The verbs `certdesk-cli --help` lists ("  verb  summary" lines).
static QStringList listedVerbs(const RunResult& help)
{
    QStringList listed;
    static const QRegularExpression verbLine(u"^  ([a-z][a-z0-9-]*)\\s{2,}\\S"_s);
    for (const QString& line : help.stdOut().split(QLatin1Char('\n'))) {
        const auto m = verbLine.match(line);
        if (m.hasMatch())
            listed << m.captured(1);
    }
    return listed;
}

void TestCliBadInput::topLevelHelpListsEveryVerb()
{
    const RunResult r = cli({u"--help"_s});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    const QStringList listed = listedVerbs(r);
    for (const QString& verb : kVerbs)
        QVERIFY2(listed.contains(verb), qPrintable(verb + r.describe()));
    QVERIFY(r.stdOut().contains(u"--passphrase-file"_s));

    const RunResult none = cli({});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.stdErr().contains(u"Usage:"_s));
}

void TestCliBadInput::helpOnEveryVerb_data()
{
    // The verbs of the certificate workflow, and whatever else the CLI lists.
    QTest::addColumn<QString>("verb");
    QTest::addColumn<bool>("readsPassphrases");
    QStringList verbs = kVerbs;
    for (const QString& verb : listedVerbs(cli({u"--help"_s}))) {
        if (!verbs.contains(verb))
            verbs << verb;
    }
    for (const QString& verb : verbs)
        QTest::newRow(qPrintable(verb)) << verb << kVerbs.contains(verb);
}

void TestCliBadInput::helpOnEveryVerb()
{
    QFETCH(QString, verb);
    QFETCH(bool, readsPassphrases);
    for (const QString& flag : {u"--help"_s, u"-h"_s}) {
        const QString out = m_tmp.filePath(u"out-help-%1%2"_s.arg(verb, flag));
        QVERIFY(QDir().mkpath(out));
        const RunResult r = cli({verb, flag}, out);
        QVERIFY2(r.ok(), r.describeUtf8().constData());
        QVERIFY2(r.stdErr().isEmpty(), r.describeUtf8().constData());
        // The usage line names the verb (not argv[0]) and each positional argument once.
        const QString usage = r.stdOut().section(QLatin1Char('\n'), 0, 0).trimmed();
        static const QMap<QString, QString> positional{{u"show"_s, u" FILE"_s},
                                                       {u"convert"_s, u" FILE"_s},
                                                       {u"fingerprint"_s, u" FILE"_s},
                                                       {u"match"_s, u" FILE FILE [FILE…]"_s}};
        const QString expected = u"Usage: certdesk-cli "_s + verb + u" [options]"_s;
        if (kVerbs.contains(verb))
            QCOMPARE(usage, expected + positional.value(verb));
        else
            QVERIFY2(usage.startsWith(expected), r.describeUtf8().constData());
        QVERIFY2(r.stdOut().contains(u"--help"_s), r.describeUtf8().constData());
        if (readsPassphrases) { // from a file or the environment
            QVERIFY2(r.stdOut().contains(u"passphrase-file"_s), r.describeUtf8().constData());
            QVERIFY2(r.stdOut().contains(u"passphrase-env"_s), r.describeUtf8().constData());
        }
        // No option takes a passphrase itself.
        static const QRegularExpression plain(u"--([a-z]+-)?passphrase(?![-a-z])"_s);
        QVERIFY2(!plain.match(r.stdOut()).hasMatch(), r.describeUtf8().constData());
        QVERIFY(listDir(out).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "TestCliBadInput.moc"
