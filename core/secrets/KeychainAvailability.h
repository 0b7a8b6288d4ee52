#pragma once

#include "core/Result.h"
#include "core/secrets/SecretStore.h"

#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace certdesk::secrets {

// Is there a keychain CertDesk can use? Answers by reading an entry that is never written:
// "not found" proves the keychain answers, and a search without a match never raises an
// unlock prompt. Also owns the messages that tell a technician what to do when there is none.
class KeychainAvailability
{
public:
    // No keychain answers quickly; a long wait means the bus or the service is stuck.
    static constexpr std::chrono::milliseconds defaultTimeout{15000};

    static QString probeKey(); // "keychain-probe"

    // Asynchronous: `done` runs once in `context`'s thread unless `context` is destroyed
    // first. Success means the keychain answered.
    static void probe(const QString& service, QObject* context, std::function<void(Status)> done);
    // Blocking (local event loop), for the CLI and start-up.
    static Status check(const QString& service = SecretStore::defaultService(),
                        std::chrono::milliseconds timeout = defaultTimeout);

    // The errors shown when there is no keychain, or it is locked. `details` is the
    // keychain's own message, kept for the technician who has to dig further. Only the first
    // suggests a store passphrase: a keychain that answers is used, locked or not.
    static Error unavailableError(const QString& details);
    static Error lockedError(const QString& details);
};

} // namespace certdesk::secrets
