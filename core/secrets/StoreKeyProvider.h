#pragma once

#include "core/Result.h"
#include "core/crypto/KeyDerivation.h"
#include "core/crypto/SecretBytes.h"
#include "core/secrets/SecretStore.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QObject;

namespace certdesk::secrets {

// The 32-byte key that encrypts the local certificate store at rest.
//
// Normally a random key kept in the keychain, created there on first use. Where no keychain
// is available, and only if the user supplies one, a key derived from a store passphrase:
// from CERTDESK_STORE_PASSPHRASE, else from the prompt callback (typed at start). Never a
// key in a file. The two sources give different keys, so the store should remember which
// one it was created with (StoreKey::source) and ask for that Policy next time.
class StoreKeyProvider
{
public:
    enum class Source { Keychain, Passphrase };
    enum class Policy {
        KeychainOrPassphrase, // the keychain if it answers; else a passphrase, if one is given
        KeychainOnly,
        PassphraseOnly,
    };

    struct StoreKey
    {
        crypto::SecretBytes key; // keySize bytes
        Source source = Source::Keychain;
        bool created = false; // a new random key was just put into the keychain
    };

    // Asked for the store passphrase when the environment gives none. `reason` says why the
    // keychain cannot be used (or that the policy asks for a passphrase). std::nullopt:
    // the person cancelled.
    using PassphrasePrompt =
        std::function<std::optional<crypto::SecretBytes>(const QString& reason)>;
    using Callback = std::function<void(Result<StoreKey>)>;

    static constexpr qsizetype keySize = 32;
    static constexpr qsizetype minimumPassphraseCharacters = 8;
    // Key generation, write and read-back, plus an unlock prompt a person may answer.
    static constexpr std::chrono::milliseconds defaultTimeout{180000};

    static QString passphraseVariable(); // "CERTDESK_STORE_PASSPHRASE"

    explicit StoreKeyProvider(SecretStore store = SecretStore());

    void setPolicy(Policy policy) { m_policy = policy; }
    // The salt for the passphrase key (at least KeyDerivation::minimumSaltSize random bytes,
    // e.g. from KeyDerivation::randomSalt()). The caller keeps it beside the store; without
    // it the passphrase fallback is refused.
    void setPassphraseSalt(QByteArray salt) { m_salt = std::move(salt); }
    void setIterations(int iterations) { m_iterations = iterations; }
    void setPassphrasePrompt(PassphrasePrompt prompt) { m_prompt = std::move(prompt); }

    // Asynchronous: `done` runs once in `context`'s thread unless `context` is destroyed
    // first. The prompt, if needed, is called synchronously from within the chain.
    void obtain(QObject* context, Callback done) const;
    // Blocking (local event loop), for the CLI and start-up.
    Result<StoreKey> obtainBlocking(std::chrono::milliseconds timeout = defaultTimeout) const;

private:
    SecretStore m_store;
    Policy m_policy = Policy::KeychainOrPassphrase;
    QByteArray m_salt;
    int m_iterations = crypto::KeyDerivation::defaultIterations;
    PassphrasePrompt m_prompt;
};

} // namespace certdesk::secrets
