#include "SecretsChild.h"

#include "core/crypto/SecretBytes.h"
#include "core/secrets/KeychainAvailability.h"
#include "core/secrets/SecretStore.h"
#include "core/secrets/StoreKeyProvider.h"

#include <QTextStream>

#include <cstdio>

using certdesk::Status;
using certdesk::crypto::SecretBytes;
using certdesk::secrets::KeychainAvailability;
using certdesk::secrets::SecretStore;
using certdesk::secrets::StoreKeyProvider;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

void report(const QString& name, const QString& outcome)
{
    QString flat = outcome;
    flat.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\t'), QLatin1Char(' '));
    out() << name << '\t' << flat << '\n';
    out().flush();
}

QString describe(const Status& status)
{
    return status ? QStringLiteral("ok") : QStringLiteral("error ") + status.error().message;
}

QString describe(const certdesk::Result<StoreKeyProvider::StoreKey>& key)
{
    if (!key)
        return QStringLiteral("error ") + key.error().message;
    const QString source = key->source == StoreKeyProvider::Source::Keychain
                               ? QStringLiteral("keychain")
                               : QStringLiteral("passphrase");
    return QStringLiteral("ok %1 %2")
        .arg(source, QString::fromLatin1(key->key.view().toByteArray().toHex()));
}

} // namespace

QByteArray SecretsChild::modeVariable()
{
    return QByteArrayLiteral("CERTDESK_SECRETS_TEST_CHILD");
}

QByteArray SecretsChild::serviceVariable()
{
    return QByteArrayLiteral("CERTDESK_SECRETS_TEST_SERVICE");
}

QByteArray SecretsChild::saltVariable()
{
    return QByteArrayLiteral("CERTDESK_SECRETS_TEST_SALT");
}

QByteArray SecretsChild::canaryVariable()
{
    return QByteArrayLiteral("CERTDESK_SECRETS_TEST_CANARY");
}

QByteArray SecretsChild::promptVariable()
{
    return QByteArrayLiteral("CERTDESK_SECRETS_TEST_PROMPT");
}

bool SecretsChild::isChild()
{
    return qgetenv(modeVariable().constData()) == "no-keychain";
}

int SecretsChild::run()
{
    const SecretStore store(qEnvironmentVariable(serviceVariable().constData()));
    const QByteArray salt = QByteArray::fromHex(qgetenv(saltVariable().constData()));

    report(QStringLiteral("availability"), describe(KeychainAvailability::check(store.service())));

    const SecretBytes canary(qgetenv(canaryVariable().constData()));
    report(QStringLiteral("write-text"),
           describe(store.writeBlocking(SecretStore::sitePasswordKey(QStringLiteral("pbx-child")),
                                        canary, SecretStore::Format::Text)));
    report(QStringLiteral("write-binary"),
           describe(store.writeBlocking(QStringLiteral("binary-canary"), canary,
                                        SecretStore::Format::Binary)));
    const SecretStore::ReadResult read =
        store.readBlocking(SecretStore::sitePasswordKey(QStringLiteral("pbx-child")));
    report(QStringLiteral("read"),
           read ? QStringLiteral("ok") : QStringLiteral("error ") + read.error().message);

    StoreKeyProvider keychainOnly(store);
    keychainOnly.setPolicy(StoreKeyProvider::Policy::KeychainOnly);
    keychainOnly.setPassphraseSalt(salt);
    report(QStringLiteral("keychain-only"), describe(keychainOnly.obtainBlocking()));

    // The default policy, with whatever CERTDESK_STORE_PASSPHRASE the parent set (or none).
    StoreKeyProvider automatic(store);
    automatic.setPassphraseSalt(salt);
    report(QStringLiteral("auto"), describe(automatic.obtainBlocking()));

    // A passphrase typed at start: the prompt answers, and is told why it was asked.
    qunsetenv(StoreKeyProvider::passphraseVariable().toLatin1().constData());
    QString reason;
    StoreKeyProvider prompted(store);
    prompted.setPassphraseSalt(salt);
    prompted.setPassphrasePrompt([&reason](const QString& why) {
        reason = why;
        return std::optional<SecretBytes>(SecretBytes(qgetenv(promptVariable().constData())));
    });
    report(QStringLiteral("prompt"), describe(prompted.obtainBlocking()));
    report(QStringLiteral("prompt-reason"), reason);

    StoreKeyProvider cancelled(store);
    cancelled.setPassphraseSalt(salt);
    cancelled.setPassphrasePrompt([](const QString&) { return std::optional<SecretBytes>(); });
    report(QStringLiteral("prompt-cancelled"), describe(cancelled.obtainBlocking()));
    return 0;
}

QMap<QString, QString> SecretsChild::parse(const QByteArray& output)
{
    QMap<QString, QString> outcomes;
    for (const QByteArray& line : output.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab > 0)
            outcomes.insert(QString::fromUtf8(line.left(tab)),
                            QString::fromUtf8(line.mid(tab + 1)));
    }
    return outcomes;
}
