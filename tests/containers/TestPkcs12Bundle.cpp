// Pkcs12Bundle against the openssl CLI: files openssl writes (modern and -legacy) must read
// back with the right key, leaf and chain order; files we write must be what openssl says
// they are (AES-256/PBKDF2/SHA-256 MAC or 3DES/SHA-1 MAC) and give back our key.

#include "ContainerFixtures.h"

#include "core/crypto/Pkcs12Bundle.h"

#include <QRegularExpression>
#include <QtTest>

#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <atomic>
#include <thread>

using namespace certdesk::crypto;
using namespace containertest;

namespace {

SecretBytes secret(const QByteArray& bytes)
{
    return SecretBytes(bytes);
}

Certificate certFrom(const QByteArray& pem)
{
    auto c = Certificate::fromPem(pem);
    return c ? *c : Certificate();
}

// True when this thread's default library context offers RC2 (only the legacy provider does).
bool defaultContextHasRc2()
{
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "RC2-40-CBC", nullptr);
    EVP_CIPHER_free(cipher);
    return cipher != nullptr;
}

// A PKCS#12 put together bag by bag, for shapes the openssl CLI refuses to write: certificates
// in any order (and any company), a key that belongs to none of them.
QByteArray handMadePkcs12(const QList<Certificate>& certs, const PrivateKey& key,
                          const QByteArray& passphrase)
{
    STACK_OF(PKCS12_SAFEBAG)* certBags = nullptr;
    for (const Certificate& c : certs) {
        if (!PKCS12_add_cert(&certBags, c.handle()))
            return {};
    }
    STACK_OF(PKCS12_SAFEBAG)* keyBags = nullptr;
    if (!PKCS12_add_key(&keyBags, key.handle(), 0, 2048, NID_aes_256_cbc, passphrase.constData()))
        return {};
    STACK_OF(PKCS7)* safes = nullptr;
    const bool added =
        PKCS12_add_safe(&safes, certBags, NID_aes_256_cbc, 2048, passphrase.constData()) &&
        PKCS12_add_safe(&safes, keyBags, -1, 0, nullptr);
    sk_PKCS12_SAFEBAG_pop_free(certBags, PKCS12_SAFEBAG_free);
    sk_PKCS12_SAFEBAG_pop_free(keyBags, PKCS12_SAFEBAG_free);
    PKCS12* p12 = added ? PKCS12_add_safes(safes, 0) : nullptr;
    sk_PKCS7_pop_free(safes, PKCS7_free);
    if (!p12)
        return {};
    QByteArray out;
    if (PKCS12_set_mac(p12, passphrase.constData(), -1, nullptr, 0, 2048, EVP_sha256())) {
        unsigned char* der = nullptr;
        const int len = i2d_PKCS12(p12, &der);
        if (len > 0)
            out = QByteArray(reinterpret_cast<const char*>(der), len);
        OPENSSL_free(der);
    }
    PKCS12_free(p12);
    return out;
}

// `openssl pkcs12 -info` output without the PEM blocks, whose base64 may spell "AES" or "RC2"
// by chance.
QString withoutPemBlocks(QString text)
{
    static const QRegularExpression block(
        QStringLiteral("-----BEGIN ([A-Z ]+)-----.*?-----END \\1-----"),
        QRegularExpression::DotMatchesEverythingOption);
    return text.replace(block, QStringLiteral("[PEM]"));
}

} // namespace

class TestPkcs12Bundle : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void formatNames();
    void passphraseLength_data();
    void passphraseLength();

    void readsOpenSslFiles_data();
    void readsOpenSslFiles();
    void legacyStaysOutOfTheDefaultContext();
    void legacyReadOnOtherThreadDoesNotLeak();
    void picksLeafByKeyAmongScrambledCertificates();
    void readFailures_data();
    void readFailures();

    void writesWhatOpenSslExpects_data();
    void writesWhatOpenSslExpects();
    void writeRoundTrip_data();
    void writeRoundTrip();
    void writeRefusesBadInput();

private:
    Pkcs12Bundle sourceBundle() const;
    QString infoOf(const QString& file, QString* failure);

    Fixtures m_fx;
    PrivateKey m_leafKey;
    PrivateKey m_otherKey;
    Certificate m_leaf, m_inter, m_root, m_other;
};

void TestPkcs12Bundle::initTestCase()
{
    QVERIFY2(m_fx.make(), "openssl could not make the input files");
    auto leafKey = PrivateKey::fromPem(m_fx.bytes(QStringLiteral("leaf.key")));
    auto otherKey = PrivateKey::fromPem(m_fx.bytes(QStringLiteral("other.key")));
    QVERIFY(leafKey.ok() && otherKey.ok());
    m_leafKey = *leafKey;
    m_otherKey = *otherKey;
    m_leaf = certFrom(m_fx.bytes(QStringLiteral("leaf.crt")));
    m_inter = certFrom(m_fx.bytes(QStringLiteral("inter.crt")));
    m_root = certFrom(m_fx.bytes(QStringLiteral("root.crt")));
    m_other = certFrom(m_fx.bytes(QStringLiteral("other.crt")));
    QVERIFY(!m_leaf.isNull() && !m_inter.isNull() && !m_root.isNull() && !m_other.isNull());
    QVERIFY(m_leaf.matches(m_leafKey));
    QVERIFY(!m_leaf.matches(m_otherKey));

    // The fixtures must really be what their names say, or the read tests prove nothing.
    QString failure;
    const QString legacy = withoutPemBlocks(infoOf(QStringLiteral("legacy.p12"), &failure));
    QVERIFY2(legacy.contains(QLatin1String("pbeWithSHA1And40BitRC2-CBC")) &&
                 legacy.contains(QLatin1String("MAC: sha1")),
             qPrintable(failure + legacy));
    const QString modern = withoutPemBlocks(infoOf(QStringLiteral("modern.p12"), &failure));
    QVERIFY2(modern.contains(QLatin1String("AES-256-CBC")), qPrintable(failure + modern));
    // Without the legacy provider openssl itself cannot read the legacy file.
    const Run plain = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"),
                               m_fx.path(QStringLiteral("legacy.p12")), QStringLiteral("-passin"),
                               m_fx.passin(), QStringLiteral("-nokeys")});
    QVERIFY2(!plain.ok(), qPrintable(plain.describe()));
}

QString TestPkcs12Bundle::infoOf(const QString& file, QString* failure)
{
    // -legacy only so openssl can show the legacy fixtures; it does not change what is shown.
    const Run r =
        openssl({QStringLiteral("pkcs12"), QStringLiteral("-info"), QStringLiteral("-nokeys"),
                 QStringLiteral("-legacy"), QStringLiteral("-in"), m_fx.path(file),
                 QStringLiteral("-passin"), m_fx.passin()});
    *failure = r.ok() ? QString() : r.describe();
    return r.both();
}

Pkcs12Bundle TestPkcs12Bundle::sourceBundle() const
{
    Pkcs12Bundle b;
    b.key = m_leafKey;
    b.certificate = m_leaf;
    b.chain = {m_inter, m_root};
    return b;
}

void TestPkcs12Bundle::formatNames()
{
    QCOMPARE(parsePkcs12Format(QStringLiteral("modern")), std::optional(Pkcs12Format::Modern));
    QCOMPARE(parsePkcs12Format(QStringLiteral("MODERN")), std::optional(Pkcs12Format::Modern));
    QCOMPARE(parsePkcs12Format(QStringLiteral("Compat")), std::optional(Pkcs12Format::Compat));
    QVERIFY(!parsePkcs12Format(QStringLiteral("legacy")).has_value());
    QVERIFY(!parsePkcs12Format(QString()).has_value());
    for (Pkcs12Format f : {Pkcs12Format::Modern, Pkcs12Format::Compat})
        QCOMPARE(parsePkcs12Format(pkcs12FormatName(f)), std::optional(f));
}

void TestPkcs12Bundle::passphraseLength_data()
{
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("count");
    QTest::newRow("6") << QStringLiteral("abcdef") << false << 6;
    QTest::newRow("7") << QStringLiteral("abcdefg") << true << 7;
    QTest::newRow("32") << QString(32, QLatin1Char('x')) << true << 32;
    QTest::newRow("33") << QString(33, QLatin1Char('x')) << false << 33;
    QTest::newRow("empty") << QString() << false << 0;
    // Characters count, not bytes: 7 umlauts are 14 UTF-8 bytes, 4 euro signs are 12.
    QTest::newRow("7 umlauts") << QString::fromUtf8(
                                      "\xc3\xa4\xc3\xb6\xc3\xbc\xc3\xa4\xc3\xb6\xc3\xbc\xc3\xa4")
                               << true << 7;
    QTest::newRow("4 euro signs") << QString::fromUtf8(
                                         "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac")
                                  << false << 4;
}

void TestPkcs12Bundle::passphraseLength()
{
    QFETCH(QString, passphrase);
    QFETCH(bool, accepted);
    QFETCH(int, count);
    const SecretBytes s = SecretBytes::fromUtf8(passphrase);
    const certdesk::Status status = checkPkcs12Passphrase(s);
    QCOMPARE(status.ok(), accepted);
    auto written = sourceBundle().write(s, Pkcs12Format::Modern);
    QCOMPARE(written.ok(), accepted);
    if (!accepted) {
        for (const QString& message : {status.error().message, written.error().message}) {
            QVERIFY2(message.contains(QLatin1String("7 to 32")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("(it has %1)").arg(count)),
                     qPrintable(message));
        }
    }
}

void TestPkcs12Bundle::readsOpenSslFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("modern (AES-256, PBKDF2, SHA-256 MAC)") << QStringLiteral("modern.p12");
    QTest::newRow("legacy (RC2-40, 3DES, SHA-1 MAC)") << QStringLiteral("legacy.p12");
}

void TestPkcs12Bundle::readsOpenSslFiles()
{
    QFETCH(QString, file);
    auto bundle = Pkcs12Bundle::read(m_fx.bytes(file), secret(kPassphrase));
    QVERIFY2(bundle.ok(), qPrintable(bundle.ok() ? QString() : bundle.error().message));
    QVERIFY(bundle->certificate == m_leaf);
    QVERIFY(bundle->certificate.matches(bundle->key));
    QCOMPARE(bundle->key.publicKey(), m_leafKey.publicKey());
    QCOMPARE(bundle->chain.size(), 2);
    QCOMPARE(bundle->chain.at(0).subjectCommonName(), kInterCn);
    QCOMPARE(bundle->chain.at(1).subjectCommonName(), kRootCn);
    QCOMPARE(bundle->friendlyName, kFriendlyName);

    // What was read writes out again (modern) and openssl reads that without -legacy.
    auto again = bundle->write(secret(kPassphrase), Pkcs12Format::Modern);
    QVERIFY(again.ok());
    const QString out = m_fx.path(QStringLiteral("reread-") + file);
    QVERIFY(writeFile(out, *again));
    const Run r = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), out,
                           QStringLiteral("-passin"), m_fx.passin(), QStringLiteral("-nokeys")});
    QVERIFY2(r.ok(), qPrintable(r.describe()));
    QCOMPARE(r.both().count(QLatin1String("-----BEGIN CERTIFICATE-----")), 3);
}

void TestPkcs12Bundle::legacyStaysOutOfTheDefaultContext()
{
    QVERIFY2(!defaultContextHasRc2(),
             "RC2 is in the default context before this test (left by an earlier read?)");
    auto bundle = Pkcs12Bundle::read(m_fx.bytes(QStringLiteral("legacy.p12")), secret(kPassphrase));
    QVERIFY(bundle.ok());
    QVERIFY2(!defaultContextHasRc2(), "reading a legacy file left RC2 enabled for everyone");
    // Even a wrong passphrase on a legacy file must leave the context as it was.
    auto wrong =
        Pkcs12Bundle::read(m_fx.bytes(QStringLiteral("legacy.p12")), secret(kWrongPassphrase));
    QVERIFY(!wrong.ok());
    QVERIFY(!defaultContextHasRc2());
    // And what we write after a legacy read still uses no legacy algorithm.
    auto compat = bundle->write(secret(kPassphrase), Pkcs12Format::Compat);
    QVERIFY(compat.ok());
    QVERIFY(writeFile(m_fx.path(QStringLiteral("after-legacy.p12")), *compat));
    QString failure;
    const QString info = withoutPemBlocks(infoOf(QStringLiteral("after-legacy.p12"), &failure));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY2(!info.contains(QLatin1String("RC2")), qPrintable(info));
}

void TestPkcs12Bundle::legacyReadOnOtherThreadDoesNotLeak()
{
    // The legacy context is made the default of the reading thread only: another thread
    // reading at the same time must never see RC2.
    const QByteArray legacy = m_fx.bytes(QStringLiteral("legacy.p12"));
    std::atomic<bool> done{false};
    std::atomic<int> readsOk{0};
    std::thread reader([&] {
        for (int i = 0; i < 8; ++i) {
            if (Pkcs12Bundle::read(legacy, secret(kPassphrase)).ok())
                ++readsOk;
        }
        done = true;
    });
    bool leaked = false;
    while (!done)
        leaked = leaked || defaultContextHasRc2();
    reader.join();
    QCOMPARE(readsOk.load(), 8);
    QVERIFY2(!leaked, "RC2 was visible on another thread during a legacy read");
}

void TestPkcs12Bundle::picksLeafByKeyAmongScrambledCertificates()
{
    // Root first, an unrelated end-entity certificate, the intermediate, the leaf last, and
    // no localKeyID: the leaf is the one whose public key matches the key.
    const QByteArray p12 =
        handMadePkcs12({m_root, m_other, m_inter, m_leaf}, m_leafKey, kPassphrase);
    QVERIFY(!p12.isEmpty());
    auto bundle = Pkcs12Bundle::read(p12, secret(kPassphrase));
    QVERIFY2(bundle.ok(), qPrintable(bundle.ok() ? QString() : bundle.error().message));
    QVERIFY(bundle->certificate == m_leaf);
    QCOMPARE(bundle->chain.size(), 3);
    QVERIFY(bundle->chain.at(0) == m_inter);
    QVERIFY(bundle->chain.at(1) == m_root);
    QVERIFY(bundle->chain.at(2) == m_other); // belongs to no chain: kept, at the end

    // The same file with the unrelated certificate's key instead.
    const QByteArray otherP12 =
        handMadePkcs12({m_root, m_inter, m_leaf, m_other}, m_otherKey, kPassphrase);
    auto other = Pkcs12Bundle::read(otherP12, secret(kPassphrase));
    QVERIFY(other.ok());
    QVERIFY(other->certificate == m_other);
    QCOMPARE(other->chain.size(), 3);
}

void TestPkcs12Bundle::readFailures_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QStringList>("words");

    const QByteArray modern = m_fx.bytes(QStringLiteral("modern.p12"));
    const QByteArray legacy = m_fx.bytes(QStringLiteral("legacy.p12"));
    const QStringList wrong{QStringLiteral("passphrase does not open"), QStringLiteral("PKCS#12")};
    QTest::newRow("modern, wrong passphrase") << modern << kWrongPassphrase << wrong;
    QTest::newRow("legacy, wrong passphrase") << legacy << kWrongPassphrase << wrong;
    QTest::newRow("no passphrase")
        << modern << QByteArray() << QStringList{QStringLiteral("protected by a passphrase")};
    QTest::newRow("certificate only") << m_fx.bytes(QStringLiteral("nokey.p12")) << kPassphrase
                                      << QStringList{QStringLiteral("no private key")};
    QTest::newRow("key only") << m_fx.bytes(QStringLiteral("nocert.p12")) << kPassphrase
                              << QStringList{QStringLiteral("no certificate")};
    QTest::newRow("key of another certificate")
        << handMadePkcs12({m_leaf, m_inter}, m_otherKey, kPassphrase) << kPassphrase
        << QStringList{QStringLiteral("does not match")};
    QTest::newRow("empty") << QByteArray() << kPassphrase << QStringList{QStringLiteral("empty")};
    QTest::newRow("a DER certificate") << m_fx.bytes(QStringLiteral("leaf.der")) << kPassphrase
                                       << QStringList{QStringLiteral("not a PKCS#12")};
    QTest::newRow("text") << QByteArray("hello, world\n") << kPassphrase
                          << QStringList{QStringLiteral("not a PKCS#12")};
    QTest::newRow("cut in half") << modern.left(modern.size() / 2) << kPassphrase
                                 << QStringList{QStringLiteral("truncated")};
}

void TestPkcs12Bundle::readFailures()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, passphrase);
    QFETCH(QStringList, words);
    QVERIFY(!data.isEmpty() || QByteArray(QTest::currentDataTag()) == "empty");
    auto bundle = Pkcs12Bundle::read(data, secret(passphrase));
    QVERIFY2(!bundle.ok(), "read succeeded");
    const QString message = bundle.error().message;
    for (const QString& w : words)
        QVERIFY2(message.contains(w, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
}

void TestPkcs12Bundle::writesWhatOpenSslExpects_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QString>("mac");
    QTest::newRow("modern") << int(Pkcs12Format::Modern)
                            << QStringList{QStringLiteral("PBES2"), QStringLiteral("PBKDF2"),
                                           QStringLiteral("AES-256-CBC"),
                                           QStringLiteral("hmacWithSHA256")}
                            << QStringList{QStringLiteral("RC2"), QStringLiteral("TripleDES")}
                            << QStringLiteral("sha256");
    QTest::newRow("compat") << int(Pkcs12Format::Compat)
                            << QStringList{QStringLiteral("pbeWithSHA1And3-KeyTripleDES-CBC")}
                            << QStringList{QStringLiteral("RC2"), QStringLiteral("AES"),
                                           QStringLiteral("PBES2")}
                            << QStringLiteral("sha1");
}

void TestPkcs12Bundle::writesWhatOpenSslExpects()
{
    QFETCH(int, format);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    QFETCH(QString, mac);

    auto der = sourceBundle().write(secret(kPassphrase), static_cast<Pkcs12Format>(format));
    QVERIFY2(der.ok(), qPrintable(der.ok() ? QString() : der.error().message));
    const QString file = QStringLiteral("written-%1.p12").arg(format);
    QVERIFY(writeFile(m_fx.path(file), *der));

    // No -legacy here: what we write must open with a stock OpenSSL 3.
    const Run info =
        openssl({QStringLiteral("pkcs12"), QStringLiteral("-info"), QStringLiteral("-nokeys"),
                 QStringLiteral("-in"), m_fx.path(file), QStringLiteral("-passin"), m_fx.passin()});
    QVERIFY2(info.ok(), qPrintable(info.describe()));
    const QString all = info.both();
    const QString text = withoutPemBlocks(all);
    for (const QString& w : present)
        QVERIFY2(text.contains(w), qPrintable(w + QLatin1String(" missing:\n") + text));
    for (const QString& w : absent)
        QVERIFY2(!text.contains(w), qPrintable(w + QLatin1String(" present:\n") + text));
    // Key bag and certificate bag are both encrypted with the chosen scheme.
    const QString scheme = present.first();
    QVERIFY2(text.contains(QRegularExpression(QLatin1String("PKCS7 Encrypted data: ") + scheme)),
             qPrintable(text));
    QVERIFY2(text.contains(QRegularExpression(QLatin1String("Shrouded Keybag: ") + scheme)),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("MAC: ") + mac + QLatin1Char(',')), qPrintable(text));
    const QRegularExpressionMatch iterations =
        QRegularExpression(QStringLiteral("MAC: \\w+, Iteration (\\d+)")).match(text);
    QVERIFY2(iterations.hasMatch() && iterations.captured(1).toInt() >= 2048, qPrintable(text));
    for (const QRegularExpressionMatch& m :
         QRegularExpression(QStringLiteral("Iteration (\\d+)")).globalMatch(text))
        QVERIFY2(m.captured(1).toInt() >= 2048, qPrintable(text));
    // Leaf and chain, the leaf's CN as friendlyName (none was set).
    QCOMPARE(all.count(QLatin1String("-----BEGIN CERTIFICATE-----")), 3);
    QCOMPARE(text.count(QLatin1String("[PEM]")), 3);
    QVERIFY2(text.contains(QLatin1String("friendlyName: ") + kLeafCn), qPrintable(text));

    // openssl gives back a key whose public half is the leaf certificate's, computed by
    // openssl alone.
    const QString keyOut = m_fx.path(QStringLiteral("extracted-%1.key").arg(format));
    const Run extract = openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), m_fx.path(file),
                                 QStringLiteral("-passin"), m_fx.passin(), QStringLiteral("-nodes"),
                                 QStringLiteral("-nocerts"), QStringLiteral("-out"), keyOut});
    QVERIFY2(extract.ok(), qPrintable(extract.describe()));
    const Run keyPub =
        openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyOut, QStringLiteral("-pubout")});
    const Run certPub = openssl({QStringLiteral("x509"), QStringLiteral("-in"),
                                 m_fx.path(QStringLiteral("leaf.crt")), QStringLiteral("-pubkey"),
                                 QStringLiteral("-noout")});
    QVERIFY2(keyPub.ok() && certPub.ok(), qPrintable(keyPub.describe() + certPub.describe()));
    QVERIFY(keyPub.out.contains("-----BEGIN PUBLIC KEY-----"));
    QCOMPARE(keyPub.out, certPub.out);
    // … and it is our key.
    auto extracted =
        PrivateKey::fromPem(readFile(keyOut).mid(readFile(keyOut).indexOf("-----BEGIN")));
    QVERIFY(extracted.ok());
    QCOMPARE(extracted->publicKey(), m_leafKey.publicKey());

    // The wrong passphrase does not open it (the MAC is checked).
    const Run wrong =
        openssl({QStringLiteral("pkcs12"), QStringLiteral("-in"), m_fx.path(file),
                 QStringLiteral("-passin"),
                 QStringLiteral("file:") + m_fx.path(QStringLiteral("wrong-pass.txt")),
                 QStringLiteral("-nokeys")});
    QVERIFY(!wrong.ok());
}

void TestPkcs12Bundle::writeRoundTrip_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("modern") << int(Pkcs12Format::Modern);
    QTest::newRow("compat") << int(Pkcs12Format::Compat);
}

void TestPkcs12Bundle::writeRoundTrip()
{
    QFETCH(int, format);
    Pkcs12Bundle b = sourceBundle();
    b.friendlyName = QString::fromUtf8("Telefonanlage M\xc3\xbcnchen"); // non-ASCII survives
    // The chain given in the wrong order comes back issuer first, root last.
    b.chain = {m_root, m_inter};
    const SecretBytes pass =
        SecretBytes::fromUtf8(QString::fromUtf8("p\xc3\xa4ssw\xc3\xb6rd-\xe2\x82\xac"));
    auto der = b.write(pass, static_cast<Pkcs12Format>(format));
    QVERIFY(der.ok());
    auto back = Pkcs12Bundle::read(*der, pass);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QVERIFY(back->certificate == m_leaf);
    QCOMPARE(back->key.publicKey(), m_leafKey.publicKey());
    QCOMPARE(back->chain.size(), 2);
    QVERIFY(back->chain.at(0) == m_inter);
    QVERIFY(back->chain.at(1) == m_root);
    QCOMPARE(back->friendlyName, b.friendlyName);
    // Written twice, the files differ (fresh salts), and the wrong passphrase fails.
    auto der2 = b.write(pass, static_cast<Pkcs12Format>(format));
    QVERIFY(der2.ok() && *der2 != *der);
    auto wrong = Pkcs12Bundle::read(*der, secret(kPassphrase));
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().message.contains(QLatin1String("passphrase")),
             qPrintable(wrong.error().message));
}

void TestPkcs12Bundle::writeRefusesBadInput()
{
    Pkcs12Bundle mismatch = sourceBundle();
    mismatch.key = m_otherKey;
    for (Pkcs12Format f : {Pkcs12Format::Modern, Pkcs12Format::Compat}) {
        auto r = mismatch.write(secret(kPassphrase), f);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("does not match")),
                 qPrintable(r.error().message));
    }
    Pkcs12Bundle noKey = sourceBundle();
    noKey.key = PrivateKey();
    auto r = noKey.write(secret(kPassphrase), Pkcs12Format::Modern);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("private key")),
             qPrintable(r.error().message));
    Pkcs12Bundle noCert = sourceBundle();
    noCert.certificate = Certificate();
    r = noCert.write(secret(kPassphrase), Pkcs12Format::Compat);
    QVERIFY(!r.ok());
}

QTEST_GUILESS_MAIN(TestPkcs12Bundle)
#include "TestPkcs12Bundle.moc"
