#include "core/secrets/StoreKeyProvider.h"

#include "core/secrets/BlockingWait.h"
#include "core/secrets/KeychainAvailability.h"
#include "core/secrets/SecretWipe.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>

#include <memory>
#include <utility>

namespace certdesk::secrets {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StoreKeyProvider", text);
}

using StoreKey = StoreKeyProvider::StoreKey;
using Callback = StoreKeyProvider::Callback;

// A snapshot of the provider's settings: the asynchronous chain must not depend on the
// provider object staying alive.
struct Settings
{
    SecretStore store;
    StoreKeyProvider::Policy policy;
    QByteArray salt;
    int iterations;
    StoreKeyProvider::PassphrasePrompt prompt;
};
using SettingsPtr = std::shared_ptr<const Settings>;

Result<StoreKey> checkedKeychainKey(crypto::SecretBytes key, bool created, const QString& service)
{
    if (key.size() != StoreKeyProvider::keySize) {
        // Never replaced automatically: the store may still be encrypted with whatever this
        // was, and a new key would lock it out for good.
        return Error::failure(
            tr("The store key in the keychain is damaged (%1 bytes instead of %2). CertDesk "
               "does not replace it, because the certificate store may still need it. Restore "
               "the keychain entry \"%3\" of service \"%4\" from a backup, or delete it if the "
               "certificate store is lost anyway.")
                .arg(key.size())
                .arg(StoreKeyProvider::keySize)
                .arg(SecretStore::storeKeyName(), service));
    }
    return StoreKey{std::move(key), StoreKeyProvider::Source::Keychain, created};
}

// The passphrase path. `noSource` is returned when neither the environment nor a prompt
// offers a passphrase: there is no silent default.
Result<StoreKey> passphraseKey(const Settings& settings, const QString& reason,
                               const Error& noSource)
{
    if (settings.salt.size() < crypto::KeyDerivation::minimumSaltSize)
        return Error::failure(
            tr("Internal error: the store passphrase needs a salt of at least %1 bytes.")
                .arg(crypto::KeyDerivation::minimumSaltSize));

    std::optional<crypto::SecretBytes> passphrase;
    bool fromEnvironment = false;
    QByteArray environment = qgetenv(StoreKeyProvider::passphraseVariable().toLatin1().constData());
    if (!environment.isEmpty()) {
        passphrase.emplace(environment);
        fromEnvironment = true;
    }
    SecretWipe::bytes(environment);

    if (!passphrase) {
        if (!settings.prompt)
            return noSource;
        passphrase = settings.prompt(reason);
        if (!passphrase)
            return Error::failure(tr("No store passphrase was entered, so the certificate "
                                     "store stays closed."));
    }

    if (passphrase->characterCount() < StoreKeyProvider::minimumPassphraseCharacters) {
        const QString message =
            fromEnvironment
                ? tr("The store passphrase in %1 is too short: use at least %2 characters.")
                      .arg(StoreKeyProvider::passphraseVariable())
                      .arg(StoreKeyProvider::minimumPassphraseCharacters)
                : tr("The store passphrase is too short: use at least %1 characters.")
                      .arg(StoreKeyProvider::minimumPassphraseCharacters);
        return Error::usage(message);
    }

    Result<crypto::SecretBytes> key = crypto::KeyDerivation::pbkdf2Sha256(
        *passphrase, settings.salt, StoreKeyProvider::keySize, settings.iterations);
    if (!key)
        return key.error();
    return StoreKey{std::move(key).value(), StoreKeyProvider::Source::Passphrase, false};
}

// Reads the keychain's store key; on first use creates one, stores it and reads it back.
void keychainKey(const SettingsPtr& settings, QObject* context, Callback done)
{
    const QString name = SecretStore::storeKeyName();
    settings->store.read(
        name, context, [settings, context, done, name](SecretStore::ReadResult stored) {
            if (!stored) {
                done(stored.error());
                return;
            }
            if (stored->has_value()) {
                done(checkedKeychainKey(std::move(**stored), false, settings->store.service()));
                return;
            }

            Result<crypto::SecretBytes> fresh =
                crypto::KeyDerivation::randomKey(StoreKeyProvider::keySize);
            if (!fresh) {
                done(fresh.error());
                return;
            }
            const crypto::SecretBytes created = std::move(fresh).value();
            settings->store.write(
                name, created, SecretStore::Format::Binary, context,
                [settings, context, done, name, created](Status written) {
                    if (!written) {
                        done(written.error());
                        return;
                    }
                    // Reading back proves the keychain kept it; and if another CertDesk created a
                    // key at the same moment, both continue with the one that stuck.
                    settings->store.read(
                        name, context, [settings, done, created](SecretStore::ReadResult back) {
                            if (!back) {
                                done(back.error());
                                return;
                            }
                            if (!back->has_value()) {
                                done(Error::failure(
                                    tr("The keychain accepted the new store key but does not "
                                       "return it. Check that its default collection is unlocked "
                                       "and writable.")));
                                return;
                            }
                            const bool ours = (**back).view() == created.view();
                            done(checkedKeychainKey(std::move(**back), ours,
                                                    settings->store.service()));
                        });
                });
        });
}

} // namespace

QString StoreKeyProvider::passphraseVariable()
{
    return QStringLiteral("CERTDESK_STORE_PASSPHRASE");
}

StoreKeyProvider::StoreKeyProvider(SecretStore store)
    : m_store(std::move(store))
{
}

void StoreKeyProvider::obtain(QObject* context, Callback done) const
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    auto settings = std::make_shared<const Settings>(
        Settings{m_store, m_policy, m_salt, m_iterations, m_prompt});

    if (m_policy == Policy::PassphraseOnly) {
        // Queued like every other answer; the prompt then runs from the event loop.
        QMetaObject::invokeMethod(
            context,
            [settings, done = std::move(done)] {
                const Error noSource = Error::failure(
                    tr("This certificate store is protected by a store passphrase. Set %1 or "
                       "type the passphrase at start.")
                        .arg(passphraseVariable()));
                done(passphraseKey(*settings, noSource.message, noSource));
            },
            Qt::QueuedConnection);
        return;
    }

    KeychainAvailability::probe(
        m_store.service(), context, [settings, context, done = std::move(done)](Status available) {
            if (available) {
                keychainKey(settings, context, done);
                return;
            }
            if (settings->policy == Policy::KeychainOnly) {
                done(available.error());
                return;
            }
            // The availability error already tells the technician about the passphrase.
            done(passphraseKey(*settings, available.error().message, available.error()));
        });
}

Result<StoreKeyProvider::StoreKey>
StoreKeyProvider::obtainBlocking(std::chrono::milliseconds timeout) const
{
    if (Status usable = BlockingWait::canRun(); !usable)
        return usable.error();
    std::optional<Result<StoreKey>> answer = BlockingWait::run<Result<StoreKey>>(
        [this](QObject* context, auto deliver) { obtain(context, deliver); }, timeout);
    if (!answer)
        return BlockingWait::timeoutError(timeout);
    return std::move(*answer);
}

} // namespace certdesk::secrets
