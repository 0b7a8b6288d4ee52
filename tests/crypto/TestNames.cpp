#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/KeyAlgorithm.h"
#include "core/crypto/SecretBytes.h"
#include "core/crypto/SerialNumber.h"

#include <QTest>

using namespace certdesk::crypto;

class TestNames : public QObject
{
    Q_OBJECT
private slots:
    void generalNameParses_data();
    void generalNameParses();
    void generalNameRejects_data();
    void generalNameRejects();
    void countryMustBeTwoLetters();
    void subjectLimits();
    void serialFromDecimal();
    void serialLimits();
    void serialRandomIsPositiveAndFits();
    void digestNames();
    void passphraseCountsCharacters();
};

void TestNames::generalNameParses_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::newRow("dns") << "DNS:osbiz.example.com" << int(GeneralName::Kind::Dns)
                         << "osbiz.example.com";
    QTest::newRow("wildcard") << "dns:*.example.com" << int(GeneralName::Kind::Dns)
                              << "*.example.com";
    QTest::newRow("ipv4") << "IP:192.0.2.10" << int(GeneralName::Kind::Ip) << "192.0.2.10";
    QTest::newRow("ipv6") << "IP:2001:db8::10" << int(GeneralName::Kind::Ip) << "2001:db8::10";
    QTest::newRow("openssl ip") << "IP Address:10.0.0.1" << int(GeneralName::Kind::Ip)
                                << "10.0.0.1";
    QTest::newRow("email") << "EMAIL:admin@example.com" << int(GeneralName::Kind::Email)
                           << "admin@example.com";
    QTest::newRow("uri") << "URI:https://pbx.example.com/x?a=b,c" << int(GeneralName::Kind::Uri)
                         << "https://pbx.example.com/x?a=b,c";
}

void TestNames::generalNameParses()
{
    QFETCH(QString, input);
    QFETCH(int, kind);
    QFETCH(QString, value);
    const auto name = GeneralName::parse(input);
    QVERIFY2(name.ok(), name.ok() ? "" : qPrintable(name.error().message));
    QCOMPARE(int(name->kind), kind);
    QCOMPARE(name->value, value);
}

void TestNames::generalNameRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no type") << "osbiz.example.com"
                             << "no type";
    QTest::newRow("bad type") << "RID:1.2.3"
                              << "not a name type";
    QTest::newRow("ip range") << "IP:999.1.1.1"
                              << "not an IP address";
    QTest::newRow("ip short") << "IP:10.1.1"
                              << "IP address";
    QTest::newRow("ip scoped") << "IP:fe80::1%eth0"
                               << "not an IP address";
    QTest::newRow("dns space") << "DNS:bad name.example.com"
                               << "not a valid DNS name";
    QTest::newRow("dns underscore") << "DNS:bad_name.example.com"
                                    << "not a valid DNS name";
    QTest::newRow("dns hyphen") << "DNS:-bad.example.com"
                                << "not a valid DNS name";
    QTest::newRow("mail") << "EMAIL:not-an-address"
                          << "not an e-mail address";
    QTest::newRow("uri") << "URI:no scheme here"
                         << "not a URI";
}

void TestNames::generalNameRejects()
{
    QFETCH(QString, input);
    QFETCH(QString, mentions);
    const auto name = GeneralName::parse(input);
    QVERIFY(!name.ok());
    QVERIFY2(name.error().message.contains(mentions), qPrintable(name.error().message));
}

void TestNames::countryMustBeTwoLetters()
{
    DistinguishedName dn;
    dn.commonName = QStringLiteral("pbx.example.com");
    dn.country = QStringLiteral("DEU");
    QVERIFY(!dn.validate().ok());
    QVERIFY(dn.validate().error().message.contains(QStringLiteral("Country (C)")));
    dn.country = QStringLiteral("de");
    QVERIFY(!dn.validate().ok());
    dn.country = QStringLiteral("DE");
    QVERIFY(dn.validate().ok());
}

void TestNames::subjectLimits()
{
    DistinguishedName dn;
    QVERIFY(!dn.validate().ok()); // empty
    dn.commonName = QString(65, QLatin1Char('a'));
    QVERIFY(!dn.validate().ok());
    QVERIFY(dn.validate().error().message.contains(QStringLiteral("64")));
    dn.commonName = QString(64, QLatin1Char('a'));
    QVERIFY(dn.validate().ok());
}

void TestNames::serialFromDecimal()
{
    const auto s = SerialNumber::fromDecimal(QStringLiteral("123456789"));
    QVERIFY(s.ok());
    QCOMPARE(s->toHex(), QStringLiteral("07:5B:CD:15"));
    QCOMPARE(s->toDecimal(), QStringLiteral("123456789"));
    const auto high = SerialNumber::fromDecimal(QStringLiteral("255"));
    QVERIFY(high.ok());
    QCOMPARE(high->toHex(), QStringLiteral("00:FF")); // sign octet, as openssl prints it
}

void TestNames::serialLimits()
{
    QVERIFY(!SerialNumber::fromDecimal(QStringLiteral("0")).ok());
    QVERIFY(!SerialNumber::fromDecimal(QStringLiteral("-5")).ok());
    QVERIFY(!SerialNumber::fromDecimal(QStringLiteral("12a")).ok());
    // 2^159 - 1 fits 20 octets; 2^159 needs a 21st (sign) octet.
    const QString max = QStringLiteral("730750818665451459101842416358141509827966271487");
    const QString over = QStringLiteral("730750818665451459101842416358141509827966271488");
    QVERIFY(SerialNumber::fromDecimal(max).ok());
    const auto tooBig = SerialNumber::fromDecimal(over);
    QVERIFY(!tooBig.ok());
    QVERIFY(tooBig.error().message.contains(QStringLiteral("20 bytes")));
}

void TestNames::serialRandomIsPositiveAndFits()
{
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const SerialNumber s = SerialNumber::random();
        QVERIFY(!s.isNull());
        QVERIFY(s.bigEndian().size() <= 20);
        QVERIFY((static_cast<unsigned char>(s.bigEndian().front()) & 0x80) == 0 ||
                s.bigEndian().size() < 20);
        seen.insert(s.toDecimal());
    }
    QCOMPARE(seen.size(), 50);
}

void TestNames::digestNames()
{
    QCOMPARE(parseSignatureDigest(QStringLiteral("sha256RSA")), SignatureDigest::Sha256);
    QCOMPARE(parseSignatureDigest(QStringLiteral("SHA-384")), SignatureDigest::Sha384);
    QCOMPARE(parseSignatureDigest(QStringLiteral("sha512")), SignatureDigest::Sha512);
    QVERIFY(!parseSignatureDigest(QStringLiteral("sha1")));
    QVERIFY(!parseSignatureDigest(QStringLiteral("md5")));
    QCOMPARE(adminPortalSignatureName(SignatureDigest::Sha384), QStringLiteral("sha384RSA"));
    QCOMPARE(parseKeyAlgorithm(QStringLiteral("rsa2048")), KeyAlgorithm::Rsa2048);
    QCOMPARE(parseKeyAlgorithm(QStringLiteral("ec-p384")), KeyAlgorithm::EcP384);
    QVERIFY(!parseKeyAlgorithm(QStringLiteral("rsa1024")));
}

void TestNames::passphraseCountsCharacters()
{
    // "Grüße!!" is 7 characters but 9 bytes: the 7–32 rule counts characters.
    const SecretBytes p = SecretBytes::fromUtf8(QStringLiteral("Gr\u00fc\u00dfe!!"));
    QCOMPARE(p.size(), 9);
    QCOMPARE(p.characterCount(), 7);
    SecretBytes line(QByteArrayView("secret\r\n"));
    line.chopLineEnding();
    QCOMPARE(line.view(), QByteArrayView("secret"));
}

QTEST_GUILESS_MAIN(TestNames)
#include "TestNames.moc"
