// CryptoFile against files the openssl CLI writes: every PEM label in any mix and order, DER
// certificates, requests and keys, PKCS#7 and PKCS#12; and bad files, each of which must fail
// with one line that names the problem.

#include "ContainerFixtures.h"

#include "core/crypto/CryptoFile.h"

#include <QtTest>

using namespace certdesk::crypto;
using namespace containertest;

namespace {

// Renames a PEM label, e.g. CERTIFICATE to X509 CERTIFICATE: the content stays valid.
QByteArray relabel(QByteArray pem, const QByteArray& from, const QByteArray& to)
{
    pem.replace("-----BEGIN " + from + "-----", "-----BEGIN " + to + "-----");
    pem.replace("-----END " + from + "-----", "-----END " + to + "-----");
    return pem;
}

// Damages the base64 of the first PEM block in the middle, leaving BEGIN and END intact.
QByteArray damageBase64(QByteArray pem)
{
    const qsizetype line = pem.indexOf('\n', pem.indexOf("-----BEGIN")) + 1;
    pem.replace(line + 10, 8, "*#!?%&()");
    return pem;
}

} // namespace

class TestCryptoFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parsesGoodFiles_data();
    void parsesGoodFiles();
    void scrambledPemBundle();
    void pkcs12ThroughCryptoFile();
    void pkcs7ChainOrder();
    void failsClearly_data();
    void failsClearly();
    void loadNamesTheFile();

private:
    Fixtures m_fx;
    PrivateKey m_leafKey;
    Certificate m_leaf, m_inter, m_root;
};

void TestCryptoFile::initTestCase()
{
    QVERIFY2(m_fx.make(), "openssl could not make the input files");
    auto key = PrivateKey::fromPem(m_fx.bytes(QStringLiteral("leaf.key")));
    QVERIFY(key.ok());
    m_leafKey = *key;
    auto leaf = Certificate::fromPem(m_fx.bytes(QStringLiteral("leaf.crt")));
    auto inter = Certificate::fromPem(m_fx.bytes(QStringLiteral("inter.crt")));
    auto root = Certificate::fromPem(m_fx.bytes(QStringLiteral("root.crt")));
    QVERIFY(leaf.ok() && inter.ok() && root.ok());
    m_leaf = *leaf;
    m_inter = *inter;
    m_root = *root;
    // Fixture sanity: these must be the forms their names say.
    QVERIFY(m_fx.bytes(QStringLiteral("leaf-trad-enc.key")).contains("Proc-Type: 4,ENCRYPTED"));
    QVERIFY(m_fx.bytes(QStringLiteral("leaf-enc.key")).contains("BEGIN ENCRYPTED PRIVATE KEY"));
    QVERIFY(m_fx.bytes(QStringLiteral("leaf-pkcs1.key")).contains("BEGIN RSA PRIVATE KEY"));
    QVERIFY(m_fx.bytes(QStringLiteral("ec.key")).contains("BEGIN EC PARAMETERS"));
    QVERIFY(m_fx.bytes(QStringLiteral("root-trusted.pem")).contains("BEGIN TRUSTED CERTIFICATE"));
    QVERIFY(m_fx.bytes(QStringLiteral("leaf.der")).startsWith('\x30'));
}

void TestCryptoFile::parsesGoodFiles_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("withPassphrase");
    QTest::addColumn<int>("container");
    QTest::addColumn<int>("certificates");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("key"); // "" none, "leaf" the leaf's key, "other" some key
    QTest::addColumn<bool>("encrypted");

    const auto pem = int(CryptoFile::Container::Pem);
    const auto der = int(CryptoFile::Container::Der);
    const auto p7 = int(CryptoFile::Container::Pkcs7);
    const auto p12 = int(CryptoFile::Container::Pkcs12);
    const QByteArray leafCrt = m_fx.bytes(QStringLiteral("leaf.crt"));
    const QByteArray csr = m_fx.bytes(QStringLiteral("leaf.csr"));
    const QString leaf = QStringLiteral("leaf");

    QTest::newRow("PEM certificate") << leafCrt << false << pem << 1 << 0 << QString() << false;
    QTest::newRow("PEM X509 CERTIFICATE") << relabel(leafCrt, "CERTIFICATE", "X509 CERTIFICATE")
                                          << false << pem << 1 << 0 << QString() << false;
    QTest::newRow("PEM TRUSTED CERTIFICATE") << m_fx.bytes(QStringLiteral("root-trusted.pem"))
                                             << false << pem << 1 << 0 << QString() << false;
    QTest::newRow("PEM chain") << m_fx.bytes(QStringLiteral("all.pem")) << false << pem << 3 << 0
                               << QString() << false;
    QTest::newRow("PEM CSR") << csr << false << pem << 0 << 1 << QString() << false;
    QTest::newRow("PEM NEW CERTIFICATE REQUEST")
        << relabel(csr, "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST") << false << pem << 0 << 1
        << QString() << false;
    QTest::newRow("PEM PKCS#8 key")
        << m_fx.bytes(QStringLiteral("leaf.key")) << false << pem << 0 << 0 << leaf << false;
    QTest::newRow("PEM PKCS#1 key")
        << m_fx.bytes(QStringLiteral("leaf-pkcs1.key")) << false << pem << 0 << 0 << leaf << false;
    QTest::newRow("PEM encrypted PKCS#8 key")
        << m_fx.bytes(QStringLiteral("leaf-enc.key")) << true << pem << 0 << 0 << leaf << true;
    QTest::newRow("PEM encrypted traditional key (Proc-Type)")
        << m_fx.bytes(QStringLiteral("leaf-trad-enc.key")) << true << pem << 0 << 0 << leaf << true;
    QTest::newRow("PEM EC key after EC PARAMETERS")
        << m_fx.bytes(QStringLiteral("ec.key")) << false << pem << 0 << 0 << QStringLiteral("other")
        << false;
    QTest::newRow("PEM key, CSR and certificate")
        << csr + m_fx.bytes(QStringLiteral("leaf.key")) + leafCrt << false << pem << 1 << 1 << leaf
        << false;
    QTest::newRow("PEM with CRLF line ends") << QByteArray(leafCrt).replace("\n", "\r\n") << false
                                             << pem << 1 << 0 << QString() << false;
    QTest::newRow("PEM PKCS7") << m_fx.bytes(QStringLiteral("chain.p7b")) << false << p7 << 3 << 0
                               << QString() << false;
    QTest::newRow("DER certificate")
        << m_fx.bytes(QStringLiteral("leaf.der")) << false << der << 1 << 0 << QString() << false;
    QTest::newRow("DER CSR") << m_fx.bytes(QStringLiteral("leaf-csr.der")) << false << der << 0 << 1
                             << QString() << false;
    QTest::newRow("DER PKCS7") << m_fx.bytes(QStringLiteral("chain-der.p7b")) << false << p7 << 3
                               << 0 << QString() << false;
    QTest::newRow("DER PKCS#8 key")
        << m_fx.bytes(QStringLiteral("leaf-key.der")) << false << der << 0 << 0 << leaf << false;
    QTest::newRow("DER PKCS#1 key") << m_fx.bytes(QStringLiteral("leaf-key-pkcs1.der")) << false
                                    << der << 0 << 0 << leaf << false;
    QTest::newRow("DER encrypted PKCS#8 key")
        << m_fx.bytes(QStringLiteral("leaf-key-enc.der")) << true << der << 0 << 0 << leaf << true;
    QTest::newRow("PKCS#12 modern")
        << m_fx.bytes(QStringLiteral("modern.p12")) << true << p12 << 3 << 0 << leaf << true;
    QTest::newRow("PKCS#12 legacy")
        << m_fx.bytes(QStringLiteral("legacy.p12")) << true << p12 << 3 << 0 << leaf << true;
}

void TestCryptoFile::parsesGoodFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, withPassphrase);
    QFETCH(int, container);
    QFETCH(int, certificates);
    QFETCH(int, requests);
    QFETCH(QString, key);
    QFETCH(bool, encrypted);

    const SecretBytes pass(kPassphrase);
    auto file = CryptoFile::parse(data, withPassphrase ? &pass : nullptr);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(int(file->container), container);
    QCOMPARE(file->certificates.size(), certificates);
    QCOMPARE(file->requests.size(), requests);
    QCOMPARE(file->key.has_value(), !key.isEmpty());
    QCOMPARE(file->keyWasEncrypted, encrypted);
    QVERIFY(!file->isEmpty());
    if (key == QLatin1String("leaf"))
        QVERIFY(m_leaf.matches(*file->key));
    else if (!key.isEmpty())
        QVERIFY(!m_leaf.matches(*file->key) &&
                file->key->publicKey().algorithmName() == QLatin1String("EC P-256"));
    for (const Certificate& c : file->certificates)
        QVERIFY(!c.isNull());
    for (const CertificateRequest& r : file->requests)
        QVERIFY(r.matches(m_leafKey) && r.verifySignature());
    const QString names[] = {QStringLiteral("PEM"), QStringLiteral("DER"), QStringLiteral("PKCS#7"),
                             QStringLiteral("PKCS#12")};
    QCOMPARE(file->containerName(), names[container]);
}

void TestCryptoFile::scrambledPemBundle()
{
    // Root, openssl's Bag Attributes text, the key, the intermediate, the leaf: all found and
    // the chain orders as leaf → intermediate → root.
    QByteArray bundle = m_fx.bytes(QStringLiteral("root.crt"));
    bundle += "Bag Attributes\n    friendlyName: PBX Leaf\n    localKeyID: 01 02 03\n"
              "subject=CN = pbx.example.com\n\n";
    bundle += m_fx.bytes(QStringLiteral("leaf.key"));
    bundle += "Some notes in between -- not PEM.\n";
    bundle += m_fx.bytes(QStringLiteral("inter.crt"));
    bundle += m_fx.bytes(QStringLiteral("leaf.crt"));
    const QString path = m_fx.path(QStringLiteral("scrambled.pem"));
    QVERIFY(writeFile(path, bundle));

    auto file = CryptoFile::load(path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(file->container, CryptoFile::Container::Pem);
    QCOMPARE(file->certificates.size(), 3);
    QVERIFY(file->certificates.at(0) == m_root); // as found
    QVERIFY(file->key && m_leaf.matches(*file->key));
    QVERIFY(!file->keyWasEncrypted);
    const QList<Certificate> chain = orderChain(file->certificates);
    QVERIFY(chain.at(0) == m_leaf);
    QVERIFY(chain.at(1) == m_inter);
    QVERIFY(chain.at(2) == m_root);
}

void TestCryptoFile::pkcs12ThroughCryptoFile()
{
    const SecretBytes pass(kPassphrase);
    auto file = CryptoFile::load(m_fx.path(QStringLiteral("legacy.p12")), &pass);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
    QCOMPARE(file->containerName(), QStringLiteral("PKCS#12"));
    // Leaf first, then issuer, then root.
    QCOMPARE(file->certificates.size(), 3);
    QVERIFY(file->certificates.at(0) == m_leaf);
    QVERIFY(file->certificates.at(1) == m_inter);
    QVERIFY(file->certificates.at(2) == m_root);
    QVERIFY(file->key && m_leaf.matches(*file->key));
}

void TestCryptoFile::pkcs7ChainOrder()
{
    for (const QString& name : {QStringLiteral("chain.p7b"), QStringLiteral("chain-der.p7b")}) {
        auto file = CryptoFile::load(m_fx.path(name));
        QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().message));
        QCOMPARE(file->container, CryptoFile::Container::Pkcs7);
        QVERIFY(!file->key);
        const QList<Certificate> chain = orderChain(file->certificates);
        QCOMPARE(chain.size(), 3);
        QVERIFY(chain.at(0) == m_leaf);
        QVERIFY(chain.at(1) == m_inter);
        QVERIFY(chain.at(2) == m_root);
    }
}

void TestCryptoFile::failsClearly_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("passphrase"); // empty: none given
    QTest::addColumn<QStringList>("words");     // each must appear; "a|b": either

    const QByteArray der = m_fx.bytes(QStringLiteral("leaf.der"));
    const QByteArray leafCrt = m_fx.bytes(QStringLiteral("leaf.crt"));
    const QByteArray leafKey = m_fx.bytes(QStringLiteral("leaf.key"));
    const QByteArray p12 = m_fx.bytes(QStringLiteral("modern.p12"));
    QByteArray random(1024, Qt::Uninitialized);
    QRandomGenerator generator(20261127); // the same garbage every run
    for (char& c : random)
        c = static_cast<char>(generator.bounded(256));
    random[0] = 'G';
    QByteArray sequenceOfNothing = QByteArray::fromHex("3003020101");

    const QStringList notRecognised{QStringLiteral("not|unrecogni")};
    QTest::newRow("empty") << QByteArray() << QByteArray() << QStringList{QStringLiteral("empty")};
    QTest::newRow("only blank lines")
        << QByteArray("\n  \r\n\n") << QByteArray() << QStringList{QStringLiteral("empty")};
    QTest::newRow("random bytes") << random << QByteArray() << notRecognised;
    QTest::newRow("text") << QByteArray("This is not a certificate.\nJust notes.\n") << QByteArray()
                          << notRecognised;
    QTest::newRow("DER SEQUENCE of something else")
        << sequenceOfNothing << QByteArray() << notRecognised;
    QTest::newRow("DER certificate cut in half")
        << der.left(der.size() / 2) << QByteArray() << QStringList{QStringLiteral("truncated")};
    QTest::newRow("DER cut inside the header")
        << der.left(3) << QByteArray() << QStringList{QStringLiteral("truncated")};
    QTest::newRow("PKCS#12 cut in half")
        << p12.left(p12.size() / 2) << kPassphrase << QStringList{QStringLiteral("truncated")};
    QTest::newRow("PEM base64 damaged")
        << damageBase64(leafCrt) << QByteArray()
        << QStringList{QStringLiteral("damaged"), QStringLiteral("CERTIFICATE")};
    QTest::newRow("PEM key damaged")
        << damageBase64(leafKey) << QByteArray()
        << QStringList{QStringLiteral("damaged"), QStringLiteral("PRIVATE KEY")};
    QTest::newRow("PEM END line missing")
        << leafCrt.left(leafCrt.indexOf("-----END")) << QByteArray()
        << QStringList{QStringLiteral("damaged"), QStringLiteral("END")};
    QTest::newRow("PEM cut, then another block")
        << leafCrt.left(leafCrt.size() / 2) + m_fx.bytes(QStringLiteral("root.crt")) << QByteArray()
        << QStringList{QStringLiteral("damaged"), QStringLiteral("END")};
    QTest::newRow("PEM with only parameters")
        << QByteArray(
               "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n")
        << QByteArray()
        << QStringList{QStringLiteral("no certificate"), QStringLiteral("EC PARAMETERS")};
    QTest::newRow("two private keys")
        << leafKey + m_fx.bytes(QStringLiteral("other.key")) << QByteArray()
        << QStringList{QStringLiteral("more than one private key")};
    const QStringList needsPassphrase{QStringLiteral("protected by a passphrase"),
                                      QStringLiteral("give its passphrase")};
    QTest::newRow("encrypted PKCS#8 PEM, no passphrase")
        << m_fx.bytes(QStringLiteral("leaf-enc.key")) << QByteArray() << needsPassphrase;
    QTest::newRow("encrypted traditional PEM, no passphrase")
        << m_fx.bytes(QStringLiteral("leaf-trad-enc.key")) << QByteArray() << needsPassphrase;
    QTest::newRow("encrypted PKCS#8 DER, no passphrase")
        << m_fx.bytes(QStringLiteral("leaf-key-enc.der")) << QByteArray() << needsPassphrase;
    QTest::newRow("PKCS#12, no passphrase")
        << p12 << QByteArray()
        << QStringList{QStringLiteral("PKCS#12"), QStringLiteral("protected by a passphrase")};
    const QStringList wrong{QStringLiteral("passphrase does not open")};
    QTest::newRow("encrypted PKCS#8 PEM, wrong passphrase")
        << m_fx.bytes(QStringLiteral("leaf-enc.key")) << kWrongPassphrase << wrong;
    QTest::newRow("encrypted traditional PEM, wrong passphrase")
        << m_fx.bytes(QStringLiteral("leaf-trad-enc.key")) << kWrongPassphrase << wrong;
    QTest::newRow("encrypted PKCS#8 DER, wrong passphrase")
        << m_fx.bytes(QStringLiteral("leaf-key-enc.der")) << kWrongPassphrase << wrong;
    QTest::newRow("PKCS#12 modern, wrong passphrase")
        << p12 << kWrongPassphrase << wrong + QStringList{QStringLiteral("PKCS#12")};
    QTest::newRow("PKCS#12 legacy, wrong passphrase")
        << m_fx.bytes(QStringLiteral("legacy.p12")) << kWrongPassphrase
        << wrong + QStringList{QStringLiteral("PKCS#12")};
}

void TestCryptoFile::failsClearly()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, passphrase);
    QFETCH(QStringList, words);
    const SecretBytes pass(passphrase);
    auto file = CryptoFile::parse(data, passphrase.isEmpty() ? nullptr : &pass);
    QVERIFY2(!file.ok(), "parse succeeded");
    const QString message = file.error().message;
    QCOMPARE(file.error().kind, certdesk::Error::Kind::Failure);
    for (const QString& w : words) {
        bool found = false;
        for (const QString& alternative : w.split(QLatin1Char('|')))
            found = found || message.contains(alternative, Qt::CaseInsensitive);
        QVERIFY2(found, qPrintable(w + QLatin1String(" not in: ") + message));
    }
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    // It names the problem and says what to do: more than a bare reason.
    QVERIFY2(message.count(QLatin1Char(' ')) >= 5, qPrintable(message));
}

void TestCryptoFile::loadNamesTheFile()
{
    const QString missing = m_fx.path(QStringLiteral("no-such-file.pem"));
    auto r = CryptoFile::load(missing);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QDir::toNativeSeparators(missing)) &&
                 r.error().message.contains(QLatin1String("does not exist")),
             qPrintable(r.error().message));

    r = CryptoFile::load(m_fx.path(QString()));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("folder")), qPrintable(r.error().message));

    const QString empty = m_fx.path(QStringLiteral("empty.pem"));
    QVERIFY(writeFile(empty, QByteArray()));
    r = CryptoFile::load(empty);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("empty.pem")) &&
                 r.error().message.contains(QLatin1String("empty")),
             qPrintable(r.error().message));

    const QString truncated = m_fx.path(QStringLiteral("truncated.der"));
    const QByteArray der = m_fx.bytes(QStringLiteral("leaf.der"));
    QVERIFY(writeFile(truncated, der.left(der.size() / 2)));
    r = CryptoFile::load(truncated);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("truncated.der")) &&
                 r.error().message.contains(QLatin1String("truncated:")),
             qPrintable(r.error().message));

    auto ok = CryptoFile::load(m_fx.path(QStringLiteral("leaf.der")));
    QVERIFY(ok.ok());
    QVERIFY(ok->certificates.first() == m_leaf);
}

QTEST_GUILESS_MAIN(TestCryptoFile)
#include "TestCryptoFile.moc"
