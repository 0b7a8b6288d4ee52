#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CsrBuilder.h"
#include "core/crypto/KeyDerivation.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/CertificateStore.h"

#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace certdesk;
using namespace certdesk::crypto;
using namespace certdesk::store;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int runOpenSsl(const QStringList& args, QString* output = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    p.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

// Child mode for the crash test: add entries to the store in CERTDESK_CRASH_STORE forever,
// until the parent kills the process.
int crashWriter()
{
    const QString root = qEnvironmentVariable("CERTDESK_CRASH_STORE");
    auto store = CertificateStore::open(root);
    if (!store)
        return 3;
    store->setStoreKey(SecretBytes(QByteArray::fromHex(qgetenv("CERTDESK_CRASH_KEY"))));
    const PrivateKey key = *PrivateKey::generate(KeyAlgorithm::EcP256);
    CertificateSpec spec;
    spec.profile = CertificateSpec::Profile::SelfSignedServer;
    spec.notBefore = QDateTime::currentDateTimeUtc();
    spec.notAfter = spec.notBefore.addDays(30);
    for (int i = 0;; ++i) {
        spec.subject.commonName = QStringLiteral("crash-%1.example.com").arg(i);
        EntryMaterial m;
        m.certificate = *CertificateBuilder(spec).selfSign(key);
        m.key = key;
        const QString name =
            QStringLiteral("crash-%1-%2").arg(QCoreApplication::applicationPid()).arg(i);
        if (!store->add(name, EntryType::SelfSigned, m).ok())
            return 4;
        if (i % 3 == 0)
            static_cast<void>(store->remove(name));
    }
}

} // namespace

class TestCertificateStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createsPrivateFolders();
    void storesEntriesWithEncryptedKeys();
    void refusesDuplicatesAndBadNames();
    void wrongStoreKeyCannotOpenKeys();
    void importsCaAnswerMatchedByKey();
    void refusesAnswerForUnknownKey();
    void trashKeepsDeletedEntries();
    void renameAndNotes();
    void survivesKillDuringWrites();

private:
    CertificateStore openStore(const QString& root);
    QTemporaryDir m_dir;
    SecretBytes m_storeKey;
    PrivateKey m_key;
    Certificate m_ca;
};

void TestCertificateStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_storeKey = *KeyDerivation::randomKey(32);
    m_key = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
    CertificateSpec ca;
    ca.profile = CertificateSpec::Profile::CertificateAuthority;
    ca.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    ca.notAfter = ca.notBefore.addYears(10);
    ca.subject.commonName = QStringLiteral("Store Test CA");
    m_ca = *CertificateBuilder(ca).selfSign(m_key);
}

CertificateStore TestCertificateStore::openStore(const QString& root)
{
    auto store = CertificateStore::open(root);
    if (!store)
        qFatal("cannot open store: %s", qPrintable(store.error().message));
    store->setStoreKey(m_storeKey);
    return std::move(*store);
}

void TestCertificateStore::createsPrivateFolders()
{
    const QString root = m_dir.filePath(QStringLiteral("perm"));
    CertificateStore store = openStore(root);
    const auto perms = QFile::permissions(root);
    QVERIFY(perms & QFile::ExeOwner);
    QCOMPARE(perms & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeGroup | QFile::ExeOther),
             QFile::Permissions());
    QCOMPARE(QFile::permissions(QDir(root).filePath(QStringLiteral("entries"))) &
                 (QFile::ReadOther | QFile::ReadGroup),
             QFile::Permissions());
}

void TestCertificateStore::storesEntriesWithEncryptedKeys()
{
    const QString root = m_dir.filePath(QStringLiteral("enc"));
    CertificateStore store = openStore(root);
    EntryMaterial m;
    m.certificate = m_ca;
    m.key = m_key;
    auto entry = store.add(QStringLiteral("MyCaCertificate"), EntryType::CaCertificate, m);
    QVERIFY2(entry.ok(), entry.ok() ? "" : qPrintable(entry.error().message));
    QCOMPARE(entry->commonName, QStringLiteral("Store Test CA"));
    QVERIFY(entry->hasKey);

    // Plain PEM files a technician can find, the key never in the clear, all 0600.
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    int keyFiles = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray data = readAll(path);
        QVERIFY2(!data.contains("BEGIN PRIVATE KEY") && !data.contains("BEGIN RSA PRIVATE KEY"),
                 qPrintable(path));
        if (data.contains("BEGIN ENCRYPTED PRIVATE KEY"))
            ++keyFiles;
        if (!path.endsWith(QLatin1String(".lock")))
            QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther),
                     QFile::Permissions());
    }
    QCOMPARE(keyFiles, 1);

    CertificateStore reopened = openStore(root);
    QCOMPARE(reopened.entries().size(), 1);
    auto loaded =
        reopened.load(QStringLiteral("mycacertificate"), true); // names are case-insensitive
    QVERIFY(loaded.ok());
    QVERIFY(loaded->certificate == m_ca);
    QVERIFY(loaded->key && loaded->key->publicKey() == m_key.publicKey());
}

void TestCertificateStore::refusesDuplicatesAndBadNames()
{
    CertificateStore store = openStore(m_dir.filePath(QStringLiteral("dup")));
    EntryMaterial m;
    m.certificate = m_ca;
    QVERIFY(store.add(QStringLiteral("One"), EntryType::CaCertificate, m).ok());
    auto dup = store.add(QStringLiteral("ONE"), EntryType::CaCertificate, m);
    QVERIFY(!dup.ok());
    QVERIFY(dup.error().message.contains(QStringLiteral("already exists")));
    QVERIFY(!store.add(QStringLiteral("a/b"), EntryType::CaCertificate, m).ok());
    QVERIFY(!store.add(QString(), EntryType::CaCertificate, m).ok());
    // A key that does not belong to the certificate is refused.
    m.key = *PrivateKey::generate(KeyAlgorithm::EcP256);
    auto mismatch = store.add(QStringLiteral("Two"), EntryType::Imported, m);
    QVERIFY(!mismatch.ok());
    QVERIFY(mismatch.error().message.contains(QStringLiteral("does not belong")));
    QCOMPARE(store.entries().size(), 1);
}

void TestCertificateStore::wrongStoreKeyCannotOpenKeys()
{
    const QString root = m_dir.filePath(QStringLiteral("wrongkey"));
    CertificateStore store = openStore(root);
    EntryMaterial m;
    m.certificate = m_ca;
    m.key = m_key;
    QVERIFY(store.add(QStringLiteral("Ca"), EntryType::CaCertificate, m).ok());
    auto other = CertificateStore::open(root);
    QVERIFY(other.ok());
    other->setStoreKey(*KeyDerivation::randomKey(32));
    auto loaded = other->load(QStringLiteral("Ca"), true);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().message.contains(QStringLiteral("store key")));
    auto noKey = CertificateStore::open(root);
    QVERIFY(!noKey->load(QStringLiteral("Ca"), true).ok());
    QVERIFY(noKey->load(QStringLiteral("Ca"), false).ok()); // viewing needs no key
}

void TestCertificateStore::importsCaAnswerMatchedByKey()
{
    const QString root = m_dir.filePath(QStringLiteral("signed"));
    CertificateStore store = openStore(root);
    const PrivateKey serverKey = *PrivateKey::generate(KeyAlgorithm::Rsa2048);
    CsrSpec spec;
    spec.subject.commonName = QStringLiteral("osbiz.example.com");
    spec.subjectAltNames = {*GeneralName::parse(QStringLiteral("DNS:osbiz.example.com"))};
    EntryMaterial m;
    m.request = *CsrBuilder(spec).build(serverKey);
    m.key = serverKey;
    QVERIFY(store.add(QStringLiteral("Mycertificate"), EntryType::CertificateRequest, m).ok());

    // A CA made by the openssl CLI signs the request; its answer lists the root first.
    QTemporaryDir work;
    const auto path = [&work](const char* n) {
        return work.filePath(QLatin1String(n));
    };
    QCOMPARE(
        runOpenSsl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    path("ca.key"), QStringLiteral("-out"), path("ca.crt"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=OpenSSL Test CA"), QStringLiteral("-days"),
                    QStringLiteral("30")}),
        0);
    QFile csr(path("req.csr"));
    QVERIFY(csr.open(QIODevice::WriteOnly));
    csr.write(m.request.toPem());
    csr.close();
    QString output;
    QCOMPARE(runOpenSsl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         path("req.csr"), QStringLiteral("-CA"), path("ca.crt"),
                         QStringLiteral("-CAkey"), path("ca.key"),
                         QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                         QStringLiteral("20"), QStringLiteral("-out"), path("leaf.crt")},
                        &output),
             0);
    const Certificate leaf = *Certificate::fromPem(readAll(path("leaf.crt")));
    const Certificate root2 = *Certificate::fromPem(readAll(path("ca.crt")));

    auto entry = store.importSigned(QString(), {root2, leaf}); // found by key, chain reversed
    QVERIFY2(entry.ok(), entry.ok() ? "" : qPrintable(entry.error().message));
    QCOMPARE(entry->name, QStringLiteral("Mycertificate"));
    QCOMPARE(entry->type, EntryType::CaSigned);
    QVERIFY(entry->notAfter.isValid());
    auto loaded = store.load(QStringLiteral("Mycertificate"), true);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->certificate == leaf);
    QCOMPARE(loaded->chain.size(), 1);
    QVERIFY(loaded->chain.first() == root2);
    QVERIFY(loaded->key->publicKey() == serverKey.publicKey());
    QVERIFY(!loaded->request.isNull());
    // The superseded folder went to the trash, not away.
    QCOMPARE(store.trash().size(), 1);
}

void TestCertificateStore::refusesAnswerForUnknownKey()
{
    CertificateStore store = openStore(m_dir.filePath(QStringLiteral("unknown")));
    EntryMaterial m;
    m.certificate = m_ca;
    m.key = m_key;
    QVERIFY(store.add(QStringLiteral("Ca"), EntryType::CaCertificate, m).ok());
    const PrivateKey stranger = *PrivateKey::generate(KeyAlgorithm::EcP256);
    CertificateSpec spec;
    spec.profile = CertificateSpec::Profile::SelfSignedServer;
    spec.notBefore = QDateTime::currentDateTimeUtc();
    spec.notAfter = spec.notBefore.addDays(10);
    spec.subject.commonName = QStringLiteral("stranger");
    const Certificate strangerCert = *CertificateBuilder(spec).selfSign(stranger);
    auto any = store.importSigned(QString(), {strangerCert});
    QVERIFY(!any.ok());
    QVERIFY(any.error().message.contains(QStringLiteral("matches no key")));
    auto named = store.importSigned(QStringLiteral("Ca"), {strangerCert});
    QVERIFY(!named.ok());
    QVERIFY(named.error().message.contains(QStringLiteral("does not match the key")));
}

void TestCertificateStore::trashKeepsDeletedEntries()
{
    CertificateStore store = openStore(m_dir.filePath(QStringLiteral("trash")));
    EntryMaterial m;
    m.certificate = m_ca;
    m.key = m_key;
    QVERIFY(store.add(QStringLiteral("Gone"), EntryType::CaCertificate, m).ok());
    QVERIFY(store.remove(QStringLiteral("Gone")).ok());
    QVERIFY(!store.find(QStringLiteral("Gone")));
    QCOMPARE(store.trash().size(), 1);
    QCOMPARE(store.purgeTrash(QDateTime::currentDateTimeUtc().addDays(29)), 0);
    auto restored = store.restore(store.trash().first().id);
    QVERIFY(restored.ok());
    QVERIFY(store.load(QStringLiteral("Gone"), true).ok());
    QVERIFY(store.remove(QStringLiteral("Gone")).ok());
    QCOMPARE(store.purgeTrash(QDateTime::currentDateTimeUtc().addDays(31)), 1);
    QCOMPARE(store.trash().size(), 0);
}

void TestCertificateStore::renameAndNotes()
{
    const QString root = m_dir.filePath(QStringLiteral("rename"));
    CertificateStore store = openStore(root);
    EntryMaterial m;
    m.certificate = m_ca;
    QVERIFY(store.add(QStringLiteral("Old"), EntryType::CaCertificate, m).ok());
    QVERIFY(store.add(QStringLiteral("Other"), EntryType::CaCertificate, m).ok());
    QVERIFY(!store.rename(QStringLiteral("Old"), QStringLiteral("other")).ok());
    QVERIFY(store.rename(QStringLiteral("Old"), QStringLiteral("New")).ok());
    QVERIFY(store.setNotes(QStringLiteral("New"), QStringLiteral("customer Müller")).ok());
    CertificateStore reopened = openStore(root);
    QCOMPARE(reopened.find(QStringLiteral("New"))->notes, QStringLiteral("customer Müller"));
    QVERIFY(!reopened.find(QStringLiteral("Old")));
}

void TestCertificateStore::survivesKillDuringWrites()
{
    const QString root = m_dir.filePath(QStringLiteral("crash"));
    QVERIFY(CertificateStore::open(root).ok());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CERTDESK_CRASH_STORE"), root);
    env.insert(QStringLiteral("CERTDESK_CRASH_KEY"),
               QString::fromLatin1(m_storeKey.view().toByteArray().toHex()));
    int killed = 0;
    for (int round = 0; round < 12; ++round) {
        QProcess writer;
        writer.setProcessEnvironment(env);
        writer.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(writer.waitForStarted());
        // Let it get into its write loop, then kill it at a random moment.
        QTest::qWait(150 + QRandomGenerator::global()->bounded(250));
        if (writer.state() == QProcess::Running) {
            writer.kill(); // SIGKILL: no cleanup, no flush
            ++killed;
        }
        writer.waitForFinished();
    }
    QVERIFY(killed >= 10);

    // Every entry the index names opens completely, with its key.
    CertificateStore store = openStore(root);
    QVERIFY(store.entries().size() > 0);
    for (const StoreEntry& e : store.entries()) {
        auto m = store.load(e.name, true);
        QVERIFY2(m.ok(),
                 m.ok() ? "" : qPrintable(e.name + QLatin1String(": ") + m.error().message));
        QVERIFY(m->key && m->certificate.matches(*m->key));
    }
    // No folder is left unreferenced: interrupted writes went to the trash.
    QCOMPARE(QDir(QDir(root).filePath(QStringLiteral("entries")))
                 .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                 .size(),
             store.entries().size());
}

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsSet("CERTDESK_CRASH_STORE")) {
        QCoreApplication app(argc, argv);
        return crashWriter();
    }
    QCoreApplication app(argc, argv);
    TestCertificateStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCertificateStore.moc"
