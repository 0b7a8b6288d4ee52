#include "OpenSslCli.h"

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CsrBuilder.h"
#include "core/crypto/PrivateKey.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace certdesk::crypto;

class TestBuilders : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void csrCarriesSubjectSansAndExtensions();
    void caCertificateHasCaExtensions();
    void issuedServerCertificateVerifiesAgainstCa();
    void detailsMatchOpenSsl();
    void selfSignedServerIsNotCa();
    void refusesBadSpecs();
    void refusesWrongIssuer();
    void ordersChains();

private:
    CertificateSpec serverSpec() const;
    QTemporaryDir m_dir;
    PrivateKey m_caKey;
    PrivateKey m_serverKey;
    Certificate m_ca;
    Certificate m_server;
    QDateTime m_start = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
};

CertificateSpec TestBuilders::serverSpec() const
{
    CertificateSpec spec;
    spec.profile = CertificateSpec::Profile::CaSignedServer;
    spec.serial = *SerialNumber::fromDecimal(QStringLiteral("4356465"));
    spec.digest = SignatureDigest::Sha384;
    spec.notBefore = m_start;
    spec.notAfter = m_start.addDays(365);
    spec.subject.country = QStringLiteral("DE");
    spec.subject.organization = QStringLiteral("myOrganisation");
    spec.subject.commonName = QStringLiteral("osbiz.example.com");
    spec.subjectAltNames = {*GeneralName::parse(QStringLiteral("DNS:osbiz.example.com")),
                            *GeneralName::parse(QStringLiteral("IP:192.0.2.10")),
                            *GeneralName::parse(QStringLiteral("IP:2001:db8::10")),
                            *GeneralName::parse(QStringLiteral("EMAIL:admin@example.com")),
                            *GeneralName::parse(QStringLiteral("URI:https://osbiz.example.com/"))};
    spec.crlDistributionPoint =
        *GeneralName::parse(QStringLiteral("URI:http://pki.example.com/ca.crl"));
    return spec;
}

void TestBuilders::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_caKey = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
    m_serverKey = *PrivateKey::generate(KeyAlgorithm::Rsa2048);

    CertificateSpec ca;
    ca.profile = CertificateSpec::Profile::CertificateAuthority;
    ca.notBefore = m_start.addDays(-1);
    ca.notAfter = m_start.addYears(10);
    ca.subject.country = QStringLiteral("DE");
    ca.subject.organization = QStringLiteral("Unify");
    ca.subject.commonName = QStringLiteral("Technician CA");
    auto caCert = CertificateBuilder(ca).selfSign(m_caKey);
    QVERIFY2(caCert.ok(), caCert.ok() ? "" : qPrintable(caCert.error().message));
    m_ca = *caCert;

    auto server = CertificateBuilder(serverSpec()).issue(m_serverKey.publicKey(), m_ca, m_caKey);
    QVERIFY2(server.ok(), server.ok() ? "" : qPrintable(server.error().message));
    m_server = *server;
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ca.pem")), m_ca.toPem()));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("server.pem")), m_server.toPem()));
}

void TestBuilders::csrCarriesSubjectSansAndExtensions()
{
    CsrSpec spec;
    spec.subject.country = QStringLiteral("DE");
    spec.subject.organization = QStringLiteral("Example Co");
    spec.subject.organizationalUnit = QStringLiteral("Example");
    spec.subject.commonName = QStringLiteral("www.example.com");
    spec.subjectAltNames = {*GeneralName::parse(QStringLiteral("DNS:www.example.com")),
                            *GeneralName::parse(QStringLiteral("IP:192.168.1.1"))};
    spec.digest = SignatureDigest::Sha512;
    auto csr = CsrBuilder(spec).build(m_serverKey);
    QVERIFY(csr.ok());
    QVERIFY(csr->verifySignature());
    QVERIFY(csr->matches(m_serverKey));
    QVERIFY(!csr->matches(m_caKey));
    QCOMPARE(csr->subject(), spec.subject);
    QCOMPARE(csr->subjectAltNames(), spec.subjectAltNames);

    const auto details = CertificateDetails::of(*csr);
    QCOMPARE(details.certificateType, QStringLiteral("Certificate Signing Request (CSR)"));
    QCOMPARE(details.signatureAlgorithm, QStringLiteral("sha512RSA"));
    QCOMPARE(details.publicKeyLength, 2048);
    QVERIFY(details.extendedKeyUsage.contains(QStringLiteral("TLS Web Server Authentication")));
    QVERIFY(details.keyUsage.contains(QStringLiteral("Key Encipherment")));

    const QString path = m_dir.filePath(QStringLiteral("req.csr"));
    QVERIFY(writeFile(path, csr->toPem()));
    const auto verify =
        runOpenSsl({QStringLiteral("req"), QStringLiteral("-in"), path, QStringLiteral("-verify"),
                    QStringLiteral("-noout"), QStringLiteral("-text")});
    QCOMPARE(verify.exitCode, 0);
    QVERIFY2(verify.output.contains(QStringLiteral("verify OK")), qPrintable(verify.output));
    QVERIFY(verify.output.contains(QStringLiteral("sha512WithRSAEncryption")));
    QVERIFY(verify.output.contains(QStringLiteral("DNS:www.example.com, IP Address:192.168.1.1")));
}

void TestBuilders::caCertificateHasCaExtensions()
{
    QVERIFY(m_ca.isCa());
    QVERIFY(m_ca.isSelfSigned());
    const auto text = runOpenSsl({QStringLiteral("x509"), QStringLiteral("-in"),
                                  m_dir.filePath(QStringLiteral("ca.pem")),
                                  QStringLiteral("-noout"), QStringLiteral("-text")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.output.contains(
                 QStringLiteral("X509v3 Basic Constraints: critical\n                CA:TRUE")),
             qPrintable(text.output));
    QVERIFY(text.output.contains(QStringLiteral("Certificate Sign, CRL Sign")));
    QVERIFY(text.output.contains(QStringLiteral("X509v3 Subject Key Identifier")));
    QVERIFY(text.output.contains(QStringLiteral("X509v3 Authority Key Identifier")));
    QCOMPARE(CertificateDetails::of(m_ca).certificateType,
             QStringLiteral("Self-Signed CA Certificate"));
}

void TestBuilders::issuedServerCertificateVerifiesAgainstCa()
{
    QVERIFY(m_server.isIssuedBy(m_ca));
    QVERIFY(!m_server.isCa());
    QVERIFY(m_server.matches(m_serverKey));
    // Validate at a time inside both validity periods.
    const auto verify = runOpenSsl(
        {QStringLiteral("verify"), QStringLiteral("-CAfile"),
         m_dir.filePath(QStringLiteral("ca.pem")), QStringLiteral("-attime"),
         QString::number(m_start.addDays(10).toSecsSinceEpoch()), QStringLiteral("-purpose"),
         QStringLiteral("sslserver"), m_dir.filePath(QStringLiteral("server.pem"))});
    QVERIFY2(verify.exitCode == 0 && verify.output.contains(QStringLiteral(": OK")),
             qPrintable(verify.output));
    const auto text = runOpenSsl({QStringLiteral("x509"), QStringLiteral("-in"),
                                  m_dir.filePath(QStringLiteral("server.pem")),
                                  QStringLiteral("-noout"), QStringLiteral("-text")});
    QVERIFY(text.output.contains(QStringLiteral("CA:FALSE")));
    QVERIFY(text.output.contains(QStringLiteral("Digital Signature, Key Encipherment")));
    QVERIFY(text.output.contains(QStringLiteral("TLS Web Server Authentication")));
    QVERIFY(text.output.contains(QStringLiteral("URI:http://pki.example.com/ca.crl")));
    QVERIFY2(text.output.contains(QStringLiteral(
                 "DNS:osbiz.example.com, IP Address:192.0.2.10, IP Address:2001:DB8:0:0:0:0:0:10, "
                 "email:admin@example.com, URI:https://osbiz.example.com/")),
             qPrintable(text.output));
    QVERIFY(text.output.contains(QStringLiteral("sha384WithRSAEncryption")));
}

void TestBuilders::detailsMatchOpenSsl()
{
    const auto d = CertificateDetails::of(m_server, m_start);
    QCOMPARE(d.certificateType, QStringLiteral("CA-Signed Peer Certificate"));
    QCOMPARE(d.serialDecimal, QStringLiteral("4356465"));
    QCOMPARE(d.serialHex, QStringLiteral("42:79:71"));
    QCOMPARE(d.signatureAlgorithm, QStringLiteral("sha384RSA"));
    QCOMPARE(d.notBefore, m_start);
    QCOMPARE(d.notAfter, m_start.addDays(365));
    QCOMPARE(d.daysLeft.value_or(-1), 365);
    QCOMPARE(d.issuer->commonName, QStringLiteral("Technician CA"));
    QCOMPARE(d.subjectAltNames, serverSpec().subjectAltNames);
    QCOMPARE(d.crlDistributionPoints.size(), 1);
    QCOMPARE(d.version, 3);

    const auto fp =
        runOpenSsl({QStringLiteral("x509"), QStringLiteral("-in"),
                    m_dir.filePath(QStringLiteral("server.pem")), QStringLiteral("-noout"),
                    QStringLiteral("-fingerprint"), QStringLiteral("-sha256"),
                    QStringLiteral("-serial"), QStringLiteral("-modulus")});
    QVERIFY2(fp.output.contains(QStringLiteral("=") + d.fingerprintSha256), qPrintable(fp.output));
    QVERIFY(fp.output.contains(QStringLiteral("serial=427971")));
    QVERIFY(fp.output.contains(QStringLiteral("Modulus=") + d.publicKeyHex));
    QCOMPARE(d.authorityKeyIdentifier, CertificateDetails::of(m_ca).subjectKeyIdentifier);
}

void TestBuilders::selfSignedServerIsNotCa()
{
    CertificateSpec spec = serverSpec();
    spec.profile = CertificateSpec::Profile::SelfSignedServer;
    auto cert = CertificateBuilder(spec).selfSign(m_serverKey);
    QVERIFY(cert.ok());
    QVERIFY(cert->isSelfSigned());
    QVERIFY(!cert->isCa());
    QCOMPARE(CertificateDetails::of(*cert).certificateType,
             QStringLiteral("Self-Signed Certificate"));
}

void TestBuilders::refusesBadSpecs()
{
    CertificateSpec spec = serverSpec();
    spec.notAfter = spec.notBefore.addSecs(-1);
    auto endBeforeStart = CertificateBuilder(spec).issue(m_serverKey.publicKey(), m_ca, m_caKey);
    QVERIFY(!endBeforeStart.ok());
    QVERIFY(endBeforeStart.error().message.contains(QStringLiteral("not after its start")));

    spec = serverSpec();
    spec.notAfter = m_start.addYears(20);
    auto outlives = CertificateBuilder(spec).issue(m_serverKey.publicKey(), m_ca, m_caKey);
    QVERIFY(!outlives.ok());
    QVERIFY(outlives.error().message.contains(QStringLiteral("outlive")));

    spec = serverSpec();
    spec.subject.country = QStringLiteral("DEU");
    QVERIFY(!CertificateBuilder(spec).issue(m_serverKey.publicKey(), m_ca, m_caKey).ok());

    spec = serverSpec();
    spec.crlDistributionPoint = *GeneralName::parse(QStringLiteral("IP:192.0.2.1"));
    QVERIFY(!CertificateBuilder(spec).issue(m_serverKey.publicKey(), m_ca, m_caKey).ok());
}

void TestBuilders::refusesWrongIssuer()
{
    // A server certificate cannot issue.
    auto notCa = CertificateBuilder(serverSpec()).issue(m_caKey.publicKey(), m_server, m_serverKey);
    QVERIFY(!notCa.ok());
    QVERIFY(notCa.error().message.contains(QStringLiteral("not a CA certificate")));
    // The CA key must belong to the CA certificate.
    auto wrongKey =
        CertificateBuilder(serverSpec()).issue(m_serverKey.publicKey(), m_ca, m_serverKey);
    QVERIFY(!wrongKey.ok());
    QVERIFY(wrongKey.error().message.contains(QStringLiteral("does not belong")));
}

void TestBuilders::ordersChains()
{
    // root -> intermediate -> leaf, given in scrambled order.
    const PrivateKey interKey = *PrivateKey::generate(KeyAlgorithm::EcP256);
    CertificateSpec inter;
    inter.profile = CertificateSpec::Profile::CertificateAuthority;
    inter.notBefore = m_start;
    inter.notAfter = m_start.addYears(5);
    inter.subject.commonName = QStringLiteral("Intermediate");
    auto interCert = CertificateBuilder(inter).issue(interKey.publicKey(), m_ca, m_caKey);
    QVERIFY(interCert.ok());
    auto leaf =
        CertificateBuilder(serverSpec()).issue(m_serverKey.publicKey(), *interCert, interKey);
    QVERIFY(leaf.ok());
    QCOMPARE(CertificateDetails::of(*interCert).certificateType,
             QStringLiteral("Intermediate CA Certificate"));

    const QList<Certificate> ordered = orderChain({m_ca, *leaf, *interCert});
    QCOMPARE(ordered.size(), 3);
    QVERIFY(ordered[0] == *leaf);
    QVERIFY(ordered[1] == *interCert);
    QVERIFY(ordered[2] == m_ca);
    const QList<Certificate> again = orderChain({*interCert, m_ca, *leaf});
    QVERIFY(again[0] == *leaf && again[2] == m_ca);
}

QTEST_GUILESS_MAIN(TestBuilders)
#include "TestBuilders.moc"
