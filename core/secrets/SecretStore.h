#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QObject;

namespace certdesk::secrets {

// Passphrases and credentials in the OS keychain (Secret Service on Linux, Credential Manager
// on Windows, Keychain on macOS) through QtKeychain, under one service name.
//
// There is no plaintext fallback, ever: without a keychain every call fails with an error
// that says so (see KeychainAvailability), and the caller decides what to do instead.
//
// Use from the main thread only: QtKeychain runs its jobs one at a time on a global executor
// and libsecret answers on the main GLib context.
class SecretStore
{
public:
    // How a value is stored. Text is readable in Seahorse or secret-tool (passwords); Binary is
    // stored base64-encoded (random keys). Reading returns the original bytes either way.
    enum class Format { Text, Binary };

    // std::nullopt: the keychain works but holds no entry under that key (not an error).
    using ReadResult = Result<std::optional<crypto::SecretBytes>>;
    using ReadCallback = std::function<void(ReadResult)>;
    using StatusCallback = std::function<void(Status)>;

    // Long enough for a person to answer the keychain's unlock prompt.
    static constexpr std::chrono::milliseconds defaultTimeout{120000};

    static QString defaultService();                     // "CertDesk"
    static QString storeKeyName();                       // "store-key"
    static QString sitePasswordKey(const QString& site); // "site/<site>/password"
    // A password shared by a group of sites: "credential/<name>/password".
    static QString credentialPasswordKey(const QString& credential);

    explicit SecretStore(QString service = defaultService());

    QString service() const { return m_service; }

    // Asynchronous: `done` runs exactly once, later, in `context`'s thread - or never, if
    // `context` is destroyed first. A job outlives a destroyed context and just finishes.
    void read(const QString& key, QObject* context, ReadCallback done) const;
    void write(const QString& key, const crypto::SecretBytes& value, Format format,
               QObject* context, StatusCallback done) const;
    // Deleting an entry that does not exist succeeds.
    void remove(const QString& key, QObject* context, StatusCallback done) const;

    // Blocking, for the CLI: spins a local event loop until the keychain answers or `timeout`
    // passes. Needs a QCoreApplication; never call it from a slot that must stay responsive.
    ReadResult readBlocking(const QString& key,
                            std::chrono::milliseconds timeout = defaultTimeout) const;
    Status writeBlocking(const QString& key, const crypto::SecretBytes& value, Format format,
                         std::chrono::milliseconds timeout = defaultTimeout) const;
    Status removeBlocking(const QString& key,
                          std::chrono::milliseconds timeout = defaultTimeout) const;

private:
    QString m_service;
};

} // namespace certdesk::secrets
