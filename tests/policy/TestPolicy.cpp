#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/PrivateKey.h"
#include "core/policy/AppleTlsProfile.h"
#include "core/policy/CabForumProfile.h"
#include "core/policy/CheckSubject.h"
#include "core/policy/ExpiryProfile.h"
#include "core/policy/OsbizV3Profile.h"
#include "core/policy/ProfileSet.h"
#include "core/policy/ValidityPeriod.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace certdesk;
using namespace certdesk::crypto;
using namespace certdesk::policy;

namespace {

constexpr qint64 day = 86400;

QDateTime utc(int y, int m, int d, int h = 0, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone::utc());
}

QStringList codes(const ComplianceReport& report, std::optional<Severity> severity = {})
{
    QStringList out;
    for (const Finding& f : report.findings()) {
        if (!severity || f.severity == *severity)
            out << f.code;
    }
    return out;
}

QString dump(const ComplianceReport& report)
{
    return report.toText();
}

// Marks every string the policy module translates, to prove it goes through the translator.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char* context, const char* sourceText, const char* = nullptr,
                      int = -1) const override
    {
        static const QStringList contexts = {
            QStringLiteral("OsbizV3Profile"),  QStringLiteral("AppleTlsProfile"),
            QStringLiteral("CabForumProfile"), QStringLiteral("ExpiryProfile"),
            QStringLiteral("ProfileSet"),      QStringLiteral("TrustAssessment"),
            QStringLiteral("ValidityPeriod"),  QStringLiteral("Finding"),
            QStringLiteral("ComplianceReport")};
        if (!contexts.contains(QLatin1String(context)))
            return {};
        return QStringLiteral("»") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void compliantCertificatePasses();
    void rsa4096KeyIsRefusedByOsbiz();
    void ecKeyIsRefusedByOsbiz();
    void sha1CertificateIsRefused();
    void twoYearCertificateIssuedIn2026_data();
    void twoYearCertificateIssuedIn2026();
    void apple825DaysHoldsForEveryIssuer();
    void certificateWithoutSanFailsApple();
    void sanWithoutDnsName();
    void missingServerAuthEku();
    void validityIsCountedAsEachRuleDefinesIt();
    void cabForumSchedule();
    void expiryThresholds_data();
    void expiryThresholds();
    void legacyDefaultCertificate2024();
    void chainCertificatesAreChecked();
    void passphraseLength_data();
    void passphraseLength();
    void fileFormat_data();
    void fileFormat();
    void keyMustMatchCertificate();
    void profileParsing();
    void nullCertificate();
    void reportJsonAndText();
    void messagesGoThroughTheTranslator();

private:
    CertificateSpec
    serverSpec(const QDateTime& notBefore, const QDateTime& notAfter,
               const QStringList& sans = {QStringLiteral("DNS:osbiz.example.com")},
               const QString& commonName = QStringLiteral("osbiz.example.com")) const;
    Certificate issue(const CertificateSpec& spec, const PrivateKey& key) const;
    Certificate issue(const CertificateSpec& spec) const { return issue(spec, m_key); }
    Certificate selfSign(CertificateSpec spec, const PrivateKey& key) const;
    CheckSubject subjectFor(const Certificate& cert, const QDateTime& now) const;
    // Parses `profiles`, runs them, and checks what every finding must satisfy.
    ComplianceReport run(const CheckSubject& subject, const QString& profiles);

    QTemporaryDir m_dir;
    PrivateKey m_key;     // RSA 2048: the server key
    PrivateKey m_caKey;   // RSA 2048
    PrivateKey m_rsa4096; // RSA 4096
    PrivateKey m_ec;      // EC P-256
    Certificate m_ca;     // technician CA, 2015 … 2045
};

CertificateSpec TestPolicy::serverSpec(const QDateTime& notBefore, const QDateTime& notAfter,
                                       const QStringList& sans, const QString& commonName) const
{
    CertificateSpec spec;
    spec.profile = CertificateSpec::Profile::CaSignedServer;
    spec.notBefore = notBefore;
    spec.notAfter = notAfter;
    spec.subject.country = QStringLiteral("DE");
    spec.subject.organization = QStringLiteral("myOrganisation");
    spec.subject.commonName = commonName;
    for (const QString& san : sans)
        spec.subjectAltNames << *GeneralName::parse(san);
    return spec;
}

Certificate TestPolicy::issue(const CertificateSpec& spec, const PrivateKey& key) const
{
    auto cert = CertificateBuilder(spec).issue(key.publicKey(), m_ca, m_caKey);
    if (!cert) {
        qWarning("issue failed: %s", qPrintable(cert.error().message));
        return {};
    }
    return *cert;
}

Certificate TestPolicy::selfSign(CertificateSpec spec, const PrivateKey& key) const
{
    if (spec.profile == CertificateSpec::Profile::CaSignedServer)
        spec.profile = CertificateSpec::Profile::SelfSignedServer;
    auto cert = CertificateBuilder(spec).selfSign(key);
    if (!cert) {
        qWarning("selfSign failed: %s", qPrintable(cert.error().message));
        return {};
    }
    return *cert;
}

CheckSubject TestPolicy::subjectFor(const Certificate& cert, const QDateTime& now) const
{
    CheckSubject s;
    s.certificate = cert;
    s.now = now;
    return s;
}

ComplianceReport TestPolicy::run(const CheckSubject& subject, const QString& profiles)
{
    auto set = ProfileSet::parse(profiles);
    if (!set) {
        QTest::qFail(qPrintable(set.error().message), __FILE__, __LINE__);
        return {};
    }
    const ComplianceReport report = set->check(subject);
    static const QHash<QString, QString> prefixOf = {
        {QStringLiteral("osbiz-v3"), QStringLiteral("osbiz.")},
        {QStringLiteral("apple-tls"), QStringLiteral("apple.")},
        {QStringLiteral("cabf-2026"), QStringLiteral("cabf.")},
        {QStringLiteral("expiry"), QStringLiteral("expiry.")},
    };
    static const QRegularExpression placeholder(QStringLiteral("%[0-9n]"));
    for (const Finding& f : report.findings()) {
        // Every finding is complete and speaks to the technician: what, fix, whom it protects.
        const QString where = f.code + QLatin1String(": ") + f.message;
        if (!f.code.startsWith(prefixOf.value(f.profile, QStringLiteral("?"))))
            QTest::qFail(qPrintable(QLatin1String("code/profile mismatch ") + where), __FILE__,
                         __LINE__);
        if (f.message.isEmpty() || f.fix.isEmpty() || f.client.isEmpty())
            QTest::qFail(qPrintable(QLatin1String("incomplete finding ") + where), __FILE__,
                         __LINE__);
        if (!f.message.endsWith(QLatin1Char('.')) || !f.fix.endsWith(QLatin1Char('.')))
            QTest::qFail(qPrintable(QLatin1String("unfinished sentence ") + where), __FILE__,
                         __LINE__);
        if (f.message.contains(placeholder) || f.fix.contains(placeholder))
            QTest::qFail(qPrintable(QLatin1String("unfilled placeholder ") + where), __FILE__,
                         __LINE__);
    }
    return report;
}

void TestPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_key = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
    m_caKey = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
    m_rsa4096 = *PrivateKey::generate(KeyAlgorithm::Rsa4096);
    m_ec = *PrivateKey::generate(KeyAlgorithm::EcP256);

    CertificateSpec ca;
    ca.profile = CertificateSpec::Profile::CertificateAuthority;
    ca.notBefore = utc(2015, 1, 1);
    ca.notAfter = utc(2045, 1, 1);
    ca.subject.country = QStringLiteral("DE");
    ca.subject.organization = QStringLiteral("Technician");
    ca.subject.commonName = QStringLiteral("Technician CA");
    auto caCert = CertificateBuilder(ca).selfSign(m_caKey);
    QVERIFY2(caCert.ok(), caCert.ok() ? "" : qPrintable(caCert.error().message));
    m_ca = *caCert;
}

void TestPolicy::compliantCertificatePasses()
{
    // RSA 2048, sha256RSA, DNS SAN, serverAuth, 365 days, from the technician's CA.
    const Certificate cert = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)));
    QVERIFY(!cert.isNull());
    const auto d = CertificateDetails::of(cert);
    QCOMPARE(d.signatureAlgorithm, QStringLiteral("sha256RSA"));
    QCOMPARE(d.publicKeyLength, 2048);
    QVERIFY(d.extendedKeyUsage.contains(QStringLiteral("TLS Web Server Authentication")));

    CheckSubject s = subjectFor(cert, utc(2026, 3, 1));
    s.chain = {m_ca};
    s.key = m_key;
    s.passphrase = SecretBytes::fromUtf8(QStringLiteral("Secret-123"));
    s.fileFormat = QStringLiteral("PKCS#12");
    s.publiclyTrusted = false;
    ComplianceReport report = run(s, QStringLiteral("osbiz-v3,apple-tls,expiry"));
    QVERIFY2(report.findings().isEmpty(), qPrintable(dump(report)));
    QVERIFY(report.passed());

    // With trust unknown nothing changes: 365 days is within every limit.
    s.publiclyTrusted.reset();
    report = run(s, QStringLiteral("all"));
    QVERIFY2(report.findings().isEmpty(), qPrintable(dump(report)));

    // Publicly trusted and issued before 2026-03-15: 365 ≤ 398, still clean.
    s.publiclyTrusted = true;
    report = run(s, QStringLiteral("all"));
    QVERIFY2(report.findings().isEmpty(), qPrintable(dump(report)));

    // Private CA: cabf-2026 explains that it does not apply, as info — still passed.
    s.publiclyTrusted = false;
    report = run(s, QStringLiteral("all"));
    QCOMPARE(codes(report), QStringList{QStringLiteral("cabf.not-applicable")});
    QCOMPARE(report.findings().first().severity, Severity::Info);
    QVERIFY(report.passed());

    // A self-signed certificate with the same fields passes the default profiles too.
    const Certificate self =
        selfSign(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)), m_key);
    report = run(subjectFor(self, utc(2026, 3, 1)), QStringLiteral("osbiz-v3,apple-tls,expiry"));
    QVERIFY2(report.findings().isEmpty(), qPrintable(dump(report)));
}

void TestPolicy::rsa4096KeyIsRefusedByOsbiz()
{
    const Certificate cert =
        issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)), m_rsa4096);
    QVERIFY(!cert.isNull());
    const ComplianceReport report =
        run(subjectFor(cert, utc(2026, 3, 1)), QStringLiteral("osbiz-v3,apple-tls,expiry"));
    QCOMPARE(codes(report, Severity::Error), QStringList{QStringLiteral("osbiz.key-length")});
    QCOMPARE(codes(report), QStringList{QStringLiteral("osbiz.key-length")}); // Apple is fine
    const Finding f = *report.find(QStringLiteral("osbiz.key-length"));
    QCOMPARE(f.profile, QStringLiteral("osbiz-v3"));
    QVERIFY2(f.message.contains(QStringLiteral("4096")), qPrintable(f.message));
    QVERIFY2(f.message.contains(QStringLiteral("The OSBiz PBX accepts only RSA 2048-bit keys")),
             qPrintable(f.message));
    QVERIFY2(f.fix.contains(QStringLiteral("Generate a new CSR with a 2048-bit RSA key")),
             qPrintable(f.fix));
    QVERIFY(f.client.contains(QStringLiteral("OpenScape Business")));
    QVERIFY(report.hasErrors());
}

void TestPolicy::ecKeyIsRefusedByOsbiz()
{
    // EC key, self-signed: an ECDSA signature too.
    const Certificate cert =
        selfSign(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)), m_ec);
    QVERIFY(!cert.isNull());
    const ComplianceReport report =
        run(subjectFor(cert, utc(2026, 3, 1)), QStringLiteral("osbiz-v3"));
    QCOMPARE(codes(report, Severity::Error),
             (QStringList{QStringLiteral("osbiz.key-algorithm"),
                          QStringLiteral("osbiz.signature-algorithm")}));
    QVERIFY(report.find(QStringLiteral("osbiz.key-algorithm"))
                ->message.contains(QStringLiteral("EC P-256")));
    QVERIFY(report.find(QStringLiteral("osbiz.signature-algorithm"))
                ->message.contains(QStringLiteral("sha256ECDSA")));
    // Apple takes EC keys and ECDSA-SHA256.
    QVERIFY2(
        run(subjectFor(cert, utc(2026, 3, 1)), QStringLiteral("apple-tls")).findings().isEmpty(),
        qPrintable(dump(run(subjectFor(cert, utc(2026, 3, 1)), QStringLiteral("apple-tls")))));
}

void TestPolicy::sha1CertificateIsRefused()
{
    // CertificateBuilder refuses SHA-1, so the openssl CLI makes this one, with our key.
    const QString keyPath = m_dir.filePath(QStringLiteral("sha1.key"));
    const QString certPath = m_dir.filePath(QStringLiteral("sha1.crt"));
    {
        auto pem = m_key.toUnencryptedPem();
        QVERIFY(pem.ok());
        QFile f(keyPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(pem->data(), pem->size()), pem->size());
    }
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-sha1"),
                   QStringLiteral("-key"), keyPath, QStringLiteral("-out"), certPath,
                   QStringLiteral("-days"), QStringLiteral("365"), QStringLiteral("-subj"),
                   QStringLiteral("/C=DE/O=myOrganisation/CN=osbiz.example.com"),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:osbiz.example.com"),
                   QStringLiteral("-addext"), QStringLiteral("extendedKeyUsage=serverAuth")});
    QVERIFY(openssl.waitForFinished(60000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
    QFile f(certPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto cert = Certificate::fromPem(f.readAll());
    QVERIFY(cert.ok());
    QCOMPARE(CertificateDetails::of(*cert).signatureAlgorithm, QStringLiteral("sha1RSA"));

    CheckSubject s = subjectFor(*cert, cert->notBefore().addDays(1));
    s.key = m_key;
    const ComplianceReport report = run(s, QStringLiteral("osbiz-v3,apple-tls,expiry"));
    QCOMPARE(codes(report, Severity::Error),
             (QStringList{QStringLiteral("osbiz.signature-algorithm"),
                          QStringLiteral("apple.signature-hash")}));
    const Finding osbiz = *report.find(QStringLiteral("osbiz.signature-algorithm"));
    QVERIFY(osbiz.message.contains(QStringLiteral("sha1RSA")));
    QVERIFY(osbiz.message.contains(QStringLiteral("sha256RSA, sha384RSA and sha512RSA")));
    const Finding apple = *report.find(QStringLiteral("apple.signature-hash"));
    QVERIFY(apple.message.contains(QStringLiteral("SHA-1")));
    QVERIFY(apple.fix.contains(QStringLiteral("sha256RSA")));
    QVERIFY(apple.client.contains(QStringLiteral("myPortal to go")));
}

void TestPolicy::twoYearCertificateIssuedIn2026_data()
{
    QTest::addColumn<QDateTime>("notBefore");
    QTest::addColumn<int>("trust");         // 1 public, 0 private, -1 unknown
    QTest::addColumn<QString>("apple");     // expected apple.validity-398 severity, "" for none
    QTest::addColumn<QString>("cabf");      // expected cabf finding "code/severity"
    QTest::addColumn<QString>("cabfLimit"); // text the cabf message names

    const QDateTime jan = utc(2026, 1, 10);
    const QDateTime jun = utc(2026, 6, 1);
    QTest::newRow("Jan 2026, own CA")
        << jan << 0 << QString() << QStringLiteral("cabf.not-applicable/info") << QString();
    QTest::newRow("Jan 2026, public CA")
        << jan << 1 << QStringLiteral("error") << QStringLiteral("cabf.validity/error")
        << QStringLiteral("at most 398 days");
    QTest::newRow("Jan 2026, trust unknown")
        << jan << -1 << QStringLiteral("warning") << QStringLiteral("cabf.validity/warning")
        << QStringLiteral("at most 398 days");
    QTest::newRow("Jun 2026, own CA")
        << jun << 0 << QString() << QStringLiteral("cabf.not-applicable/info") << QString();
    QTest::newRow("Jun 2026, public CA")
        << jun << 1 << QStringLiteral("error") << QStringLiteral("cabf.validity/error")
        << QStringLiteral("at most 200 days");
    QTest::newRow("Jun 2026, trust unknown")
        << jun << -1 << QStringLiteral("warning") << QStringLiteral("cabf.validity/warning")
        << QStringLiteral("at most 200 days");
}

void TestPolicy::twoYearCertificateIssuedIn2026()
{
    QFETCH(QDateTime, notBefore);
    QFETCH(int, trust);
    QFETCH(QString, apple);
    QFETCH(QString, cabf);
    QFETCH(QString, cabfLimit);

    const Certificate cert = issue(serverSpec(notBefore, notBefore.addYears(2)));
    QVERIFY(!cert.isNull());
    CheckSubject s = subjectFor(cert, notBefore.addDays(30));
    if (trust >= 0)
        s.publiclyTrusted = trust == 1;

    const ComplianceReport appleReport = run(s, QStringLiteral("apple-tls"));
    // 730 days ≤ 825: never apple.validity-825.
    QVERIFY(!appleReport.contains(QStringLiteral("apple.validity-825")));
    if (apple.isEmpty()) {
        QVERIFY2(appleReport.findings().isEmpty(), qPrintable(dump(appleReport)));
    } else {
        QCOMPARE(codes(appleReport), QStringList{QStringLiteral("apple.validity-398")});
        const Finding f = appleReport.findings().first();
        QCOMPARE(Finding::severityName(f.severity), apple);
        const QString days = QStringLiteral("%1 days").arg(notBefore.daysTo(notBefore.addYears(2)));
        QVERIFY2(f.message.contains(days), qPrintable(f.message));
        QVERIFY(f.message.contains(QStringLiteral("398 days")));
        if (trust < 0)
            QVERIFY2(
                f.message.startsWith(QStringLiteral("If this certificate chains to a public root")),
                qPrintable(f.message));
    }

    const ComplianceReport cabfReport = run(s, QStringLiteral("cabf-2026"));
    QCOMPARE(cabfReport.findings().size(), 1);
    const Finding f = cabfReport.findings().first();
    QCOMPARE(f.code + QLatin1Char('/') + Finding::severityName(f.severity), cabf);
    if (!cabfLimit.isEmpty())
        QVERIFY2(f.message.contains(cabfLimit), qPrintable(f.message));
    if (trust < 0)
        QVERIFY2(
            f.message.startsWith(QStringLiteral("If this certificate chains to a public root")),
            qPrintable(f.message));
    if (trust == 0)
        QVERIFY2(f.message.contains(QStringLiteral("do not apply")) &&
                     f.message.contains(QStringLiteral("private")),
                 qPrintable(f.message));
}

void TestPolicy::apple825DaysHoldsForEveryIssuer()
{
    // Three years from the technician's own CA: Apple refuses it, whoever issued it.
    const Certificate own = issue(serverSpec(utc(2026, 1, 10), utc(2029, 1, 10)));
    CheckSubject s = subjectFor(own, utc(2026, 2, 1));
    s.publiclyTrusted = false;
    ComplianceReport report = run(s, QStringLiteral("apple-tls"));
    QCOMPARE(codes(report), QStringList{QStringLiteral("apple.validity-825")});
    QCOMPARE(report.findings().first().severity, Severity::Error);

    // The multi-year self-signed default a PBX makes for itself: the same.
    const Certificate pbx =
        selfSign(serverSpec(utc(2023, 11, 15), utc(2033, 11, 15),
                            {QStringLiteral("IP:192.168.1.2")}, QStringLiteral("192.168.1.2")),
                 m_key);
    report = run(subjectFor(pbx, utc(2026, 2, 1)), QStringLiteral("apple-tls"));
    QVERIFY(report.contains(QStringLiteral("apple.validity-825")));

    // Exactly 825 × 24 h is within Apple's limit; one second more is not.
    const Certificate exact = issue(serverSpec(utc(2026, 1, 10), utc(2026, 1, 10).addDays(825)));
    QVERIFY(!run(subjectFor(exact, utc(2026, 2, 1)), QStringLiteral("apple-tls"))
                 .contains(QStringLiteral("apple.validity-825")));
    const Certificate over =
        issue(serverSpec(utc(2026, 1, 10), utc(2026, 1, 10).addDays(825).addSecs(1)));
    QVERIFY(run(subjectFor(over, utc(2026, 2, 1)), QStringLiteral("apple-tls"))
                .contains(QStringLiteral("apple.validity-825")));

    // Issued before 2019-07-01: the 825-day rule did not exist yet.
    const Certificate old = issue(serverSpec(utc(2019, 6, 30), utc(2022, 6, 30)));
    QVERIFY(!run(subjectFor(old, utc(2020, 1, 1)), QStringLiteral("apple-tls"))
                 .contains(QStringLiteral("apple.validity-825")));
}

void TestPolicy::certificateWithoutSanFailsApple()
{
    const Certificate cert = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365), {}));
    QVERIFY(!cert.isNull());
    QVERIFY(CertificateDetails::of(cert).subjectAltNames.isEmpty());
    const CheckSubject s = subjectFor(cert, utc(2026, 3, 1));

    const ComplianceReport apple = run(s, QStringLiteral("apple-tls"));
    QCOMPARE(codes(apple, Severity::Error), QStringList{QStringLiteral("apple.san-dns")});
    const Finding f = *apple.find(QStringLiteral("apple.san-dns"));
    QVERIFY2(f.message.contains(QStringLiteral("no Subject Alternative Name (SAN)")),
             qPrintable(f.message));
    QVERIFY2(f.message.contains(QStringLiteral("CN = osbiz.example.com")), qPrintable(f.message));
    QVERIFY2(f.fix.contains(QStringLiteral("--san DNS:osbiz.example.com")), qPrintable(f.fix));
    QVERIFY(f.client.contains(QStringLiteral("iPhones")));

    // The PBX itself does not need a SAN.
    QVERIFY(run(s, QStringLiteral("osbiz-v3,expiry")).findings().isEmpty());
}

void TestPolicy::sanWithoutDnsName()
{
    // IP addresses only: works for clients that connect by that address — a warning.
    const Certificate ipOnly =
        issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365),
                         {QStringLiteral("IP:192.168.1.2")}, QStringLiteral("192.168.1.2")));
    ComplianceReport report = run(subjectFor(ipOnly, utc(2026, 3, 1)), QStringLiteral("apple-tls"));
    QCOMPARE(codes(report), QStringList{QStringLiteral("apple.san-dns")});
    QCOMPARE(report.findings().first().severity, Severity::Warning);
    QVERIFY(report.findings().first().message.contains(QStringLiteral("IP:192.168.1.2")));
    QVERIFY2(report.findings().first().fix.contains(QStringLiteral("--san IP:192.168.1.2")),
             qPrintable(report.findings().first().fix));

    // An e-mail address only: no server name at all — an error.
    const Certificate mailOnly = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365),
                                                  {QStringLiteral("EMAIL:admin@example.com")}));
    report = run(subjectFor(mailOnly, utc(2026, 3, 1)), QStringLiteral("apple-tls"));
    QCOMPARE(codes(report, Severity::Error), QStringList{QStringLiteral("apple.san-dns")});
    QVERIFY(report.findings().first().message.contains(QStringLiteral("contains no DNS name")));
}

void TestPolicy::missingServerAuthEku()
{
    // A CA certificate has no extended key usage: Apple refuses it as a server certificate,
    // and osbiz-v3 warns that it is a CA, not the server certificate.
    CertificateSpec spec = serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365));
    spec.profile = CertificateSpec::Profile::CertificateAuthority;
    auto ca = CertificateBuilder(spec).selfSign(m_caKey);
    QVERIFY(ca.ok());
    QVERIFY(CertificateDetails::of(*ca).extendedKeyUsage.isEmpty());
    const CheckSubject s = subjectFor(*ca, utc(2026, 3, 1));
    ComplianceReport report = run(s, QStringLiteral("apple-tls"));
    QVERIFY2(report.contains(QStringLiteral("apple.server-auth-eku")), qPrintable(dump(report)));
    const Finding f = *report.find(QStringLiteral("apple.server-auth-eku"));
    QCOMPARE(f.severity, Severity::Error);
    QVERIFY(f.message.contains(QStringLiteral("no Extended Key Usage")));
    QVERIFY(f.message.contains(QStringLiteral("id-kp-serverAuth")));

    report = run(s, QStringLiteral("osbiz-v3"));
    QCOMPARE(codes(report), QStringList{QStringLiteral("osbiz.not-server-certificate")});
    QCOMPARE(report.findings().first().severity, Severity::Warning);

    // Issued before 2019-07-01 (the technician CA from 2015): Apple did not ask for it yet.
    QVERIFY(!run(subjectFor(m_ca, utc(2026, 3, 1)), QStringLiteral("apple-tls"))
                 .contains(QStringLiteral("apple.server-auth-eku")));
}

void TestPolicy::validityIsCountedAsEachRuleDefinesIt()
{
    // Issued 2025-06-01 by a public CA: limit 398 days for both rules. The BRs count
    // notBefore through notAfter inclusive; Apple compares the fields.
    const QDateTime nb = utc(2025, 6, 1);
    struct Case
    {
        qint64 seconds;
        bool cabf;
        bool apple;
    };
    const Case cases[] = {
        {397 * day, false, false},
        {398 * day - 1, false, false}, // BR: exactly 398 × 86 400 s inclusive
        {398 * day, true, false},      // BR: 398 days and 1 s → too long; Apple: fine
        {398 * day + 1, true, true},
    };
    for (const Case& c : cases) {
        const Certificate cert = issue(serverSpec(nb, nb.addSecs(c.seconds)));
        QVERIFY(!cert.isNull());
        CheckSubject s = subjectFor(cert, nb.addDays(1));
        s.publiclyTrusted = true;
        const ComplianceReport report = run(s, QStringLiteral("apple-tls,cabf-2026"));
        QVERIFY2(report.contains(QStringLiteral("cabf.validity")) == c.cabf,
                 qPrintable(QString::number(c.seconds) + QLatin1Char(' ') + dump(report)));
        QVERIFY2(report.contains(QStringLiteral("apple.validity-398")) == c.apple,
                 qPrintable(QString::number(c.seconds) + QLatin1Char(' ') + dump(report)));
        if (c.seconds == 398 * day)
            QVERIFY2(report.find(QStringLiteral("cabf.validity"))
                         ->message.contains(QStringLiteral("one second too long")),
                     qPrintable(dump(report)));
    }

    const ValidityPeriod exact(nb, nb.addDays(398));
    QCOMPARE(exact.seconds(), 398 * day);
    QCOMPARE(exact.baselineDays(), qint64(399));
    QVERIFY(!exact.exceedsDays(398));
    QVERIFY(exact.exceedsBaselineDays(398));
    QCOMPARE(exact.describe(), QStringLiteral("398 days"));
    const ValidityPeriod lessASecond(nb, nb.addSecs(398 * day - 1));
    QCOMPARE(lessASecond.baselineDays(), qint64(398));
    QVERIFY(!lessASecond.exceedsBaselineDays(398));
    QCOMPARE(lessASecond.describe(), QStringLiteral("more than 397 days"));
}

void TestPolicy::cabForumSchedule()
{
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2017, 12, 31)), std::optional<int>());
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2018, 3, 1)), std::optional<int>(825));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2020, 8, 31, 23, 59, 59)),
             std::optional<int>(825));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2020, 9, 1)), std::optional<int>(398));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2026, 3, 14, 23, 59, 59)),
             std::optional<int>(398));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2026, 3, 15)), std::optional<int>(200));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2027, 3, 14, 23, 59, 59)),
             std::optional<int>(200));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2027, 3, 15)), std::optional<int>(100));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2029, 3, 14, 23, 59, 59)),
             std::optional<int>(100));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2029, 3, 15)), std::optional<int>(47));
    QCOMPARE(CabForumProfile::maxValidityDays(utc(2035, 1, 1)), std::optional<int>(47));

    // 120 days from a public CA: fine when issued in 2026-05, too long from 2027-03-15.
    for (const auto& [issued, tooLong] :
         {std::pair{utc(2026, 5, 1), false}, std::pair{utc(2027, 3, 15), true}}) {
        const Certificate cert = issue(serverSpec(issued, issued.addDays(120)));
        CheckSubject s = subjectFor(cert, issued.addDays(1));
        s.publiclyTrusted = true;
        const ComplianceReport report = run(s, QStringLiteral("cabf-2026"));
        QCOMPARE(report.contains(QStringLiteral("cabf.validity")), tooLong);
        if (tooLong)
            QVERIFY(report.findings().first().message.contains(QStringLiteral("2027-03-15")));
    }

    // The fix names the limit for a certificate issued today, not the old one's.
    {
        const Certificate twoYears = issue(serverSpec(utc(2025, 6, 1), utc(2027, 6, 1)));
        CheckSubject s = subjectFor(twoYears, utc(2026, 4, 1));
        s.publiclyTrusted = true;
        const ComplianceReport report = run(s, QStringLiteral("cabf-2026"));
        const Finding f = *report.find(QStringLiteral("cabf.validity"));
        QVERIFY2(f.message.contains(QStringLiteral("at most 398 days")), qPrintable(f.message));
        QVERIFY2(f.fix.contains(QStringLiteral("issued today (2026-04-01) may be valid for at "
                                               "most 200 days")),
                 qPrintable(f.fix));
    }

    // Self-signed: the rule does not apply, whatever the caller claims, and says why.
    const Certificate self = selfSign(serverSpec(utc(2026, 6, 1), utc(2027, 6, 1)), m_key);
    CheckSubject s = subjectFor(self, utc(2026, 7, 1));
    s.publiclyTrusted = true;
    const ComplianceReport report = run(s, QStringLiteral("cabf-2026"));
    QCOMPARE(codes(report, Severity::Info), QStringList{QStringLiteral("cabf.not-applicable")});
    QVERIFY(report.findings().first().message.contains(QStringLiteral("self-signed")));
}

void TestPolicy::expiryThresholds_data()
{
    QTest::addColumn<qint64>("offset"); // now − notAfter, seconds
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("severity");

    const int error = int(Severity::Error);
    const int warning = int(Severity::Warning);
    QTest::newRow("31 days left") << -31 * day << QString() << 0;
    QTest::newRow("30 days + 1 s left") << -(30 * day + 1) << QString() << 0;
    QTest::newRow("30 days left") << -30 * day << QStringLiteral("expiry.within-30-days")
                                  << warning;
    QTest::newRow("8 days left") << -8 * day << QStringLiteral("expiry.within-30-days") << warning;
    QTest::newRow("7 days + 1 s left")
        << -(7 * day + 1) << QStringLiteral("expiry.within-30-days") << warning;
    QTest::newRow("7 days left") << -7 * day << QStringLiteral("expiry.within-7-days") << error;
    QTest::newRow("1 hour left") << qint64(-3600) << QStringLiteral("expiry.within-7-days")
                                 << error;
    QTest::newRow("last second") << qint64(0) << QStringLiteral("expiry.within-7-days") << error;
    QTest::newRow("1 s expired") << qint64(1) << QStringLiteral("expiry.expired") << error;
    QTest::newRow("400 days expired") << 400 * day << QStringLiteral("expiry.expired") << error;
}

void TestPolicy::expiryThresholds()
{
    QFETCH(qint64, offset);
    QFETCH(QString, code);
    QFETCH(int, severity);

    const QDateTime nb = utc(2026, 1, 1);
    const QDateTime na = utc(2026, 12, 31, 12, 0, 0);
    const Certificate cert = issue(serverSpec(nb, na));
    QVERIFY(!cert.isNull());
    const ComplianceReport report =
        run(subjectFor(cert, na.addSecs(offset)), QStringLiteral("expiry"));
    if (code.isEmpty()) {
        QVERIFY2(report.findings().isEmpty(), qPrintable(dump(report)));
        return;
    }
    QCOMPARE(codes(report), QStringList{code});
    const Finding f = report.findings().first();
    QCOMPARE(int(f.severity), severity);
    QVERIFY2(f.message.contains(QStringLiteral("2026-12-31 12:00:00 GMT")), qPrintable(f.message));
    QVERIFY(f.fix.contains(QStringLiteral("activate")));
    QVERIFY(f.client.contains(QStringLiteral("myPortal @work")));
    if (offset == -3600)
        QVERIFY2(f.message.contains(QStringLiteral("in less than a day")), qPrintable(f.message));
    if (offset == -8 * day)
        QVERIFY2(f.message.contains(QStringLiteral("in 8 days")), qPrintable(f.message));
    if (offset == 400 * day)
        QVERIFY2(f.message.contains(QStringLiteral("400 days ago")), qPrintable(f.message));
}

void TestPolicy::legacyDefaultCertificate2024()
{
    // The temporary self-signed certificate of systems first set up before V3R2.1.
    const Certificate legacy =
        selfSign(serverSpec(utc(2014, 1, 1), utc(2024, 1, 1), {QStringLiteral("IP:192.168.1.2")},
                            QStringLiteral("192.168.1.2")),
                 m_key);
    QVERIFY(!legacy.isNull());
    QVERIFY(legacy.isSelfSigned());

    struct Case
    {
        QDateTime now;
        Severity severity;
        const char* status;
    };
    const Case cases[] = {
        {utc(2025, 6, 1), Severity::Error, "It expired on 2024-01-01 00:00:00 GMT"},
        {utc(2023, 12, 28), Severity::Error, "It expires on 2024-01-01 00:00:00 GMT (in 4 days)"},
        {utc(2023, 12, 10), Severity::Warning, "in 22 days"},
        {utc(2023, 6, 1), Severity::Warning, "It expires on 2024-01-01"},
    };
    for (const Case& c : cases) {
        const ComplianceReport report = run(subjectFor(legacy, c.now), QStringLiteral("expiry"));
        QCOMPARE(codes(report), QStringList{QStringLiteral("expiry.osbiz-legacy-default")});
        const Finding f = report.findings().first();
        QCOMPARE(f.severity, c.severity);
        QVERIFY2(f.message.contains(QStringLiteral("V3R2.1")), qPrintable(f.message));
        QVERIFY(f.message.contains(QStringLiteral("1 January 2024")));
        QVERIFY2(f.message.contains(QLatin1String(c.status)), qPrintable(f.message));
        QVERIFY(f.fix.contains(QStringLiteral("Generate Self-Signed Certificate")));
        QVERIFY(f.fix.contains(QStringLiteral("certificate from a CA")));
    }

    // The default profiles flag it as an error once expired.
    const ComplianceReport defaults =
        ProfileSet::defaults().check(subjectFor(legacy, utc(2025, 6, 1)));
    QVERIFY(defaults.contains(QStringLiteral("expiry.osbiz-legacy-default")));
    QVERIFY(defaults.hasErrors());

    // Same end date from a CA: an ordinary expired certificate.
    const Certificate issued = issue(serverSpec(utc(2023, 1, 1), utc(2024, 1, 1)));
    QCOMPARE(codes(run(subjectFor(issued, utc(2025, 6, 1)), QStringLiteral("expiry"))),
             QStringList{QStringLiteral("expiry.expired")});
}

void TestPolicy::chainCertificatesAreChecked()
{
    auto makeCa = [this](const QString& cn, const QDateTime& nb, const QDateTime& na) {
        CertificateSpec spec;
        spec.profile = CertificateSpec::Profile::CertificateAuthority;
        spec.notBefore = nb;
        spec.notAfter = na;
        spec.subject.commonName = cn;
        return *CertificateBuilder(spec).selfSign(m_caKey);
    };
    const Certificate leaf = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)));
    CheckSubject s = subjectFor(leaf, utc(2026, 3, 1));
    s.chain = {m_ca, makeCa(QStringLiteral("Old CA"), utc(2015, 1, 1), utc(2025, 1, 1)),
               makeCa(QStringLiteral("Ending CA"), utc(2016, 1, 1), utc(2026, 3, 11))};
    const ComplianceReport report = run(s, QStringLiteral("expiry"));
    QCOMPARE(codes(report), (QStringList{QStringLiteral("expiry.chain-expired"),
                                         QStringLiteral("expiry.chain-expires-soon")}));
    QVERIFY(report.findings().at(0).message.contains(QStringLiteral("\"Old CA\"")));
    QCOMPARE(report.findings().at(0).severity, Severity::Error);
    QVERIFY(report.findings().at(1).message.contains(QStringLiteral("in 10 days")));
    QCOMPARE(report.findings().at(1).severity, Severity::Warning);
}

void TestPolicy::passphraseLength_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("ok");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("6") << QStringLiteral("abcdef") << false;
    QTest::newRow("7") << QStringLiteral("abcdefg") << true;
    QTest::newRow("32") << QString(32, QLatin1Char('x')) << true;
    QTest::newRow("33") << QString(33, QLatin1Char('x')) << false;
    // 7 characters, 14 bytes of UTF-8: characters count, not bytes.
    QTest::newRow("umlauts") << QStringLiteral("äöüßäöü") << true;
    // 17 characters, 34 bytes.
    QTest::newRow("17 umlauts") << QString(17, QChar(0x00E4)) << true;
}

void TestPolicy::passphraseLength()
{
    QFETCH(QString, passphrase);
    QFETCH(bool, ok);
    const Certificate cert = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)));
    CheckSubject s = subjectFor(cert, utc(2026, 3, 1));
    s.passphrase = SecretBytes::fromUtf8(passphrase);
    const ComplianceReport report = run(s, QStringLiteral("osbiz-v3"));
    QCOMPARE(report.contains(QStringLiteral("osbiz.passphrase-length")), !ok);
    if (!ok) {
        const Finding f = *report.find(QStringLiteral("osbiz.passphrase-length"));
        QVERIFY(f.message.contains(QStringLiteral("7 to 32 characters")));
        const QString count = passphrase.isEmpty()
                                  ? QStringLiteral("The passphrase is empty.")
                                  : QStringLiteral("has %1 characters").arg(passphrase.size());
        QVERIFY2(f.message.contains(count), qPrintable(f.message));
        if (!passphrase.isEmpty())
            QVERIFY(!f.message.contains(passphrase) && !f.fix.contains(passphrase));
    }
}

void TestPolicy::fileFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("ok");
    QTest::newRow("PKCS#12") << QStringLiteral("PKCS#12") << true;
    QTest::newRow("p12") << QStringLiteral("p12") << true;
    QTest::newRow(".pfx") << QStringLiteral(".pfx") << true;
    QTest::newRow("PEM") << QStringLiteral("PEM") << true;
    QTest::newRow("DER") << QStringLiteral("DER") << false;
    QTest::newRow("PKCS#7") << QStringLiteral("PKCS#7") << false;
}

void TestPolicy::fileFormat()
{
    QFETCH(QString, format);
    QFETCH(bool, ok);
    QCOMPARE(OsbizV3Profile::isAcceptedFileFormat(format), ok);
    const Certificate cert = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)));
    CheckSubject s = subjectFor(cert, utc(2026, 3, 1));
    s.fileFormat = format;
    const ComplianceReport report = run(s, QStringLiteral("osbiz-v3"));
    QCOMPARE(report.contains(QStringLiteral("osbiz.file-format")), !ok);
    if (!ok) {
        const Finding f = *report.find(QStringLiteral("osbiz.file-format"));
        QVERIFY(f.message.contains(format));
        QVERIFY(f.fix.contains(QStringLiteral("--to p12")));
    }
}

void TestPolicy::keyMustMatchCertificate()
{
    const Certificate cert = issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365)));
    CheckSubject s = subjectFor(cert, utc(2026, 3, 1));
    s.key = m_key;
    QVERIFY(run(s, QStringLiteral("osbiz-v3")).findings().isEmpty());
    s.key = m_caKey;
    const ComplianceReport report = run(s, QStringLiteral("osbiz-v3"));
    QCOMPARE(codes(report, Severity::Error), QStringList{QStringLiteral("osbiz.key-mismatch")});
    QVERIFY(report.findings().first().fix.contains(QStringLiteral("key_csr.pem")));
}

void TestPolicy::profileParsing()
{
    QCOMPARE(ProfileSet::availableIds(),
             (QStringList{QStringLiteral("osbiz-v3"), QStringLiteral("apple-tls"),
                          QStringLiteral("cabf-2026"), QStringLiteral("expiry")}));
    QCOMPARE(ProfileSet::defaults().ids(),
             (QStringList{QStringLiteral("osbiz-v3"), QStringLiteral("expiry")}));
    QCOMPARE(ProfileSet::all().ids(), ProfileSet::availableIds());

    auto set = ProfileSet::parse(QStringLiteral("osbiz-v3,apple-tls"));
    QVERIFY(set.ok());
    QCOMPARE(set->ids(), (QStringList{QStringLiteral("osbiz-v3"), QStringLiteral("apple-tls")}));

    // Order kept, case and spaces ignored, duplicates dropped.
    set = ProfileSet::parse(QStringLiteral(" Apple-TLS , osbiz-v3,apple-tls,"));
    QVERIFY(set.ok());
    QCOMPARE(set->ids(), (QStringList{QStringLiteral("apple-tls"), QStringLiteral("osbiz-v3")}));

    set = ProfileSet::parse(QStringLiteral("default,cabf-2026"));
    QVERIFY(set.ok());
    QCOMPARE(set->ids(), (QStringList{QStringLiteral("osbiz-v3"), QStringLiteral("expiry"),
                                      QStringLiteral("cabf-2026")}));
    QCOMPARE(ProfileSet::parse(QStringLiteral("all"))->ids(), ProfileSet::availableIds());

    for (const QString& bad : {QStringLiteral("osbiz-v3,osbiz-v2"), QStringLiteral("apple")}) {
        const auto r = ProfileSet::parse(bad);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        const QString unknown = bad.section(QLatin1Char(','), -1);
        QVERIFY2(r.error().message.contains(QLatin1Char('"') + unknown + QLatin1Char('"')),
                 qPrintable(r.error().message));
        for (const QString& id : ProfileSet::availableIds())
            QVERIFY2(r.error().message.contains(id), qPrintable(r.error().message));
    }
    for (const QString& empty : {QString(), QStringLiteral(" , ")}) {
        const auto r = ProfileSet::parse(empty);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Usage);
        QVERIFY(
            r.error().message.contains(QStringLiteral("osbiz-v3, apple-tls, cabf-2026, expiry")));
    }

    const ProfileSet everything = ProfileSet::all();
    for (const auto& p : everything.profiles()) {
        QVERIFY(!p->title().isEmpty());
        QVERIFY(!p->reference().isEmpty());
    }
}

void TestPolicy::nullCertificate()
{
    const ComplianceReport report = ProfileSet::defaults().check(CheckSubject{});
    QCOMPARE(codes(report), QStringList{QStringLiteral("policy.no-certificate")});
    QVERIFY(report.hasErrors());
}

void TestPolicy::reportJsonAndText()
{
    const Certificate cert =
        issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365), {}), m_rsa4096);
    CheckSubject s = subjectFor(cert, utc(2026, 12, 30));
    s.publiclyTrusted = false;
    const ComplianceReport report = run(s, QStringLiteral("all"));
    QCOMPARE(codes(report),
             (QStringList{QStringLiteral("osbiz.key-length"), QStringLiteral("apple.san-dns"),
                          QStringLiteral("cabf.not-applicable"),
                          QStringLiteral("expiry.within-7-days")}));
    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("errors")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("warnings")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("infos")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("profiles")).toArray().size(), 4);
    const QJsonObject first = json.value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("osbiz.key-length"));
    QCOMPARE(first.value(QStringLiteral("profile")).toString(), QStringLiteral("osbiz-v3"));
    for (const char* key : {"message", "fix", "client"})
        QVERIFY(!first.value(QLatin1String(key)).toString().isEmpty());

    const QString text = report.toText();
    QVERIFY(text.startsWith(QStringLiteral("Error [osbiz.key-length]")));
    QVERIFY(text.contains(QStringLiteral("  Fix: ")));
    QVERIFY(text.contains(QStringLiteral("  Protects: ")));
    // Errors first: the info line comes last before the summary.
    QVERIFY(text.indexOf(QStringLiteral("Info [cabf.not-applicable]")) >
            text.indexOf(QStringLiteral("Error [expiry.within-7-days]")));
    QVERIFY(text.endsWith(QStringLiteral("Failed (osbiz-v3, apple-tls, cabf-2026, expiry): 3 "
                                         "errors, 0 warnings, 1 note.")));
}

void TestPolicy::messagesGoThroughTheTranslator()
{
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const Certificate cert =
        issue(serverSpec(utc(2026, 1, 5), utc(2026, 1, 5).addDays(365), {}), m_rsa4096);
    CheckSubject s = subjectFor(cert, utc(2026, 12, 30));
    s.publiclyTrusted = false;
    const ComplianceReport report = ProfileSet::all().check(s);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(report.findings().size(), 4);
    for (const Finding& f : report.findings()) {
        QVERIFY2(f.message.startsWith(QStringLiteral("»")), qPrintable(f.message));
        QVERIFY2(f.fix.startsWith(QStringLiteral("»")), qPrintable(f.fix));
        QVERIFY2(f.client.startsWith(QStringLiteral("»")), qPrintable(f.client));
    }
    const auto r = ProfileSet::parse(QStringLiteral("nope"));
    QVERIFY(!r.ok());
    QVERIFY(!r.error().message.startsWith(QStringLiteral("»"))); // translator removed again
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "TestPolicy.moc"
