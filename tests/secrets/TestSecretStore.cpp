// Keychain tests against the real Secret Service (gnome-keyring on a private bus, see
// tests/with-keyring.sh), and no-keychain tests in child processes.

#include "../KeychainRequired.h"
#include "SecretTool.h"
#include "SecretsChild.h"

#include "core/crypto/KeyDerivation.h"
#include "core/crypto/SecretBytes.h"
#include "core/secrets/KeychainAvailability.h"
#include "core/secrets/SecretStore.h"
#include "core/secrets/StoreKeyProvider.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using certdesk::Error;
using certdesk::Result;
using certdesk::Status;
using certdesk::crypto::KeyDerivation;
using certdesk::crypto::SecretBytes;
using certdesk::secrets::KeychainAvailability;
using certdesk::secrets::SecretStore;
using certdesk::secrets::StoreKeyProvider;

namespace {

const QString kUnavailable =
    QStringLiteral("No keychain is available (no Secret Service on the session bus).");

// Set by tests/with-keyring.sh: the keychain must work, so its absence is a failure.
bool keychainRequired()
{
    return qgetenv("CERTDESK_TEST_KEYCHAIN") == "1";
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(raw.data()),
                                          static_cast<qsizetype>(bytes / 4));
    return raw.toHex();
}

QByteArray bytesOf(const SecretBytes& secret)
{
    return secret.view().toByteArray();
}

QByteArray derived(const QByteArray& passphrase, const QByteArray& salt)
{
    Result<SecretBytes> key =
        KeyDerivation::pbkdf2Sha256(SecretBytes(passphrase), salt, StoreKeyProvider::keySize);
    return key ? bytesOf(*key) : QByteArray();
}

// Restores an environment variable when the test leaves, however it leaves.
class EnvGuard
{
public:
    explicit EnvGuard(const char* name)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    {
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

private:
    const char* m_name;
    bool m_had;
    QByteArray m_value;
};

} // namespace

// Skips (by hand) or fails (under tests/with-keyring.sh) when the keychain cannot be used.
// Never runs against a developer's own keyring unless CERTDESK_TEST_KEYCHAIN=1 asks for it.
#define REQUIRE_KEYCHAIN()                                                                         \
    do {                                                                                           \
        if (!keychainRequired())                                                                   \
            CERTDESK_REQUIRE_TEST_KEYCHAIN();                                                      \
        const Status available_ = KeychainAvailability::check(m_service);                          \
        if (!available_)                                                                           \
            QFAIL(qPrintable(QStringLiteral("CERTDESK_TEST_KEYCHAIN=1 but the keychain does "      \
                                            "not work: ") +                                        \
                             available_.error().message));                                         \
        if (!SecretTool::isInstalled())                                                            \
            QFAIL("secret-tool (libsecret-tools) is not installed; run scripts/install-deps.sh");  \
    } while (false)

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void namesFollowTheConvention();
    void keyDerivationKnownAnswer();
    void keyDerivationRejectsWeakInput();
    void randomKeysAndSaltsDiffer();
    void valuesThatAreNotTextAreRefusedBeforeTheKeychain();

    void keychainIsAvailable();
    void textRoundTripIsVisibleInSecretService();
    void binaryRoundTripIsStoredAsBase64();
    void overwriteKeepsOneEntry();
    void missingEntryIsNotAnError();
    void answersArriveLater();
    void destroyedContextGetsNoAnswer();

    void storeKeyIsCreatedOnceAndStable();
    void damagedStoreKeyIsNotReplaced();
    void passphraseOnlyPolicyNeverTouchesTheKeychain();

    void busWithoutSecretServiceGivesClearErrorAndPassphraseFallback();
    void noSessionBusGivesClearError();

    // Last: looks for everything the tests above stored.
    void noPlaintextSecretOnDisk();

private:
    struct ChildRun
    {
        QMap<QString, QString> outcomes;
        QStringList homeFiles; // every regular file under the child's HOME afterwards
        QString homeDir;
        QByteArray diagnostics;
    };
    enum class ChildBus { WithoutSecretService, None };

    std::optional<ChildRun> runChild(ChildBus bus, const QByteArray& storePassphrase,
                                     const QByteArray& salt);
    void remember(const QByteArray& secret) { m_secrets.append(secret); }
    static QStringList filesContaining(const QStringList& roots, const QList<QByteArray>& secrets);

    QTemporaryDir m_scratch;
    QString m_service;
    QString m_busConfig;
    QList<QByteArray> m_secrets;
    int m_childCount = 0;
};

void TestSecretStore::initTestCase()
{
    QVERIFY(m_scratch.isValid());
    // A service of its own per run: repeated runs never see each other's entries.
    m_service = QStringLiteral("CertDesk-test-") + QString::fromLatin1(randomHex(4));

    // A session bus that knows no services: nothing can be activated as
    // org.freedesktop.secrets (the standard session.conf would start gnome-keyring on demand).
    m_busConfig = m_scratch.filePath(QStringLiteral("no-secret-service.conf"));
    QFile config(m_busConfig);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)");
}

void TestSecretStore::cleanupTestCase()
{
    if (!keychainRequired())
        return;
    const SecretStore store(m_service);
    for (const QString& key :
         {SecretStore::storeKeyName(), SecretStore::sitePasswordKey(QStringLiteral("pbx-01")),
          QStringLiteral("binary"), QStringLiteral("overwrite"), QStringLiteral("late")})
        (void)store.removeBlocking(key);
}

void TestSecretStore::namesFollowTheConvention()
{
    QCOMPARE(SecretStore::defaultService(), QStringLiteral("CertDesk"));
    QCOMPARE(SecretStore().service(), QStringLiteral("CertDesk"));
    QCOMPARE(SecretStore::storeKeyName(), QStringLiteral("store-key"));
    QCOMPARE(SecretStore::sitePasswordKey(QStringLiteral("pbx-01")),
             QStringLiteral("site/pbx-01/password"));
    QCOMPARE(StoreKeyProvider::passphraseVariable(), QStringLiteral("CERTDESK_STORE_PASSPHRASE"));
}

void TestSecretStore::keyDerivationKnownAnswer()
{
    // PBKDF2-HMAC-SHA256, checked against Python's hashlib.pbkdf2_hmac and `openssl kdf`.
    Result<SecretBytes> key =
        KeyDerivation::pbkdf2Sha256(SecretBytes(QByteArrayView("correct horse battery")),
                                    QByteArrayView("0123456789abcdef"), 32, 200000);
    QVERIFY2(key.ok(), key ? "" : qPrintable(key.error().message));
    QCOMPARE(bytesOf(*key).toHex(),
             QByteArray("d3f41bcff81f8de60083ce7006155276983e248c1dce016ba41c70ee0b8bef7c"));
    QVERIFY(KeyDerivation::defaultIterations >= 200000);
}

void TestSecretStore::keyDerivationRejectsWeakInput()
{
    const SecretBytes passphrase(QByteArrayView("a fine passphrase"));
    const QByteArray salt(16, 's');
    QVERIFY(KeyDerivation::pbkdf2Sha256(passphrase, salt, 32).ok());

    Result<SecretBytes> shortSalt =
        KeyDerivation::pbkdf2Sha256(passphrase, QByteArray(15, 's'), 32);
    QVERIFY(!shortSalt.ok());
    QCOMPARE(shortSalt.error().kind, Error::Kind::Usage);
    QVERIFY(!KeyDerivation::pbkdf2Sha256(passphrase, salt, 32, 1000).ok());
    QVERIFY(!KeyDerivation::pbkdf2Sha256(SecretBytes(), salt, 32).ok());
    QVERIFY(!KeyDerivation::pbkdf2Sha256(passphrase, salt, 8).ok());
    QVERIFY(derived("passphrase one", salt) != derived("passphrase two", salt));
    QVERIFY(derived("passphrase one", salt) != derived("passphrase one", QByteArray(16, 't')));
}

void TestSecretStore::randomKeysAndSaltsDiffer()
{
    Result<SecretBytes> a = KeyDerivation::randomKey(32);
    Result<SecretBytes> b = KeyDerivation::randomKey(32);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->size(), 32);
    QVERIFY(bytesOf(*a) != bytesOf(*b));
    Result<QByteArray> s1 = KeyDerivation::randomSalt();
    Result<QByteArray> s2 = KeyDerivation::randomSalt();
    QVERIFY(s1.ok() && s2.ok());
    QCOMPARE(s1->size(), KeyDerivation::minimumSaltSize);
    QVERIFY(*s1 != *s2);
    QVERIFY(!KeyDerivation::randomSalt(8).ok());
}

void TestSecretStore::valuesThatAreNotTextAreRefusedBeforeTheKeychain()
{
    // Refused before any job starts, so this holds with or without a keychain.
    const SecretStore store(m_service);
    for (const QByteArray& value :
         {QByteArray("pass\0word", 9), QByteArray("\xff\xfe\xfd"), QByteArray()}) {
        const Status written = store.writeBlocking(QStringLiteral("refused"), SecretBytes(value),
                                                   SecretStore::Format::Text);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::Usage);
    }
}

void TestSecretStore::keychainIsAvailable()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(KeychainAvailability::check(SecretStore::defaultService()).ok());
}

void TestSecretStore::textRoundTripIsVisibleInSecretService()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    const QString key = SecretStore::sitePasswordKey(QStringLiteral("pbx-01"));
    const QByteArray password = QByteArray("Pässwort-") + randomHex(8);
    remember(password);

    const Status written =
        store.writeBlocking(key, SecretBytes(password), SecretStore::Format::Text);
    QVERIFY2(written.ok(), written ? "" : qPrintable(written.error().message));

    SecretStore::ReadResult read = store.readBlocking(key);
    QVERIFY2(read.ok(), read ? "" : qPrintable(read.error().message));
    QVERIFY(read->has_value());
    QCOMPARE(bytesOf(**read), password);

    // Seen from outside QtKeychain: libsecret's own client finds it in the Secret Service,
    // under QtKeychain's schema: user = key, server = service, type = plaintext.
    const QStringList attributes{QStringLiteral("server"), m_service, QStringLiteral("user"), key};
    const std::optional<QByteArray> looked = SecretTool::lookup(attributes);
    QVERIFY(looked.has_value());
    QCOMPARE(*looked, password);
    const QList<SecretTool::Item> items = SecretTool::search(attributes);
    QCOMPARE(items.size(), 1);
    qInfo().noquote() << "secret-tool sees: label =" << items[0].label
                      << "attributes =" << items[0].attributes << "fields =" << items[0].fields;
    QCOMPARE(items[0].attributes.value(QStringLiteral("user")), key);
    QCOMPARE(items[0].attributes.value(QStringLiteral("server")), m_service);
    QCOMPARE(items[0].attributes.value(QStringLiteral("type")), QStringLiteral("plaintext"));
    QCOMPARE(items[0].fields.value(QStringLiteral("schema")), QStringLiteral("org.qt.keychain"));
    QCOMPARE(items[0].label, m_service);
    QCOMPARE(items[0].secret, password);

    QVERIFY(store.removeBlocking(key).ok());
    read = store.readBlocking(key);
    QVERIFY(read.ok());
    QVERIFY(!read->has_value());
    QVERIFY(!SecretTool::lookup(attributes).has_value());
    QVERIFY(SecretTool::search(attributes).isEmpty());
}

void TestSecretStore::binaryRoundTripIsStoredAsBase64()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    QByteArray value;
    for (int i = 0; i < 256; ++i)
        value.append(static_cast<char>(i)); // every byte value, NUL included
    value.append(randomHex(8));
    remember(value);

    QVERIFY(store
                .writeBlocking(QStringLiteral("binary"), SecretBytes(value),
                               SecretStore::Format::Binary)
                .ok());
    SecretStore::ReadResult read = store.readBlocking(QStringLiteral("binary"));
    QVERIFY(read.ok() && read->has_value());
    QCOMPARE(bytesOf(**read), value);

    const QStringList attributes{QStringLiteral("server"), m_service, QStringLiteral("user"),
                                 QStringLiteral("binary")};
    QCOMPARE(SecretTool::lookup(attributes).value_or(QByteArray()), value.toBase64());
    const QList<SecretTool::Item> items = SecretTool::search(attributes);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].attributes.value(QStringLiteral("type")), QStringLiteral("base64"));
}

void TestSecretStore::overwriteKeepsOneEntry()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    const QByteArray first = QByteArray("first-") + randomHex(8);
    const QByteArray second = QByteArray("second-") + randomHex(8);
    remember(first);
    remember(second);
    QVERIFY(store
                .writeBlocking(QStringLiteral("overwrite"), SecretBytes(first),
                               SecretStore::Format::Text)
                .ok());
    QVERIFY(store
                .writeBlocking(QStringLiteral("overwrite"), SecretBytes(second),
                               SecretStore::Format::Text)
                .ok());
    SecretStore::ReadResult read = store.readBlocking(QStringLiteral("overwrite"));
    QVERIFY(read.ok() && read->has_value());
    QCOMPARE(bytesOf(**read), second);
    const QList<SecretTool::Item> items = SecretTool::search(
        {QStringLiteral("server"), m_service, QStringLiteral("user"), QStringLiteral("overwrite")});
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].secret, second);
}

void TestSecretStore::missingEntryIsNotAnError()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    SecretStore::ReadResult read = store.readBlocking(QStringLiteral("never-written"));
    QVERIFY2(read.ok(), read ? "" : qPrintable(read.error().message));
    QVERIFY(!read->has_value());
    QVERIFY(store.removeBlocking(QStringLiteral("never-written")).ok());
}

void TestSecretStore::answersArriveLater()
{
    const SecretStore store(m_service);
    QObject context;

    // Even an error found up front is delivered later, never from inside the call.
    std::optional<Status> early;
    store.write(QStringLiteral("empty"), SecretBytes(), SecretStore::Format::Text, &context,
                [&early](Status status) { early = std::move(status); });
    QVERIFY(!early.has_value());
    QTRY_VERIFY(early.has_value());
    QVERIFY(!early->ok());

    REQUIRE_KEYCHAIN();
    const QByteArray value = QByteArray("late-") + randomHex(8);
    remember(value);
    std::optional<Status> written;
    store.write(QStringLiteral("late"), SecretBytes(value), SecretStore::Format::Text, &context,
                [&written](Status status) { written = std::move(status); });
    QVERIFY(!written.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
    QVERIFY(written->ok());

    std::optional<SecretStore::ReadResult> read;
    store.read(QStringLiteral("late"), &context,
               [&read](SecretStore::ReadResult result) { read.emplace(std::move(result)); });
    QVERIFY(!read.has_value());
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 30000);
    QVERIFY(read->ok() && (*read)->has_value());
    QCOMPARE(bytesOf(***read), value);
}

void TestSecretStore::destroyedContextGetsNoAnswer()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    bool called = false;
    auto context = std::make_unique<QObject>();
    store.read(QStringLiteral("never-written"), context.get(),
               [&called](const SecretStore::ReadResult&) { called = true; });
    context.reset(); // the receiver goes away while the job is queued or running

    // QtKeychain runs jobs one after another: once a later one has answered, so has the first.
    QVERIFY(store.readBlocking(QStringLiteral("never-written")).ok());
    QCoreApplication::processEvents();
    QTest::qWait(100);
    QVERIFY(!called);
}

void TestSecretStore::storeKeyIsCreatedOnceAndStable()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service);
    QVERIFY(store.removeBlocking(SecretStore::storeKeyName()).ok());

    const QByteArray salt(16, 'k');
    StoreKeyProvider first(store);
    first.setPassphraseSalt(salt);
    Result<StoreKeyProvider::StoreKey> created = first.obtainBlocking();
    QVERIFY2(created.ok(), created ? "" : qPrintable(created.error().message));
    QCOMPARE(created->key.size(), StoreKeyProvider::keySize);
    QCOMPARE(created->source, StoreKeyProvider::Source::Keychain);
    QVERIFY(created->created);
    const QByteArray key = bytesOf(created->key);
    remember(key);
    QVERIFY(key != QByteArray(32, '\0'));

    // A second provider (as after a restart) gets the same key and creates nothing.
    StoreKeyProvider second(store);
    Result<StoreKeyProvider::StoreKey> again = second.obtainBlocking();
    QVERIFY(again.ok());
    QVERIFY(!again->created);
    QCOMPARE(bytesOf(again->key), key);

    // The keychain wins over CERTDESK_STORE_PASSPHRASE when it is available.
    {
        EnvGuard env("CERTDESK_STORE_PASSPHRASE");
        qputenv("CERTDESK_STORE_PASSPHRASE", "ignored while the keychain works");
        Result<StoreKeyProvider::StoreKey> preferred = second.obtainBlocking();
        QVERIFY(preferred.ok());
        QCOMPARE(preferred->source, StoreKeyProvider::Source::Keychain);
        QCOMPARE(bytesOf(preferred->key), key);
    }

    // The asynchronous path agrees.
    QObject context;
    std::optional<Result<StoreKeyProvider::StoreKey>> async;
    second.obtain(&context, [&async](Result<StoreKeyProvider::StoreKey> result) {
        async.emplace(std::move(result));
    });
    QTRY_VERIFY_WITH_TIMEOUT(async.has_value(), 30000);
    QVERIFY(async->ok());
    QCOMPARE(bytesOf((*async)->key), key);

    // And it is in the Secret Service, base64-encoded as QtKeychain stores binary data.
    const QStringList attributes{QStringLiteral("server"), m_service, QStringLiteral("user"),
                                 SecretStore::storeKeyName()};
    QCOMPARE(SecretTool::lookup(attributes).value_or(QByteArray()), key.toBase64());
    const QList<SecretTool::Item> items = SecretTool::search(attributes);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].attributes.value(QStringLiteral("type")), QStringLiteral("base64"));
}

void TestSecretStore::damagedStoreKeyIsNotReplaced()
{
    REQUIRE_KEYCHAIN();
    const SecretStore store(m_service + QStringLiteral("-damaged"));
    const QByteArray damaged("short");
    QVERIFY(store
                .writeBlocking(SecretStore::storeKeyName(), SecretBytes(damaged),
                               SecretStore::Format::Binary)
                .ok());
    Result<StoreKeyProvider::StoreKey> key = StoreKeyProvider(store).obtainBlocking();
    QVERIFY(!key.ok());
    QVERIFY2(key.error().message.contains(QStringLiteral("damaged")),
             qPrintable(key.error().message));
    SecretStore::ReadResult kept = store.readBlocking(SecretStore::storeKeyName());
    QVERIFY(kept.ok() && kept->has_value());
    QCOMPARE(bytesOf(**kept), damaged);
    QVERIFY(store.removeBlocking(SecretStore::storeKeyName()).ok());
}

void TestSecretStore::passphraseOnlyPolicyNeverTouchesTheKeychain()
{
    EnvGuard env("CERTDESK_STORE_PASSPHRASE");
    const SecretStore store(m_service + QStringLiteral("-passphrase"));
    const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    StoreKeyProvider provider(store);
    provider.setPolicy(StoreKeyProvider::Policy::PassphraseOnly);
    provider.setPassphraseSalt(salt);

    qunsetenv("CERTDESK_STORE_PASSPHRASE");
    Result<StoreKeyProvider::StoreKey> none = provider.obtainBlocking();
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(QStringLiteral("CERTDESK_STORE_PASSPHRASE")));

    qputenv("CERTDESK_STORE_PASSPHRASE", "short");
    Result<StoreKeyProvider::StoreKey> tooShort = provider.obtainBlocking();
    QVERIFY(!tooShort.ok());
    QCOMPARE(tooShort.error().kind, Error::Kind::Usage);

    qputenv("CERTDESK_STORE_PASSPHRASE", "Store passphrase 1");
    Result<StoreKeyProvider::StoreKey> first = provider.obtainBlocking();
    QVERIFY2(first.ok(), first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->source, StoreKeyProvider::Source::Passphrase);
    QCOMPARE(bytesOf(first->key), derived("Store passphrase 1", salt));
    Result<StoreKeyProvider::StoreKey> second = StoreKeyProvider(provider).obtainBlocking();
    QVERIFY(second.ok());
    QCOMPARE(bytesOf(second->key), bytesOf(first->key));

    StoreKeyProvider unsalted(store);
    unsalted.setPolicy(StoreKeyProvider::Policy::PassphraseOnly);
    QVERIFY(!unsalted.obtainBlocking().ok());

    if (keychainRequired()) {
        QVERIFY(SecretTool::search({QStringLiteral("server"), store.service()}).isEmpty());
    }
}

std::optional<TestSecretStore::ChildRun>
TestSecretStore::runChild(ChildBus bus, const QByteArray& storePassphrase, const QByteArray& salt)
{
    const QString root = m_scratch.filePath(QStringLiteral("child-%1").arg(++m_childCount));
    const QString home = root + QStringLiteral("/home");
    const QString runtime = root + QStringLiteral("/runtime");
    for (const QString& dir :
         {home + QStringLiteral("/.config"), home + QStringLiteral("/.local/share"),
          home + QStringLiteral("/.cache"), runtime}) {
        if (!QDir().mkpath(dir))
            return std::nullopt;
    }
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("CERTDESK_HOME"), home + QStringLiteral("/certdesk"));
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_FULL_SESSION", "GNOME_KEYRING_CONTROL"})
        env.remove(QString::fromLatin1(name));
    env.insert(QString::fromLatin1(SecretsChild::modeVariable()), QStringLiteral("no-keychain"));
    env.insert(QString::fromLatin1(SecretsChild::serviceVariable()), m_service);
    env.insert(QString::fromLatin1(SecretsChild::saltVariable()),
               QString::fromLatin1(salt.toHex()));
    const QByteArray canary = QByteArray("canary-") + randomHex(8);
    remember(canary);
    env.insert(QString::fromLatin1(SecretsChild::canaryVariable()), QString::fromLatin1(canary));
    env.insert(QString::fromLatin1(SecretsChild::promptVariable()),
               QStringLiteral("Typed at start 1"));
    if (storePassphrase.isEmpty())
        env.remove(StoreKeyProvider::passphraseVariable());
    else
        env.insert(StoreKeyProvider::passphraseVariable(), QString::fromUtf8(storePassphrase));

    QProcess child;
    child.setProcessEnvironment(env);
    const QString self = QCoreApplication::applicationFilePath();
    if (bus == ChildBus::WithoutSecretService) {
        child.start(QStringLiteral("dbus-run-session"),
                    {QStringLiteral("--config-file=") + m_busConfig, QStringLiteral("--"), self});
    } else {
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + root + QStringLiteral("/no-bus-here"));
        child.setProcessEnvironment(env);
        child.start(self, {});
    }
    child.closeWriteChannel();
    if (!child.waitForFinished(120000)) {
        child.kill();
        child.waitForFinished();
        return std::nullopt;
    }

    ChildRun run;
    run.outcomes = SecretsChild::parse(child.readAllStandardOutput());
    run.diagnostics = child.readAllStandardError();
    run.homeDir = home;
    QDirIterator it(home, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        run.homeFiles.append(it.next());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return std::nullopt;
    return run;
}

void TestSecretStore::busWithoutSecretServiceGivesClearErrorAndPassphraseFallback()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty()) {
        if (keychainRequired())
            QFAIL("dbus-run-session is not installed; run scripts/install-deps.sh");
        QSKIP("dbus-run-session is not installed");
    }
    const QByteArray salt = QByteArray::fromHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    // 1. No passphrase anywhere: every path ends in the one clear message.
    std::optional<ChildRun> bare = runChild(ChildBus::WithoutSecretService, {}, salt);
    QVERIFY(bare.has_value());
    const QMap<QString, QString>& o = bare->outcomes;
    qInfo().noquote() << "no Secret Service:" << o.value(QStringLiteral("availability"));
    for (const QString& name : {QStringLiteral("availability"), QStringLiteral("write-text"),
                                QStringLiteral("write-binary"), QStringLiteral("read"),
                                QStringLiteral("keychain-only"), QStringLiteral("auto")}) {
        const QString outcome = o.value(name);
        QVERIFY2(outcome.startsWith(QStringLiteral("error ") + kUnavailable),
                 qPrintable(name + QStringLiteral(": ") + outcome + QStringLiteral("\n") +
                            QString::fromUtf8(bare->diagnostics)));
        QVERIFY2(outcome.contains(QStringLiteral("Start gnome-keyring or KeePassXC's Secret "
                                                 "Service, or set CERTDESK_STORE_PASSPHRASE / "
                                                 "type a store passphrase at start.")),
                 qPrintable(outcome));
    }
    // 2. The passphrase typed at start: asked with the reason, and gives the derived key.
    QVERIFY(o.value(QStringLiteral("prompt-reason")).startsWith(kUnavailable));
    QCOMPARE(o.value(QStringLiteral("prompt")),
             QStringLiteral("ok passphrase ") +
                 QString::fromLatin1(derived("Typed at start 1", salt).toHex()));
    QVERIFY(o.value(QStringLiteral("prompt-cancelled")).startsWith(QStringLiteral("error ")));

    // 3. CERTDESK_STORE_PASSPHRASE: the derived key, the same in two separate processes.
    const QByteArray passphrase = "Store passphrase from the environment";
    remember(passphrase);
    std::optional<ChildRun> one = runChild(ChildBus::WithoutSecretService, passphrase, salt);
    std::optional<ChildRun> two = runChild(ChildBus::WithoutSecretService, passphrase, salt);
    QVERIFY(one.has_value() && two.has_value());
    const QString expected =
        QStringLiteral("ok passphrase ") + QString::fromLatin1(derived(passphrase, salt).toHex());
    QCOMPARE(one->outcomes.value(QStringLiteral("auto")), expected);
    QCOMPARE(two->outcomes.value(QStringLiteral("auto")), expected);
    // The policy that insists on the keychain still refuses.
    QVERIFY(
        one->outcomes.value(QStringLiteral("keychain-only")).startsWith(QStringLiteral("error ")));
    // A different salt gives a different key.
    std::optional<ChildRun> otherSalt =
        runChild(ChildBus::WithoutSecretService, passphrase, QByteArray(16, 'x'));
    QVERIFY(otherSalt.has_value());
    QVERIFY(otherSalt->outcomes.value(QStringLiteral("auto"))
                .startsWith(QStringLiteral("ok passphrase ")));
    QVERIFY(otherSalt->outcomes.value(QStringLiteral("auto")) != expected);

    // 4. No plaintext fallback: the failed writes left no file behind at all.
    for (const ChildRun* run : {&*bare, &*one, &*two, &*otherSalt})
        QVERIFY2(run->homeFiles.isEmpty(),
                 qPrintable(QStringLiteral("files appeared: ") + run->homeFiles.join(u',')));
}

void TestSecretStore::noSessionBusGivesClearError()
{
    std::optional<ChildRun> run = runChild(ChildBus::None, {}, QByteArray(16, 'n'));
    QVERIFY(run.has_value());
    qInfo().noquote() << "no session bus:" << run->outcomes.value(QStringLiteral("availability"));
    for (const QString& name :
         {QStringLiteral("availability"), QStringLiteral("write-text"), QStringLiteral("auto")}) {
        const QString outcome = run->outcomes.value(name);
        QVERIFY2(outcome.startsWith(QStringLiteral("error ") + kUnavailable),
                 qPrintable(name + QStringLiteral(": ") + outcome + QStringLiteral("\n") +
                            QString::fromUtf8(run->diagnostics)));
        QVERIFY(outcome.contains(QStringLiteral("CERTDESK_STORE_PASSPHRASE")));
    }
    QVERIFY(
        run->outcomes.value(QStringLiteral("prompt")).startsWith(QStringLiteral("ok passphrase ")));
    QVERIFY2(run->homeFiles.isEmpty(),
             qPrintable(QStringLiteral("files appeared: ") + run->homeFiles.join(u',')));
}

QStringList TestSecretStore::filesContaining(const QStringList& roots,
                                             const QList<QByteArray>& secrets)
{
    QList<QByteArray> needles;
    for (const QByteArray& secret : secrets)
        needles << secret << secret.toBase64() << secret.toHex();
    QStringList hits;
    QSet<QString> seen;
    for (const QString& root : roots) {
        if (root.isEmpty() || !QFileInfo(root).isDir())
            continue;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QFileInfo(it.next()).canonicalFilePath();
            if (path.isEmpty() || seen.contains(path))
                continue;
            seen.insert(path);
            QFile file(path);
            if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            for (const QByteArray& needle : needles) {
                if (content.contains(needle)) {
                    hits << path;
                    break;
                }
            }
        }
    }
    return hits;
}

void TestSecretStore::noPlaintextSecretOnDisk()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(!m_secrets.isEmpty());
    // Under tests/with-keyring.sh, HOME and the XDG directories are private to this run.
    const QString home = QDir::homePath();
    QStringList roots{home,
                      qEnvironmentVariable("XDG_CONFIG_HOME"),
                      qEnvironmentVariable("XDG_DATA_HOME"),
                      qEnvironmentVariable("XDG_CACHE_HOME"),
                      qEnvironmentVariable("XDG_STATE_HOME"),
                      qEnvironmentVariable("XDG_RUNTIME_DIR"),
                      qEnvironmentVariable("CERTDESK_HOME"),
                      m_scratch.path()};
    // The scan must not be vacuous: gnome-keyring's encrypted file holds the secrets.
    const QString keyrings = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                             QStringLiteral("/keyrings");
    QVERIFY2(QDir(keyrings).entryList(QDir::Files).contains(QStringLiteral("login.keyring")),
             qPrintable(keyrings));
    const QStringList hits = filesContaining(roots, m_secrets);
    QVERIFY2(hits.isEmpty(),
             qPrintable(QStringLiteral("secrets in plain text: ") + hits.join(u',')));
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (SecretsChild::isChild())
        return SecretsChild::run();
    TestSecretStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestSecretStore.moc"
