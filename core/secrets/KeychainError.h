#pragma once

#include "core/Result.h"

#include <QString>

namespace certdesk::secrets {

// Internal to core/secrets: sorts a failed QtKeychain job into what the caller can act on.
// The code stays an int so that no public header depends on QtKeychain.
class KeychainError
{
public:
    enum class Kind {
        None,        // the job succeeded
        NotFound,    // the keychain works; no entry under that key
        Unavailable, // no keychain to talk to (no backend, no Secret Service, no D-Bus)
        Locked,      // a keychain exists but is locked or refused access
        Other,       // the keychain answered with some other failure
    };

    // `code` is a QKeychain::Error; `details` its errorString().
    static Kind classify(int code, const QString& details);

    // The technician-facing error for a failed job; `what` says what was being done
    // ("Cannot read \"store-key\" from the keychain") and leads the message for Kind::Other.
    static Error toError(Kind kind, const QString& what, const QString& details);
};

} // namespace certdesk::secrets
