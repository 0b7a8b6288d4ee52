// Every artefact certdesk-cli writes, checked by the openssl CLI: CSRs and their keys,
// self-signed and CA certificates, CA-signed PKCS#12 bundles (modern and compat), certificates
// issued for an openssl-made CSR and re-issued for an existing key; and what `show --json` and
// `fingerprint` report, compared field by field with openssl's own view of the same file.

#include "CliTestSupport.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace clitest;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kKeyPassphrase = "Horse-Battery-7";
const QByteArray kCaPassphrase = "ca secret passphrase";
const QByteArray kBundlePassphrase = "bundle-pass-2026";

// What the server certificates are asked to carry; the checks compare against these.
const QStringList kCsrSans = {u"DNS:osbiz.example.com"_s, u"IP:192.0.2.10"_s, u"IP:2001:db8::10"_s,
                              u"EMAIL:admin@example.com"_s,
                              u"URI:https://osbiz.example.com/portal"_s};
const QStringList kServerSans = {u"DNS:pbx.example.com"_s,   u"DNS:*.pbx.example.com"_s,
                                 u"IP:192.0.2.20"_s,         u"IP:2001:db8:0:1::20"_s,
                                 u"EMAIL:pki@example.com"_s, u"URI:https://pbx.example.com/"_s};

} // namespace

class TestCliCrossCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void csrVerifiesWithOpenssl();
    void csrHasRequestedFields();
    void csrKeyIsEncryptedAndOpens();
    void csrForExistingKey();
    void selfSignedHasRequestedFields();
    void caHasCaExtensions();
    void issuedBundle_data();
    void issuedBundle();
    void issueSignsOpensslCsr();
    void issueReusesExistingKey();
    void issueFromCsrKeepsRequestSubjectFields();
    void issueWithIntermediateChain();
    void validityIsGmtInAnyLocalTimeZone_data();
    void validityIsGmtInAnyLocalTimeZone();
    void passphrasesOpenWithOpenssl_data();
    void passphrasesOpenWithOpenssl();
    void showJsonMatchesOpenssl_data();
    void showJsonMatchesOpenssl();
    void showJsonOfCsrMatchesOpenssl();
    void fingerprintMatchesOpenssl_data();
    void fingerprintMatchesOpenssl();
    void fingerprintOfRequestAndKey();

private:
    QString path(const QString& relative) const { return m_tmp.filePath(relative); }
    QString makeDir(const QString& name) const
    {
        QDir(m_tmp.path()).mkpath(name);
        return path(name);
    }
    // `openssl x509 -noout -text` (or req) of a file; empty on failure.
    static QString opensslText(const QString& kind, const QString& file, bool der = false)
    {
        QStringList args{kind, u"-in"_s, file, u"-noout"_s, u"-text"_s};
        if (der)
            args << u"-inform"_s << u"DER"_s;
        const RunResult r = openssl(args);
        return r.ok() ? r.stdOut() : QString();
    }
    static QString modulusOf(const QString& kind, const QString& file)
    {
        const RunResult r = openssl({kind, u"-in"_s, file, u"-noout"_s, u"-modulus"_s});
        return r.ok() ? keyValues(r.stdOut()).value(u"Modulus"_s) : QString();
    }
    static QString sha256Of(const QString& certFile)
    {
        const RunResult r =
            openssl({u"x509"_s, u"-in"_s, certFile, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
        const QString line = r.stdOut().trimmed();
        return r.ok() ? line.mid(line.indexOf(QLatin1Char('=')) + 1) : QString();
    }
    void compareCertificate(const QJsonObject& object, const QString& referencePem);
    // The certdesk-cli run of initTestCase that wrote `file` ("ca/TestCA.crt" …).
    const RunResult& producer(const QString& file) const
    {
        const QString dir = file.section(QLatin1Char('/'), 0, 0);
        if (dir == QLatin1String("ca"))
            return m_caRun;
        if (dir == QLatin1String("self-signed"))
            return m_ssRun;
        if (dir == QLatin1String("issue-modern"))
            return m_modernRun;
        if (dir == QLatin1String("issue-compat"))
            return m_compatRun;
        if (dir == QLatin1String("issue-csr"))
            return m_fromCsrRun;
        if (dir == QLatin1String("far-ca"))
            return m_farCaRun;
        return m_csrRun;
    }

    QTemporaryDir m_tmp;
    QString m_keyPass, m_caPass, m_bundlePass;
    QString m_caDir, m_csrDir, m_ssDir, m_modernDir, m_compatDir, m_fromCsrDir, m_reissueDir;
    QString m_caCert, m_caKey;
    RunResult m_caRun, m_csrRun, m_ssRun, m_modernRun, m_compatRun, m_fromCsrRun, m_reissueRun;
    RunResult m_opensslCsrRun, m_farCaRun;
    QString m_farDir;
    int m_passphraseRuns = 0;
    int m_timeZoneRuns = 0;
};

void TestCliCrossCheck::initTestCase()
{
    QVERIFY2(QFileInfo(cliPath()).isExecutable(),
             qPrintable(u"CERTDESK_CLI does not name an executable: '%1'"_s.arg(cliPath())));
    QVERIFY2(!opensslPath().isEmpty(), "the openssl CLI is not on PATH");
    QVERIFY(m_tmp.isValid());

    m_keyPass = path(u"key-pass.txt"_s);
    m_caPass = path(u"ca-pass.txt"_s);
    m_bundlePass = path(u"bundle-pass.txt"_s);
    QVERIFY(writeFile(m_keyPass, kKeyPassphrase + '\n'));
    QVERIFY(writeFile(m_caPass, kCaPassphrase + '\n'));
    QVERIFY(writeFile(m_bundlePass, kBundlePassphrase)); // no newline: both forms must work

    m_caDir = makeDir(u"ca"_s);
    m_csrDir = makeDir(u"csr"_s);
    m_ssDir = makeDir(u"self-signed"_s);
    m_modernDir = makeDir(u"issue-modern"_s);
    m_compatDir = makeDir(u"issue-compat"_s);
    m_fromCsrDir = makeDir(u"issue-csr"_s);
    m_reissueDir = makeDir(u"issue-key"_s);

    // The CA everything else is issued by: a failure here leaves nothing to test.
    m_caRun = cli({u"ca"_s,
                   u"--name"_s,
                   u"TestCA"_s,
                   u"--common-name"_s,
                   u"CertDesk Test CA"_s,
                   u"--country"_s,
                   u"DE"_s,
                   u"--org"_s,
                   u"Example GmbH"_s,
                   u"--org-unit"_s,
                   u"PKI"_s,
                   u"--sig"_s,
                   u"sha512"_s,
                   u"--serial"_s,
                   u"1000"_s,
                   u"--crl-dp"_s,
                   u"URI:http://pki.example.com/ca.crl"_s,
                   u"--passphrase-file"_s,
                   m_caPass,
                   u"--out-dir"_s,
                   m_caDir});
    QVERIFY2(m_caRun.ok(), m_caRun.describeUtf8().constData());
    m_caCert = QDir(m_caDir).filePath(u"TestCA.crt"_s);
    m_caKey = QDir(m_caDir).filePath(u"TestCA.key"_s);

    QStringList csrArgs{u"csr"_s,
                        u"--name"_s,
                        u"osbiz-request"_s,
                        u"--common-name"_s,
                        u"osbiz.example.com"_s,
                        u"--country"_s,
                        u"DE"_s,
                        u"--org"_s,
                        u"Example GmbH"_s,
                        u"--org-unit"_s,
                        u"Voice"_s,
                        u"--sig"_s,
                        u"sha384"_s,
                        u"--passphrase-file"_s,
                        m_keyPass,
                        u"--out-dir"_s,
                        m_csrDir};
    for (const QString& san : kCsrSans)
        csrArgs << u"--san"_s << san;
    m_csrRun = cli(csrArgs);

    QStringList ssArgs{u"self-signed"_s,
                       u"--name"_s,
                       u"pbx"_s,
                       u"--common-name"_s,
                       u"pbx.example.com"_s,
                       u"--country"_s,
                       u"AT"_s,
                       u"--org"_s,
                       u"Example Telecom"_s,
                       u"--org-unit"_s,
                       u"Service"_s,
                       u"--serial"_s,
                       u"4356465"_s,
                       u"--not-before"_s,
                       u"2026-01-01T08:30:00"_s,
                       u"--not-after"_s,
                       u"2026-12-31T23:59:59"_s,
                       u"--crl-dp"_s,
                       u"URI:http://pki.example.com/pbx.crl"_s,
                       u"--passphrase-file"_s,
                       m_keyPass,
                       u"--out-dir"_s,
                       m_ssDir};
    for (const QString& san : kServerSans)
        ssArgs << u"--san"_s << san;
    m_ssRun = cli(ssArgs);

    const QStringList issueCommon{u"--ca-cert"_s,
                                  m_caCert,
                                  u"--ca-key"_s,
                                  m_caKey,
                                  u"--ca-passphrase-file"_s,
                                  m_caPass,
                                  u"--passphrase-file"_s,
                                  m_bundlePass};
    m_modernRun =
        cli(QStringList{u"issue"_s, u"--name"_s, u"srv-modern"_s, u"--format"_s, u"modern"_s,
                        u"--common-name"_s, u"modern.example.com"_s, u"--country"_s, u"DE"_s,
                        u"--org"_s, u"Example GmbH"_s, u"--san"_s, u"DNS:modern.example.com"_s,
                        u"--san"_s, u"IP:198.51.100.7"_s, u"--serial"_s, u"77"_s, u"--out-dir"_s,
                        m_modernDir} +
            issueCommon);
    m_compatRun = cli(QStringList{u"issue"_s, u"--name"_s, u"srv-compat"_s, u"--format"_s,
                                  u"compat"_s, u"--common-name"_s, u"compat.example.com"_s,
                                  u"--country"_s, u"DE"_s, u"--san"_s, u"DNS:compat.example.com"_s,
                                  u"--sig"_s, u"sha384"_s, u"--out-dir"_s, m_compatDir} +
                      issueCommon);

    // A CA at the edges: UTF-8 subject, GeneralizedTime end (after 2049), a start before 2000
    // and the largest serial (20 octets, 2^159 - 1).
    m_farDir = makeDir(u"far-ca"_s);
    m_farCaRun = cli({u"ca"_s,
                      u"--name"_s,
                      u"Far CA"_s,
                      u"--common-name"_s,
                      u"Fernwärme CA"_s,
                      u"--country"_s,
                      u"de"_s,
                      u"--org"_s,
                      u"Müller & Söhne GmbH"_s,
                      u"--locality"_s,
                      u"Köln"_s,
                      u"--not-before"_s,
                      u"1999-12-31T23:00:00Z"_s,
                      u"--not-after"_s,
                      u"2060-02-29T12:00:00"_s,
                      u"--serial"_s,
                      u"730750818665451459101842416358141509827966271487"_s,
                      u"--passphrase-file"_s,
                      m_caPass,
                      u"--out-dir"_s,
                      m_farDir});

    // A CSR made by openssl, signed by certdesk-cli.
    m_opensslCsrRun =
        openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                 path(u"ext.key"_s), u"-out"_s, path(u"ext.csr"_s), u"-subj"_s,
                 u"/C=DE/O=External Org/CN=ext.example.com"_s, u"-addext"_s,
                 u"subjectAltName=DNS:ext.example.com,IP:192.0.2.30"_s});
    m_fromCsrRun = cli({u"issue"_s, u"--name"_s, u"ext"_s, u"--csr"_s, path(u"ext.csr"_s),
                        u"--ca-cert"_s, m_caCert, u"--ca-key"_s, m_caKey, u"--ca-passphrase-file"_s,
                        m_caPass, u"--out-dir"_s, m_fromCsrDir});

    // Re-issue for the self-signed certificate's (encrypted) key.
    m_reissueRun = cli(QStringList{u"issue"_s, u"--name"_s, u"reissued"_s, u"--key"_s,
                                   QDir(m_ssDir).filePath(u"pbx.key"_s), u"--key-passphrase-file"_s,
                                   m_keyPass, u"--common-name"_s, u"pbx.example.com"_s,
                                   u"--country"_s, u"AT"_s, u"--out-dir"_s, m_reissueDir} +
                       issueCommon);
}

void TestCliCrossCheck::csrVerifiesWithOpenssl()
{
    QVERIFY2(m_csrRun.ok(), m_csrRun.describeUtf8().constData());
    QCOMPARE(listDir(m_csrDir), QStringList({u"key_csr.pem"_s, u"osbiz-request.csr"_s}));
    const QString csr = QDir(m_csrDir).filePath(u"osbiz-request.csr"_s);
    QVERIFY(readFile(csr).startsWith("-----BEGIN CERTIFICATE REQUEST-----"));
    const RunResult verify = openssl({u"req"_s, u"-in"_s, csr, u"-verify"_s, u"-noout"_s});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());
    QVERIFY2(verify.both().contains(u"verify OK"_s), verify.describeUtf8().constData());
}

void TestCliCrossCheck::csrHasRequestedFields()
{
    QVERIFY2(m_csrRun.ok(), m_csrRun.describeUtf8().constData());
    const QString csr = QDir(m_csrDir).filePath(u"osbiz-request.csr"_s);
    const QString text = opensslText(u"req"_s, csr);
    QVERIFY2(!text.isEmpty(), "openssl req -text cannot read the CSR");
    QVERIFY2(text.contains(u"Signature Algorithm: sha384WithRSAEncryption"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Public-Key: (2048 bit)"_s), qPrintable(text));

    const RunResult subject = openssl({u"req"_s, u"-in"_s, csr, u"-noout"_s, u"-subject"_s,
                                       u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    QVERIFY2(subject.ok(), subject.describeUtf8().constData());
    QCOMPARE(rfc2253(keyValues(subject.stdOut()).value(u"subject"_s)),
             (QMap<QString, QString>{{u"C"_s, u"DE"_s},
                                     {u"O"_s, u"Example GmbH"_s},
                                     {u"OU"_s, u"Voice"_s},
                                     {u"CN"_s, u"osbiz.example.com"_s}}));

    QStringList expected;
    for (const QString& san : kCsrSans)
        expected << canonicalName(san);
    QCOMPARE(opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)), expected);
    // Requested by default: key usage for a TLS server and extended key usage serverAuth.
    QVERIFY2(textBlock(text, u"X509v3 Extended Key Usage"_s)
                 .contains(u"TLS Web Server Authentication"_s),
             qPrintable(text));
    QVERIFY2(textBlock(text, u"X509v3 Key Usage"_s).contains(u"Digital Signature"_s),
             qPrintable(text));
}

void TestCliCrossCheck::csrKeyIsEncryptedAndOpens()
{
    QVERIFY2(m_csrRun.ok(), m_csrRun.describeUtf8().constData());
    const QString key = QDir(m_csrDir).filePath(u"key_csr.pem"_s);
    const QString csr = QDir(m_csrDir).filePath(u"osbiz-request.csr"_s);
    const QByteArray pem = readFile(key);
    QVERIFY2(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), pem.left(60).constData());
    QVERIFY(!pem.contains("BEGIN PRIVATE KEY") && !pem.contains("BEGIN RSA PRIVATE KEY"));
    // Written for the owner only.
    const QFile::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                      QFileDevice::ReadOther | QFileDevice::WriteOther;
    QVERIFY2(!(QFile::permissions(key) & others), "key_csr.pem is readable by others");

    const RunResult pub =
        openssl({u"pkey"_s, u"-in"_s, key, u"-passin"_s, u"file:"_s + m_keyPass, u"-pubout"_s});
    QVERIFY2(pub.ok(), pub.describeUtf8().constData());
    const RunResult csrPub = openssl({u"req"_s, u"-in"_s, csr, u"-noout"_s, u"-pubkey"_s});
    QVERIFY2(csrPub.ok(), csrPub.describeUtf8().constData());
    QCOMPARE(pub.stdOut(), csrPub.stdOut());

    // The passphrase really protects it.
    const QString wrong = path(u"wrong-pass.txt"_s);
    QVERIFY(writeFile(wrong, "not-the-passphrase\n"));
    const RunResult denied =
        openssl({u"pkey"_s, u"-in"_s, key, u"-passin"_s, u"file:"_s + wrong, u"-noout"_s});
    QVERIFY2(!denied.ok(), denied.describeUtf8().constData());

    // show reports it as an encrypted key with the CSR's modulus.
    const RunResult shown = cli({u"show"_s, u"--json"_s, u"--passphrase-file"_s, m_keyPass, key});
    QVERIFY2(shown.ok(), shown.describeUtf8().constData());
    const QJsonObject root = QJsonDocument::fromJson(shown.out).object();
    const QJsonObject k = firstObject(root, u"privateKey"_s);
    QVERIFY2(!k.isEmpty(), shown.describeUtf8().constData());
    QCOMPARE(k.value(u"encrypted"_s).toBool(false), true);
    QCOMPARE(k.value(u"publicKey"_s).toString(), modulusOf(u"req"_s, csr));
}

void TestCliCrossCheck::csrForExistingKey()
{
    // With --key: a request for that key, and no new key file.
    QVERIFY2(m_ssRun.ok(), m_ssRun.describeUtf8().constData());
    const QString dir = makeDir(u"csr-existing-key"_s);
    const RunResult r = cli({u"csr"_s, u"--name"_s, u"renewal"_s, u"--common-name"_s,
                             u"pbx.example.com"_s, u"--key"_s, QDir(m_ssDir).filePath(u"pbx.key"_s),
                             u"--key-passphrase-file"_s, m_keyPass, u"--out-dir"_s, dir});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    QCOMPARE(listDir(dir), QStringList{u"renewal.csr"_s});
    const QString csr = QDir(dir).filePath(u"renewal.csr"_s);
    const RunResult verify = openssl({u"req"_s, u"-in"_s, csr, u"-verify"_s, u"-noout"_s});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());
    QCOMPARE(modulusOf(u"req"_s, csr), modulusOf(u"x509"_s, QDir(m_ssDir).filePath(u"pbx.crt"_s)));
}

void TestCliCrossCheck::selfSignedHasRequestedFields()
{
    QVERIFY2(m_ssRun.ok(), m_ssRun.describeUtf8().constData());
    QCOMPARE(listDir(m_ssDir), QStringList({u"pbx.crt"_s, u"pbx.key"_s}));
    const QString cert = QDir(m_ssDir).filePath(u"pbx.crt"_s);
    const QString text = opensslText(u"x509"_s, cert);
    QVERIFY2(!text.isEmpty(), "openssl x509 -text cannot read pbx.crt");

    // --serial 4356465 is 0x427971.
    QVERIFY2(text.contains(u"Serial Number: 4356465 (0x427971)"_s), qPrintable(text));
    const RunResult fields =
        openssl({u"x509"_s, u"-in"_s, cert, u"-noout"_s, u"-serial"_s, u"-dates"_s, u"-dateopt"_s,
                 u"iso_8601"_s, u"-subject"_s, u"-issuer"_s, u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    QVERIFY2(fields.ok(), fields.describeUtf8().constData());
    const auto kv = keyValues(fields.stdOut());
    QCOMPARE(kv.value(u"serial"_s), u"427971"_s);
    QCOMPARE(kv.value(u"notBefore"_s), u"2026-01-01 08:30:00Z"_s);
    QCOMPARE(kv.value(u"notAfter"_s), u"2026-12-31 23:59:59Z"_s);
    QVERIFY2(text.contains(u"Not Before: Jan  1 08:30:00 2026 GMT"_s), qPrintable(text));
    QCOMPARE(rfc2253(kv.value(u"subject"_s)),
             (QMap<QString, QString>{{u"C"_s, u"AT"_s},
                                     {u"O"_s, u"Example Telecom"_s},
                                     {u"OU"_s, u"Service"_s},
                                     {u"CN"_s, u"pbx.example.com"_s}}));
    QCOMPARE(kv.value(u"issuer"_s), kv.value(u"subject"_s));
    QVERIFY2(text.contains(u"Signature Algorithm: sha256WithRSAEncryption"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Public-Key: (2048 bit)"_s), qPrintable(text));

    QStringList expected;
    for (const QString& san : kServerSans)
        expected << canonicalName(san);
    QCOMPARE(opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)), expected);
    QCOMPARE(opensslNames(textBlock(text, u"X509v3 CRL Distribution Points"_s)),
             QStringList{u"URI:http://pki.example.com/pbx.crl"_s});

    bool critical = false;
    QCOMPARE(textBlock(text, u"X509v3 Basic Constraints"_s, &critical), u"CA:FALSE"_s);
    QVERIFY(critical);
    QVERIFY2(textBlock(text, u"X509v3 Extended Key Usage"_s)
                 .contains(u"TLS Web Server Authentication"_s),
             qPrintable(text));
    const QString keyUsage = textBlock(text, u"X509v3 Key Usage"_s);
    QVERIFY2(keyUsage.contains(u"Digital Signature"_s), qPrintable(text));
    QVERIFY2(!keyUsage.contains(u"Certificate Sign"_s), qPrintable(text));

    // The key beside it: encrypted, opens with the passphrase, and belongs to the certificate.
    const QString key = QDir(m_ssDir).filePath(u"pbx.key"_s);
    QVERIFY(readFile(key).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    const RunResult keyModulus = openssl({u"rsa"_s, u"-in"_s, key, u"-passin"_s,
                                          u"file:"_s + m_keyPass, u"-noout"_s, u"-modulus"_s});
    QVERIFY2(keyModulus.ok(), keyModulus.describeUtf8().constData());
    QCOMPARE(keyValues(keyModulus.stdOut()).value(u"Modulus"_s), modulusOf(u"x509"_s, cert));

    // The View Certificate page's fields: serial in decimal and hex, validity in GMT.
    const RunResult shown = cli({u"show"_s, cert});
    QVERIFY2(shown.ok(), shown.describeUtf8().constData());
    const QStringList shownLines = lines(shown.stdOut());
    for (const QString& want :
         {u"Serial Number of Certificate: 4356465"_s,
          u"Serial Number of Certificate (hex): 42:79:71"_s,
          u"Type of Signature Algorithm: sha256RSA"_s,
          u"Start Time of Validity Period (GMT): Thursday, 01/01/2026 08:30:00"_s,
          u"End Time of Validity Period (GMT): Thursday, 12/31/2026 23:59:59"_s,
          u"CRL Distribution Point: URI:http://pki.example.com/pbx.crl"_s,
          u"Public Key Length: 2048"_s})
        QVERIFY2(shownLines.contains(u"  "_s + want), qPrintable(want + shown.describe()));
}

void TestCliCrossCheck::caHasCaExtensions()
{
    QCOMPARE(listDir(m_caDir), QStringList({u"TestCA.crt"_s, u"TestCA.key"_s}));
    const QString text = opensslText(u"x509"_s, m_caCert);
    QVERIFY2(!text.isEmpty(), "openssl x509 -text cannot read TestCA.crt");
    QVERIFY2(text.contains(u"Serial Number: 1000 (0x3e8)"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Signature Algorithm: sha512WithRSAEncryption"_s), qPrintable(text));

    bool critical = false;
    QCOMPARE(
        textBlock(text, u"X509v3 Basic Constraints"_s, &critical).section(QLatin1Char(','), 0, 0),
        u"CA:TRUE"_s);
    QVERIFY2(critical, "basicConstraints of the CA is not critical");
    const QString keyUsage = textBlock(text, u"X509v3 Key Usage"_s);
    QVERIFY2(keyUsage.contains(u"Certificate Sign"_s), qPrintable(text));
    QVERIFY2(keyUsage.contains(u"CRL Sign"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"TLS Web Server Authentication"_s), qPrintable(text));

    const QString ski = textBlock(text, u"X509v3 Subject Key Identifier"_s);
    QString aki = textBlock(text, u"X509v3 Authority Key Identifier"_s);
    aki.remove(u"keyid:"_s);
    QVERIFY2(!ski.isEmpty(), qPrintable(text));
    QCOMPARE(aki.trimmed(), ski); // a root identifies itself
    QCOMPARE(opensslNames(textBlock(text, u"X509v3 CRL Distribution Points"_s)),
             QStringList{u"URI:http://pki.example.com/ca.crl"_s});

    // Default validity of a CA: 3650 days from now.
    const RunResult dates = openssl(
        {u"x509"_s, u"-in"_s, m_caCert, u"-noout"_s, u"-dates"_s, u"-dateopt"_s, u"iso_8601"_s});
    QVERIFY2(dates.ok(), dates.describeUtf8().constData());
    const QDateTime from = opensslIsoDate(keyValues(dates.stdOut()).value(u"notBefore"_s));
    const QDateTime until = opensslIsoDate(keyValues(dates.stdOut()).value(u"notAfter"_s));
    QVERIFY(from.isValid() && until.isValid());
    QCOMPARE(from.daysTo(until), qint64(3650));
    QVERIFY(qAbs(from.secsTo(QDateTime::currentDateTimeUtc())) < 3600);

    const RunResult verify = openssl({u"verify"_s, u"-CAfile"_s, m_caCert, m_caCert});
    QVERIFY2(verify.ok() && verify.stdOut().contains(u": OK"_s), verify.describeUtf8().constData());

    QVERIFY(readFile(m_caKey).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QCOMPARE(openssl({u"rsa"_s, u"-in"_s, m_caKey, u"-passin"_s, u"file:"_s + m_caPass, u"-noout"_s,
                      u"-modulus"_s})
                 .stdOut()
                 .trimmed(),
             u"Modulus="_s + modulusOf(u"x509"_s, m_caCert));
}

void TestCliCrossCheck::issuedBundle_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("unexpected");
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<QString>("signature");

    QTest::newRow("modern") << u"modern"_s
                            << QStringList{u"AES-256-CBC"_s, u"PBKDF2"_s, u"MAC: sha256"_s}
                            << QStringList{u"TripleDES"_s, u"RC2"_s, u"MAC: sha1"_s}
                            << u"modern.example.com"_s << u"sha256WithRSAEncryption"_s;
    QTest::newRow("compat") << u"compat"_s
                            << QStringList{u"pbeWithSHA1And3-KeyTripleDES-CBC"_s, u"MAC: sha1"_s}
                            << QStringList{u"AES"_s, u"RC2"_s, u"PBKDF2"_s, u"MAC: sha256"_s}
                            << u"compat.example.com"_s << u"sha384WithRSAEncryption"_s;
}

void TestCliCrossCheck::issuedBundle()
{
    QFETCH(QString, format);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);
    QFETCH(QString, commonName);
    QFETCH(QString, signature);

    const bool modern = format == QLatin1String("modern");
    const RunResult& run = modern ? m_modernRun : m_compatRun;
    const QString dir = modern ? m_modernDir : m_compatDir;
    const QString name = modern ? u"srv-modern"_s : u"srv-compat"_s;
    QVERIFY2(run.ok(), run.describeUtf8().constData());
    const QString p12 = QDir(dir).filePath(u"BasedOn"_s + name + u".p12"_s);
    QCOMPARE(listDir(dir), QStringList{QFileInfo(p12).fileName()});

    // openssl reads it (without -legacy) and names the protection asked for.
    const QString passin = u"file:"_s + m_bundlePass;
    const RunResult info =
        openssl({u"pkcs12"_s, u"-in"_s, p12, u"-info"_s, u"-noout"_s, u"-passin"_s, passin});
    QVERIFY2(info.ok(), info.describeUtf8().constData());
    for (const QString& word : expected)
        QVERIFY2(info.both().contains(word), qPrintable(word + info.describe()));
    for (const QString& word : unexpected)
        QVERIFY2(!info.both().contains(word), qPrintable(word + info.describe()));

    // The leaf verifies against the CA; the CA travels in the bundle; the key is the leaf's.
    const QString leaf = QDir(m_tmp.path()).filePath(format + u"-leaf.pem"_s);
    const QString chain = QDir(m_tmp.path()).filePath(format + u"-cacerts.pem"_s);
    const QString key = QDir(m_tmp.path()).filePath(format + u"-key.pem"_s);
    const RunResult leafRun = openssl({u"pkcs12"_s, u"-in"_s, p12, u"-clcerts"_s, u"-nokeys"_s,
                                       u"-passin"_s, passin, u"-out"_s, leaf});
    QVERIFY2(leafRun.ok(), leafRun.describeUtf8().constData());
    const RunResult chainRun = openssl({u"pkcs12"_s, u"-in"_s, p12, u"-cacerts"_s, u"-nokeys"_s,
                                        u"-passin"_s, passin, u"-out"_s, chain});
    QVERIFY2(chainRun.ok(), chainRun.describeUtf8().constData());
    const RunResult keyRun = openssl({u"pkcs12"_s, u"-in"_s, p12, u"-nocerts"_s, u"-nodes"_s,
                                      u"-passin"_s, passin, u"-out"_s, key});
    QVERIFY2(keyRun.ok(), keyRun.describeUtf8().constData());

    const RunResult verify = openssl({u"verify"_s, u"-CAfile"_s, m_caCert, leaf});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());
    QCOMPARE(verify.stdOut().trimmed(), leaf + u": OK"_s);
    QCOMPARE(readFile(chain).count("BEGIN CERTIFICATE"), qsizetype(1));
    QCOMPARE(sha256Of(chain), sha256Of(m_caCert));
    QVERIFY(!modulusOf(u"rsa"_s, key).isEmpty());
    QCOMPARE(modulusOf(u"rsa"_s, key), modulusOf(u"x509"_s, leaf));
    QVERIFY2(readFile(leaf).contains("friendlyName: " + name.toUtf8()), readFile(leaf).constData());

    const QString text = opensslText(u"x509"_s, leaf);
    QVERIFY2(text.contains(u"Signature Algorithm: "_s + signature), qPrintable(text));
    QVERIFY2(text.contains(u"Public-Key: (2048 bit)"_s), qPrintable(text));
    bool critical = false;
    QCOMPARE(textBlock(text, u"X509v3 Basic Constraints"_s, &critical), u"CA:FALSE"_s);
    QVERIFY(critical);
    QVERIFY2(textBlock(text, u"X509v3 Extended Key Usage"_s)
                 .contains(u"TLS Web Server Authentication"_s),
             qPrintable(text));
    // Issued by the CA: its AKI is the CA's SKI.
    QString aki = textBlock(text, u"X509v3 Authority Key Identifier"_s);
    aki.remove(u"keyid:"_s);
    QCOMPARE(aki.trimmed(),
             textBlock(opensslText(u"x509"_s, m_caCert), u"X509v3 Subject Key Identifier"_s));
    const RunResult names = openssl({u"x509"_s, u"-in"_s, leaf, u"-noout"_s, u"-subject"_s,
                                     u"-issuer"_s, u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    const auto kv = keyValues(names.stdOut());
    QCOMPARE(rfc2253(kv.value(u"subject"_s)).value(u"CN"_s), commonName);
    QCOMPARE(rfc2253(kv.value(u"issuer"_s)).value(u"CN"_s), u"CertDesk Test CA"_s);
    if (modern) {
        QVERIFY2(text.contains(u"Serial Number: 77 (0x4d)"_s), qPrintable(text));
        QCOMPARE(opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)),
                 (QStringList{u"DNS:modern.example.com"_s, u"IP:198.51.100.7"_s}));
    }
}

void TestCliCrossCheck::issueSignsOpensslCsr()
{
    QVERIFY2(m_opensslCsrRun.ok(), m_opensslCsrRun.describeUtf8().constData());
    QVERIFY2(m_fromCsrRun.ok(), m_fromCsrRun.describeUtf8().constData());
    // Only NAME.crt: no key, no PKCS#12 (the key stays with whoever made the CSR).
    QCOMPARE(listDir(m_fromCsrDir), QStringList{u"ext.crt"_s});
    const QString crt = QDir(m_fromCsrDir).filePath(u"ext.crt"_s);
    const QByteArray pem = readFile(crt);
    QCOMPARE(pem.count("-----BEGIN CERTIFICATE-----"), qsizetype(2)); // leaf and the CA
    QVERIFY(!pem.contains("PRIVATE KEY"));

    const RunResult verify = openssl({u"verify"_s, u"-CAfile"_s, m_caCert, crt});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());
    QCOMPARE(verify.stdOut().trimmed(), crt + u": OK"_s);

    // Subject, SANs and public key come from the request.
    const RunResult subject = openssl({u"x509"_s, u"-in"_s, crt, u"-noout"_s, u"-subject"_s,
                                       u"-nameopt"_s, u"RFC2253,-esc_msb"_s, u"-pubkey"_s});
    QVERIFY2(subject.ok(), subject.describeUtf8().constData());
    QCOMPARE(rfc2253(keyValues(subject.stdOut()).value(u"subject"_s)),
             (QMap<QString, QString>{
                 {u"C"_s, u"DE"_s}, {u"O"_s, u"External Org"_s}, {u"CN"_s, u"ext.example.com"_s}}));
    QCOMPARE(modulusOf(u"x509"_s, crt), modulusOf(u"req"_s, path(u"ext.csr"_s)));
    QCOMPARE(modulusOf(u"x509"_s, crt), modulusOf(u"rsa"_s, path(u"ext.key"_s)));
    const QString text = opensslText(u"x509"_s, crt);
    QCOMPARE(opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)),
             (QStringList{u"DNS:ext.example.com"_s, u"IP:192.0.2.30"_s}));
    QCOMPARE(textBlock(text, u"X509v3 Basic Constraints"_s), u"CA:FALSE"_s);
}

void TestCliCrossCheck::issueReusesExistingKey()
{
    QVERIFY2(m_ssRun.ok(), m_ssRun.describeUtf8().constData());
    QVERIFY2(m_reissueRun.ok(), m_reissueRun.describeUtf8().constData());
    const QString p12 = QDir(m_reissueDir).filePath(u"BasedOnreissued.p12"_s);
    QCOMPARE(listDir(m_reissueDir), QStringList{u"BasedOnreissued.p12"_s});
    const QString leaf = path(u"reissued-leaf.pem"_s);
    const RunResult leafRun = openssl({u"pkcs12"_s, u"-in"_s, p12, u"-clcerts"_s, u"-nokeys"_s,
                                       u"-passin"_s, u"file:"_s + m_bundlePass, u"-out"_s, leaf});
    QVERIFY2(leafRun.ok(), leafRun.describeUtf8().constData());
    const RunResult verify = openssl({u"verify"_s, u"-CAfile"_s, m_caCert, leaf});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());

    // The public key is unchanged: the same as the old key's and the self-signed certificate's.
    const RunResult oldPub = openssl({u"pkey"_s, u"-in"_s, QDir(m_ssDir).filePath(u"pbx.key"_s),
                                      u"-passin"_s, u"file:"_s + m_keyPass, u"-pubout"_s});
    QVERIFY2(oldPub.ok(), oldPub.describeUtf8().constData());
    const RunResult newPub = openssl({u"x509"_s, u"-in"_s, leaf, u"-noout"_s, u"-pubkey"_s});
    QVERIFY2(newPub.ok(), newPub.describeUtf8().constData());
    QCOMPARE(newPub.stdOut(), oldPub.stdOut());
    QCOMPARE(modulusOf(u"x509"_s, leaf),
             modulusOf(u"x509"_s, QDir(m_ssDir).filePath(u"pbx.crt"_s)));
    // … but it is a new certificate, issued by the CA.
    QVERIFY(sha256Of(leaf) != sha256Of(QDir(m_ssDir).filePath(u"pbx.crt"_s)));
}

void TestCliCrossCheck::showJsonMatchesOpenssl_data()
{
    QTest::addColumn<QString>("file");       // what certdesk-cli shows
    QTest::addColumn<QString>("passphrase"); // passphrase file for it, or empty
    QTest::addColumn<QString>("reference");  // the same leaf certificate for openssl
    QTest::addColumn<QString>("container");
    QTest::addColumn<int>("certificates");

    QTest::newRow("ca") << u"ca/TestCA.crt"_s << QString() << u"ca/TestCA.crt"_s << u"PEM"_s << 1;
    QTest::newRow("self-signed") << u"self-signed/pbx.crt"_s << QString()
                                 << u"self-signed/pbx.crt"_s << u"PEM"_s << 1;
    QTest::newRow("issued-p12-modern")
        << u"issue-modern/BasedOnsrv-modern.p12"_s << u"bundle-pass.txt"_s << u"modern-leaf.pem"_s
        << u"PKCS#12"_s << 2;
    QTest::newRow("issued-p12-compat")
        << u"issue-compat/BasedOnsrv-compat.p12"_s << u"bundle-pass.txt"_s << u"compat-leaf.pem"_s
        << u"PKCS#12"_s << 2;
    QTest::newRow("ca: UTF-8, GeneralizedTime, 20-octet serial")
        << u"far-ca/Far CA.crt"_s << QString() << u"far-ca/Far CA.crt"_s << u"PEM"_s << 1;
    QTest::newRow("issued-from-csr")
        << u"issue-csr/ext.crt"_s << QString() << u"issue-csr/ext.crt"_s << u"PEM"_s << 2;
}

void TestCliCrossCheck::showJsonMatchesOpenssl()
{
    QFETCH(QString, file);
    QFETCH(QString, passphrase);
    QFETCH(QString, reference);
    QFETCH(QString, container);
    QFETCH(int, certificates);

    const QString shownFile = path(file);
    QVERIFY2(QFile::exists(shownFile),
             qPrintable(shownFile + u" was not written"_s + producer(file).describe()));
    QString referencePem = path(reference);
    if (!QFile::exists(referencePem)) { // the leaf of a bundle, as openssl extracts it
        const RunResult extract =
            openssl({u"pkcs12"_s, u"-in"_s, shownFile, u"-clcerts"_s, u"-nokeys"_s, u"-passin"_s,
                     u"file:"_s + path(passphrase), u"-out"_s, referencePem});
        QVERIFY2(extract.ok(), extract.describeUtf8().constData());
    }

    QStringList args{u"show"_s, u"--json"_s};
    if (!passphrase.isEmpty())
        args << u"--passphrase-file"_s << path(passphrase);
    args << shownFile;
    const RunResult shown = cli(args);
    QVERIFY2(shown.ok(), shown.describeUtf8().constData());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(shown.out, &error);
    QVERIFY2(doc.isObject(), qPrintable(error.errorString() + shown.describe()));
    const QJsonObject root = doc.object();
    QCOMPARE(root.value(u"file"_s).toString(), shownFile);
    QVERIFY2(root.value(u"container"_s).toString().contains(container),
             qPrintable(root.value(u"container"_s).toString()));
    QCOMPARE(countObjects(root, u"certificate"_s), certificates);
    QCOMPARE(countObjects(root, u"privateKey"_s), passphrase.isEmpty() ? 0 : 1);

    // The leaf comes first.
    const QJsonObject leaf = firstObject(root, u"certificate"_s);
    compareCertificate(leaf, referencePem);
    if (QTest::currentTestFailed())
        return;
    if (certificates > 1) { // and the CA after it
        const QJsonObject ca = firstObject(root, u"certificate"_s, 1);
        QCOMPARE(ca.value(u"fingerprintSha256"_s).toString(), sha256Of(m_caCert));
        compareCertificate(ca, m_caCert);
        if (QTest::currentTestFailed())
            return;
    }
    if (!passphrase.isEmpty()) { // the key in the bundle is the leaf's
        QCOMPARE(firstObject(root, u"privateKey"_s).value(u"publicKey"_s).toString(),
                 modulusOf(u"x509"_s, referencePem));
    }
}

// One "certificate" object of show --json against openssl's view of `referencePem`.
void TestCliCrossCheck::compareCertificate(const QJsonObject& o, const QString& referencePem)
{
    QVERIFY2(!o.isEmpty(), "no certificate object in the JSON");
    QCOMPARE(o.value(u"kind"_s).toString(), u"certificate"_s);

    const RunResult r =
        openssl({u"x509"_s, u"-in"_s, referencePem, u"-noout"_s, u"-serial"_s, u"-dates"_s,
                 u"-dateopt"_s, u"iso_8601"_s, u"-modulus"_s, u"-subject"_s, u"-issuer"_s,
                 u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    const auto kv = keyValues(r.stdOut());
    const RunResult sha1 =
        openssl({u"x509"_s, u"-in"_s, referencePem, u"-noout"_s, u"-fingerprint"_s, u"-sha1"_s});
    QVERIFY2(sha1.ok(), sha1.describeUtf8().constData());
    const QString text = opensslText(u"x509"_s, referencePem);
    QVERIFY(!text.isEmpty());

    // Serial: decimal and hex.
    const QString serialHex = kv.value(u"serial"_s);
    QCOMPARE(o.value(u"serialNumber"_s).toString(), hexToDecimal(serialHex));
    QVERIFY2(o.value(u"serialNumberHex"_s).toString().contains(QLatin1Char(':')) ||
                 o.value(u"serialNumberHex"_s).toString().size() <= 2,
             qPrintable(o.value(u"serialNumberHex"_s).toString()));
    QCOMPARE(normalHex(o.value(u"serialNumberHex"_s).toString()), normalHex(serialHex));

    // Validity: ISO 8601 in UTC ("…Z"), the same instants.
    for (const QString& field : {u"notBefore"_s, u"notAfter"_s}) {
        const QString json = o.value(field).toString();
        QVERIFY2(json.endsWith(QLatin1Char('Z')), qPrintable(field + u": "_s + json));
        const QDateTime shown = QDateTime::fromString(json, Qt::ISODate);
        QVERIFY2(shown.isValid(), qPrintable(field + u": "_s + json));
        QCOMPARE(shown.toUTC(), opensslIsoDate(kv.value(field)));
    }

    // Names.
    QCOMPARE(jsonName(o.value(u"subject"_s).toObject()), rfc2253(kv.value(u"subject"_s)));
    QCOMPARE(jsonName(o.value(u"issuer"_s).toObject()), rfc2253(kv.value(u"issuer"_s)));
    QCOMPARE(jsonNames(o.value(u"subjectAltNames"_s)),
             opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)));
    QCOMPARE(jsonNames(o.value(u"crlDistributionPoints"_s)),
             opensslNames(textBlock(text, u"X509v3 CRL Distribution Points"_s)));

    // Algorithms and key.
    static const QRegularExpression sigRe(u"Signature Algorithm: (\\S+)"_s);
    QCOMPARE(o.value(u"signatureAlgorithm"_s).toString(),
             portalSignatureName(sigRe.match(text).captured(1)));
    static const QRegularExpression bitsRe(u"Public-Key: \\((\\d+) bit\\)"_s);
    QCOMPARE(o.value(u"publicKeyLength"_s).toInt(), bitsRe.match(text).captured(1).toInt());
    QCOMPARE(o.value(u"publicKey"_s).toString(), kv.value(u"Modulus"_s));

    // Fingerprints.
    const RunResult sha256 =
        openssl({u"x509"_s, u"-in"_s, referencePem, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
    QCOMPARE(o.value(u"fingerprintSha256"_s).toString(),
             sha256.stdOut().trimmed().section(QLatin1Char('='), 1));
    QCOMPARE(o.value(u"fingerprintSha1"_s).toString(),
             sha1.stdOut().trimmed().section(QLatin1Char('='), 1));

    // Extensions.
    QCOMPARE(o.value(u"keyUsage"_s).toVariant().toStringList().join(u", "_s),
             textBlock(text, u"X509v3 Key Usage"_s));
    QCOMPARE(o.value(u"extendedKeyUsage"_s).toVariant().toStringList().join(u", "_s),
             textBlock(text, u"X509v3 Extended Key Usage"_s));
    const QString bc = textBlock(text, u"X509v3 Basic Constraints"_s);
    QVERIFY2(o.value(u"basicConstraints"_s).isObject(), "basicConstraints missing");
    QCOMPARE(o.value(u"basicConstraints"_s).toObject().value(u"ca"_s).toBool(),
             bc.startsWith(u"CA:TRUE"_s));
    QCOMPARE(o.value(u"subjectKeyIdentifier"_s).toString(),
             textBlock(text, u"X509v3 Subject Key Identifier"_s));
    QString aki = textBlock(text, u"X509v3 Authority Key Identifier"_s);
    aki.remove(u"keyid:"_s);
    QCOMPARE(o.value(u"authorityKeyIdentifier"_s).toString(), aki.trimmed());
}

void TestCliCrossCheck::showJsonOfCsrMatchesOpenssl()
{
    QVERIFY2(m_csrRun.ok(), m_csrRun.describeUtf8().constData());
    const QString csr = QDir(m_csrDir).filePath(u"osbiz-request.csr"_s);
    const RunResult shown = cli({u"show"_s, u"--json"_s, csr});
    QVERIFY2(shown.ok(), shown.describeUtf8().constData());
    const QJsonObject root = QJsonDocument::fromJson(shown.out).object();
    QCOMPARE(countObjects(root, u"request"_s), 1);
    const QJsonObject o = firstObject(root, u"request"_s);
    const QString text = opensslText(u"req"_s, csr);
    const RunResult subject = openssl({u"req"_s, u"-in"_s, csr, u"-noout"_s, u"-subject"_s,
                                       u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    QCOMPARE(jsonName(o.value(u"subject"_s).toObject()),
             rfc2253(keyValues(subject.stdOut()).value(u"subject"_s)));
    QCOMPARE(jsonNames(o.value(u"subjectAltNames"_s)),
             opensslNames(textBlock(text, u"X509v3 Subject Alternative Name"_s)));
    static const QRegularExpression sigRe(u"Signature Algorithm: (\\S+)"_s);
    QCOMPARE(o.value(u"signatureAlgorithm"_s).toString(),
             portalSignatureName(sigRe.match(text).captured(1)));
    QCOMPARE(o.value(u"signatureAlgorithm"_s).toString(), u"sha384RSA"_s);
    QCOMPARE(o.value(u"publicKeyLength"_s).toInt(), 2048);
    QCOMPARE(o.value(u"publicKey"_s).toString(), modulusOf(u"req"_s, csr));
    QCOMPARE(o.value(u"signatureValid"_s).toBool(false), true);
}

void TestCliCrossCheck::fingerprintMatchesOpenssl_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("reference");

    QTest::newRow("ca") << u"ca/TestCA.crt"_s << QString() << u"ca/TestCA.crt"_s;
    QTest::newRow("self-signed") << u"self-signed/pbx.crt"_s << QString()
                                 << u"self-signed/pbx.crt"_s;
    QTest::newRow("p12 (passphrase from env)")
        << u"issue-modern/BasedOnsrv-modern.p12"_s << u"bundle-pass.txt"_s << u"modern-leaf.pem"_s;
}

void TestCliCrossCheck::fingerprintMatchesOpenssl()
{
    QFETCH(QString, file);
    QFETCH(QString, passphrase);
    QFETCH(QString, reference);

    const QString shownFile = path(file);
    QVERIFY2(QFile::exists(shownFile),
             qPrintable(shownFile + u" was not written"_s + producer(file).describe()));
    const QString referencePem = path(reference);
    if (!QFile::exists(referencePem)) {
        const RunResult extract =
            openssl({u"pkcs12"_s, u"-in"_s, shownFile, u"-clcerts"_s, u"-nokeys"_s, u"-passin"_s,
                     u"file:"_s + path(passphrase), u"-out"_s, referencePem});
        QVERIFY2(extract.ok(), extract.describeUtf8().constData());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QStringList args{u"fingerprint"_s, u"--sha1"_s};
    if (!passphrase.isEmpty()) {
        env.insert(u"CERTDESK_TEST_P12_PASS"_s, QString::fromUtf8(readFile(path(passphrase))));
        args << u"--passphrase-env"_s << u"CERTDESK_TEST_P12_PASS"_s;
    }
    const RunResult text = cli(args + QStringList{shownFile}, QString(), env);
    QVERIFY2(text.ok(), text.describeUtf8().constData());

    const RunResult sha256 =
        openssl({u"x509"_s, u"-in"_s, referencePem, u"-noout"_s, u"-fingerprint"_s, u"-sha256"_s});
    const RunResult sha1 =
        openssl({u"x509"_s, u"-in"_s, referencePem, u"-noout"_s, u"-fingerprint"_s, u"-sha1"_s});
    QVERIFY(sha256.ok() && sha1.ok());
    const QString want256 = sha256.stdOut().trimmed().section(QLatin1Char('='), 1);
    const QString want1 = sha1.stdOut().trimmed().section(QLatin1Char('='), 1);
    QCOMPARE(want256.size(), qsizetype(32 * 3 - 1));

    // The first line is the leaf, in openssl's notation.
    const QStringList out = lines(text.stdOut());
    QVERIFY2(out.size() >= 2, text.describeUtf8().constData());
    // openssl 3 writes "sha256 Fingerprint=", 1.1 wrote "SHA256 …": the value is what counts.
    QCOMPARE(out.at(0).section(QLatin1Char(' '), 0, 1).toUpper(),
             (u"SHA256 Fingerprint="_s + want256).toUpper());
    QCOMPARE(out.at(1).trimmed().toUpper(), (u"SHA1 Fingerprint="_s + want1).toUpper());

    const RunResult json = cli(args + QStringList{u"--json"_s, shownFile}, QString(), env);
    QVERIFY2(json.ok(), json.describeUtf8().constData());
    const QJsonArray items = QJsonDocument::fromJson(json.out).array();
    QVERIFY2(!items.isEmpty(), json.describeUtf8().constData());
    QCOMPARE(items.at(0).toObject().value(u"fingerprintSha256"_s).toString(), want256);
    QCOMPARE(items.at(0).toObject().value(u"fingerprintSha1"_s).toString(), want1);
}

void TestCliCrossCheck::issueFromCsrKeepsRequestSubjectFields()
{
    // "Subject fields given on the command line win over the request's": a new CN replaces
    // the request's CN; C, O and OU of the request stay.
    const QString csr = path(u"full-subject.csr"_s);
    const RunResult made =
        openssl({u"req"_s, u"-new"_s, u"-key"_s, path(u"ext.key"_s), u"-out"_s, csr, u"-subj"_s,
                 u"/C=AT/O=Kunde GmbH/OU=IT/CN=old.example.com"_s});
    QVERIFY2(made.ok(), made.describeUtf8().constData());
    const QString dir = makeDir(u"issue-csr-override"_s);
    const RunResult r =
        cli({u"issue"_s, u"--name"_s, u"override"_s, u"--csr"_s, csr, u"--common-name"_s,
             u"new.example.com"_s, u"--ca-cert"_s, m_caCert, u"--ca-key"_s, m_caKey,
             u"--ca-passphrase-file"_s, m_caPass, u"--out-dir"_s, dir});
    QVERIFY2(r.ok(), r.describeUtf8().constData());
    const RunResult subject =
        openssl({u"x509"_s, u"-in"_s, QDir(dir).filePath(u"override.crt"_s), u"-noout"_s,
                 u"-subject"_s, u"-nameopt"_s, u"RFC2253,-esc_msb"_s});
    QVERIFY2(subject.ok(), subject.describeUtf8().constData());
    QCOMPARE(rfc2253(keyValues(subject.stdOut()).value(u"subject"_s)),
             (QMap<QString, QString>{{u"C"_s, u"AT"_s},
                                     {u"O"_s, u"Kunde GmbH"_s},
                                     {u"OU"_s, u"IT"_s},
                                     {u"CN"_s, u"new.example.com"_s}}));
}

void TestCliCrossCheck::issueWithIntermediateChain()
{
    // An intermediate CA (made by openssl under the certdesk-made root) issues; --ca-cert is
    // the chain with the root first. The bundle carries intermediate and root, leaf first.
    QVERIFY2(m_caRun.ok(), m_caRun.describeUtf8().constData());
    const QString dir = makeDir(u"intermediate"_s);
    const QString intKey = QDir(dir).filePath(u"int.key"_s);
    const QString intCsr = QDir(dir).filePath(u"int.csr"_s);
    const QString intCrt = QDir(dir).filePath(u"int.crt"_s);
    const QString intExt = QDir(dir).filePath(u"int.ext"_s);
    const QString chain = QDir(dir).filePath(u"chain.pem"_s);
    QVERIFY(writeFile(intExt, "basicConstraints=critical,CA:TRUE,pathlen:0\n"
                              "keyUsage=critical,keyCertSign,cRLSign\n"
                              "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"));
    const RunResult req = openssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                   u"-keyout"_s, intKey, u"-out"_s, intCsr, u"-subj"_s,
                                   u"/C=DE/O=Example GmbH/CN=CertDesk Test Intermediate"_s});
    QVERIFY2(req.ok(), req.describeUtf8().constData());
    const RunResult sign =
        openssl({u"x509"_s, u"-req"_s, u"-in"_s, intCsr, u"-CA"_s, m_caCert, u"-CAkey"_s, m_caKey,
                 u"-passin"_s, u"file:"_s + m_caPass, u"-set_serial"_s, u"2"_s, u"-days"_s,
                 u"300"_s, u"-extfile"_s, intExt, u"-out"_s, intCrt});
    QVERIFY2(sign.ok(), sign.describeUtf8().constData());
    QVERIFY(writeFile(chain, readFile(m_caCert) + readFile(intCrt)));

    const RunResult issued =
        cli({u"issue"_s, u"--name"_s, u"via-int"_s, u"--common-name"_s, u"via-int.example.com"_s,
             u"--ca-cert"_s, chain, u"--ca-key"_s, intKey, u"--days"_s, u"200"_s,
             u"--passphrase-file"_s, m_bundlePass, u"--out-dir"_s, dir});
    QVERIFY2(issued.ok(), issued.describeUtf8().constData());
    const QString p12 = QDir(dir).filePath(u"BasedOnvia-int.p12"_s);
    const QString leaf = QDir(dir).filePath(u"leaf.pem"_s);
    const QString cas = QDir(dir).filePath(u"cas.pem"_s);
    const QString passin = u"file:"_s + m_bundlePass;
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-clcerts"_s, u"-nokeys"_s, u"-passin"_s, passin,
                     u"-out"_s, leaf})
                .ok());
    QVERIFY(openssl({u"pkcs12"_s, u"-in"_s, p12, u"-cacerts"_s, u"-nokeys"_s, u"-passin"_s, passin,
                     u"-out"_s, cas})
                .ok());
    QCOMPARE(readFile(cas).count("-----BEGIN CERTIFICATE-----"), qsizetype(2));
    const RunResult verify =
        openssl({u"verify"_s, u"-CAfile"_s, m_caCert, u"-untrusted"_s, intCrt, leaf});
    QVERIFY2(verify.ok(), verify.describeUtf8().constData());
    // Without the intermediate the leaf does not verify: it really was issued by it.
    QVERIFY(!openssl({u"verify"_s, u"-CAfile"_s, m_caCert, leaf}).ok());

    const RunResult shown =
        cli({u"show"_s, u"--json"_s, u"--passphrase-file"_s, m_bundlePass, p12});
    QVERIFY2(shown.ok(), shown.describeUtf8().constData());
    const QJsonObject root = QJsonDocument::fromJson(shown.out).object();
    QStringList order;
    for (int i = 0; i < countObjects(root, u"certificate"_s); ++i)
        order << firstObject(root, u"certificate"_s, i)
                     .value(u"subject"_s)
                     .toObject()
                     .value(u"CN"_s)
                     .toString();
    QCOMPARE(order, (QStringList{u"via-int.example.com"_s, u"CertDesk Test Intermediate"_s,
                                 u"CertDesk Test CA"_s}));
}

void TestCliCrossCheck::validityIsGmtInAnyLocalTimeZone_data()
{
    // --not-before/--not-after are GMT, whatever time zone the technician's laptop is in; a
    // GMT time that does not exist as local time (a daylight-saving gap) is still a time.
    // POSIX TZ strings, so no time zone database is needed.
    QTest::addColumn<QString>("tz");
    QTest::addColumn<QString>("notBefore");
    QTest::addColumn<QString>("notAfter");
    QTest::newRow("CET/CEST, start in the spring gap, end in the autumn overlap")
        << u"CET-1CEST,M3.5.0,M10.5.0/3"_s << u"2026-03-29T02:30:00"_s << u"2026-10-25T02:30:00"_s;
    QTest::newRow("US Eastern, start in the spring gap")
        << u"EST5EDT,M3.2.0,M11.1.0"_s << u"2026-03-08T02:15:00"_s << u"2026-11-01T01:30:00"_s;
    QTest::newRow("India, +05:30")
        << u"IST-5:30"_s << u"2026-01-01T08:30:00"_s << u"2026-12-31T23:59:59"_s;
}

void TestCliCrossCheck::validityIsGmtInAnyLocalTimeZone()
{
    QFETCH(QString, tz);
    QFETCH(QString, notBefore);
    QFETCH(QString, notAfter);
    QVERIFY2(m_ssRun.ok(), m_ssRun.describeUtf8().constData());
    const QString dir = makeDir(u"tz-%1"_s.arg(++m_timeZoneRuns));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"TZ"_s, tz);
    const RunResult r =
        cli({u"self-signed"_s, u"--name"_s, u"tz"_s, u"--common-name"_s, u"pbx.example.com"_s,
             u"--key"_s, QDir(m_ssDir).filePath(u"pbx.key"_s), u"--key-passphrase-file"_s,
             m_keyPass, u"--passphrase-file"_s, m_keyPass, u"--not-before"_s, notBefore,
             u"--not-after"_s, notAfter, u"--out-dir"_s, dir},
            QString(), env);
    QVERIFY2(r.ok(), qPrintable(u"TZ="_s + tz + r.describe()));
    const RunResult dates = openssl({u"x509"_s, u"-in"_s, QDir(dir).filePath(u"tz.crt"_s),
                                     u"-noout"_s, u"-dates"_s, u"-dateopt"_s, u"iso_8601"_s});
    QVERIFY2(dates.ok(), dates.describeUtf8().constData());
    const auto kv = keyValues(dates.stdOut());
    QCOMPARE(kv.value(u"notBefore"_s),
             QString(notBefore).replace(QLatin1Char('T'), QLatin1Char(' ')) + u"Z"_s);
    QCOMPARE(kv.value(u"notAfter"_s),
             QString(notAfter).replace(QLatin1Char('T'), QLatin1Char(' ')) + u"Z"_s);
}

void TestCliCrossCheck::passphrasesOpenWithOpenssl_data()
{
    // 7 to 32 characters, counted as characters: umlauts are two bytes in UTF-8.
    QTest::addColumn<QByteArray>("passphrase");
    QTest::newRow("7 characters") << QByteArray("1234567");
    QTest::newRow("32 characters") << QByteArray(32, 'k');
    QTest::newRow("7 umlauts (14 bytes)") << QString(7, QChar(0x00E4)).toUtf8();
    QTest::newRow("32 umlauts (64 bytes)") << QString(32, QChar(0x00FC)).toUtf8();
    QTest::newRow("spaces and symbols") << QByteArray(" pass phrase #1 \"'$ ");
}

void TestCliCrossCheck::passphrasesOpenWithOpenssl()
{
    QFETCH(QByteArray, passphrase);
    QVERIFY2(m_ssRun.ok(), m_ssRun.describeUtf8().constData());
    const QString dir = makeDir(u"passphrase-%1"_s.arg(++m_passphraseRuns));
    const QString passFile = QDir(dir).filePath(u"pass.txt"_s);
    QVERIFY(writeFile(passFile, passphrase + '\n'));
    const QString passin = u"file:"_s + passFile;
    const QString oldKey = QDir(m_ssDir).filePath(u"pbx.key"_s);

    // The encrypted key certdesk-cli writes …
    const QString key = QDir(dir).filePath(u"key.pem"_s);
    const RunResult converted =
        cli({u"convert"_s, oldKey, u"--passphrase-file"_s, m_keyPass, u"--to"_s, u"pem"_s,
             u"--out"_s, key, u"--out-passphrase-file"_s, passFile});
    QVERIFY2(converted.ok(), converted.describeUtf8().constData());
    const RunResult opened = openssl({u"pkey"_s, u"-in"_s, key, u"-passin"_s, passin, u"-noout"_s});
    QVERIFY2(opened.ok(), opened.describeUtf8().constData());

    // … and both kinds of PKCS#12 open in openssl with the same passphrase.
    for (const QString& format : {u"modern"_s, u"compat"_s}) {
        const RunResult issued = cli({u"issue"_s,
                                      u"--name"_s,
                                      format,
                                      u"--format"_s,
                                      format,
                                      u"--key"_s,
                                      oldKey,
                                      u"--key-passphrase-file"_s,
                                      m_keyPass,
                                      u"--common-name"_s,
                                      u"pbx.example.com"_s,
                                      u"--ca-cert"_s,
                                      m_caCert,
                                      u"--ca-key"_s,
                                      m_caKey,
                                      u"--ca-passphrase-file"_s,
                                      m_caPass,
                                      u"--passphrase-file"_s,
                                      passFile,
                                      u"--out-dir"_s,
                                      dir});
        QVERIFY2(issued.ok(), issued.describeUtf8().constData());
        const RunResult info =
            openssl({u"pkcs12"_s, u"-in"_s, QDir(dir).filePath(u"BasedOn"_s + format + u".p12"_s),
                     u"-noout"_s, u"-passin"_s, passin});
        QVERIFY2(info.ok(), qPrintable(format + info.describe()));
    }
}

void TestCliCrossCheck::fingerprintOfRequestAndKey()
{
    // For CSRs and keys: the SHA-256 of the public key (DER SubjectPublicKeyInfo).
    QVERIFY2(m_csrRun.ok(), m_csrRun.describeUtf8().constData());
    const QString csr = QDir(m_csrDir).filePath(u"osbiz-request.csr"_s);
    const QString spki = path(u"request-spki.der"_s);
    const RunResult pub = openssl({u"req"_s, u"-in"_s, csr, u"-noout"_s, u"-pubkey"_s});
    QVERIFY2(pub.ok(), pub.describeUtf8().constData());
    QVERIFY(writeFile(path(u"request-pub.pem"_s), pub.out));
    QVERIFY(openssl({u"pkey"_s, u"-pubin"_s, u"-in"_s, path(u"request-pub.pem"_s), u"-outform"_s,
                     u"DER"_s, u"-out"_s, spki})
                .ok());
    const RunResult digest = openssl({u"dgst"_s, u"-sha256"_s, u"-c"_s, spki});
    QVERIFY2(digest.ok(), digest.describeUtf8().constData());
    const QString want = digest.stdOut().trimmed().section(QLatin1Char(' '), -1).toUpper();
    QCOMPARE(want.size(), qsizetype(32 * 3 - 1));

    const RunResult ofCsr = cli({u"fingerprint"_s, csr});
    QVERIFY2(ofCsr.ok(), ofCsr.describeUtf8().constData());
    QVERIFY2(ofCsr.stdOut().startsWith(u"Public key SHA256="_s + want),
             ofCsr.describeUtf8().constData());
    const RunResult ofKey = cli({u"fingerprint"_s, u"--passphrase-file"_s, m_keyPass,
                                 QDir(m_csrDir).filePath(u"key_csr.pem"_s)});
    QVERIFY2(ofKey.ok(), ofKey.describeUtf8().constData());
    QVERIFY2(ofKey.stdOut().startsWith(u"Public key SHA256="_s + want),
             ofKey.describeUtf8().constData());
}

QTEST_GUILESS_MAIN(TestCliCrossCheck)
#include "TestCliCrossCheck.moc"
