#include "OpenSslCli.h"

#include "core/crypto/PrivateKey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace certdesk::crypto;

class TestPrivateKey : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void generatesEveryType_data();
    void generatesEveryType();
    void encryptedPemRoundTrip_data();
    void encryptedPemRoundTrip();
    void wrongOrMissingPassphrase();
    void unencryptedExports();
    void derRoundTrip();
    void rejectsGarbage();

private:
    QTemporaryDir m_dir;
    PrivateKey m_rsa;
    SecretBytes m_passphrase = SecretBytes::fromUtf8(QStringLiteral("correct horse"));
};

void TestPrivateKey::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto key = PrivateKey::generate(KeyAlgorithm::Rsa2048);
    QVERIFY(key.ok());
    m_rsa = *key;
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("pass")), "correct horse\n"));
}

void TestPrivateKey::generatesEveryType_data()
{
    QTest::addColumn<int>("algorithm");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("name");
    QTest::newRow("rsa3072") << int(KeyAlgorithm::Rsa3072) << 3072 << "RSA";
    QTest::newRow("p256") << int(KeyAlgorithm::EcP256) << 256 << "EC P-256";
    QTest::newRow("p384") << int(KeyAlgorithm::EcP384) << 384 << "EC P-384";
}

void TestPrivateKey::generatesEveryType()
{
    QFETCH(int, algorithm);
    QFETCH(int, bits);
    QFETCH(QString, name);
    auto key = PrivateKey::generate(static_cast<KeyAlgorithm>(algorithm));
    QVERIFY(key.ok());
    QCOMPARE(key->bits(), bits);
    QCOMPARE(key->algorithmName(), name);
    QCOMPARE(m_rsa.bits(), 2048);
    QVERIFY(m_rsa.isRsa());
}

void TestPrivateKey::encryptedPemRoundTrip_data()
{
    QTest::addColumn<int>("kdf");
    QTest::addColumn<QString>("kdfName");
    QTest::newRow("pbkdf2") << int(PrivateKey::Kdf::Pbkdf2) << "PBKDF2";
    QTest::newRow("scrypt") << int(PrivateKey::Kdf::Scrypt) << ":scrypt";
}

void TestPrivateKey::encryptedPemRoundTrip()
{
    QFETCH(int, kdf);
    QFETCH(QString, kdfName);
    auto pem = m_rsa.toEncryptedPem(m_passphrase, static_cast<PrivateKey::Kdf>(kdf));
    QVERIFY(pem.ok());
    QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QVERIFY(!pem->contains("BEGIN PRIVATE KEY"));

    auto back = PrivateKey::fromPem(*pem, &m_passphrase);
    QVERIFY(back.ok());
    QVERIFY(back->publicKey() == m_rsa.publicKey());

    // OpenSSL itself opens it with the passphrase and sees AES-256-CBC under the chosen KDF.
    const QString path = m_dir.filePath(QStringLiteral("enc-%1.pem").arg(kdfName));
    QVERIFY(writeFile(path, *pem));
    const auto parsed = runOpenSsl({QStringLiteral("asn1parse"), QStringLiteral("-in"), path});
    QCOMPARE(parsed.exitCode, 0);
    QVERIFY2(parsed.output.contains(QStringLiteral("aes-256-cbc")), qPrintable(parsed.output));
    QVERIFY2(parsed.output.contains(kdfName), qPrintable(parsed.output));
    const auto opened =
        runOpenSsl({QStringLiteral("pkey"), QStringLiteral("-in"), path, QStringLiteral("-passin"),
                    QStringLiteral("file:") + m_dir.filePath(QStringLiteral("pass")),
                    QStringLiteral("-pubout")});
    QCOMPARE(opened.exitCode, 0);
    QVERIFY(opened.output.contains(QStringLiteral("BEGIN PUBLIC KEY")));
}

void TestPrivateKey::wrongOrMissingPassphrase()
{
    auto pem = m_rsa.toEncryptedPem(m_passphrase);
    QVERIFY(pem.ok());
    const SecretBytes wrong = SecretBytes::fromUtf8(QStringLiteral("wrong horse"));
    auto bad = PrivateKey::fromPem(*pem, &wrong);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QStringLiteral("passphrase does not open")),
             qPrintable(bad.error().message));
    auto missing = PrivateKey::fromPem(*pem);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QStringLiteral("protected by a passphrase")),
             qPrintable(missing.error().message));
    QVERIFY(!m_rsa.toEncryptedPem(SecretBytes()).ok());
}

void TestPrivateKey::unencryptedExports()
{
    auto pkcs8 = m_rsa.toUnencryptedPem(PrivateKey::PlainFormat::Pkcs8);
    QVERIFY(pkcs8.ok());
    QVERIFY(pkcs8->view().startsWith("-----BEGIN PRIVATE KEY-----"));
    auto pkcs1 = m_rsa.toUnencryptedPem(PrivateKey::PlainFormat::Pkcs1);
    QVERIFY(pkcs1.ok());
    QVERIFY(pkcs1->view().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    auto back = PrivateKey::fromPem(pkcs1->view());
    QVERIFY(back.ok());
    QVERIFY(back->publicKey() == m_rsa.publicKey());
}

void TestPrivateKey::derRoundTrip()
{
    auto der = m_rsa.toUnencryptedDer();
    QVERIFY(der.ok());
    auto back = PrivateKey::fromDer(der->view());
    QVERIFY(back.ok());
    QVERIFY(back->publicKey() == m_rsa.publicKey());
    auto encDer = m_rsa.toEncryptedDer(m_passphrase);
    QVERIFY(encDer.ok());
    auto back2 = PrivateKey::fromDer(*encDer, &m_passphrase);
    QVERIFY(back2.ok());
    QVERIFY(back2->publicKey() == m_rsa.publicKey());
    // A different key does not compare equal.
    auto other = PrivateKey::generate(KeyAlgorithm::EcP256);
    QVERIFY(other.ok());
    QVERIFY(!(other->publicKey() == m_rsa.publicKey()));
}

void TestPrivateKey::rejectsGarbage()
{
    auto empty = PrivateKey::fromPem(QByteArrayView());
    QVERIFY(!empty.ok());
    QVERIFY(empty.error().message.contains(QStringLiteral("empty")));
    auto garbage = PrivateKey::fromPem(QByteArrayView("this is not a key at all"));
    QVERIFY(!garbage.ok());
    QVERIFY(garbage.error().message.contains(QStringLiteral("not a private key")));
}

QTEST_GUILESS_MAIN(TestPrivateKey)
#include "TestPrivateKey.moc"
