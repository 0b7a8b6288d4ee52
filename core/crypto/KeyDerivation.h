#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace certdesk::crypto {

// Keys from passphrases, and random keys and salts. Lives in core/crypto because only this
// folder may include OpenSSL; core/secrets uses it for the store key.
class KeyDerivation
{
public:
    // OWASP (2023) figure for PBKDF2-HMAC-SHA256; about 0.2 s on a laptop.
    static constexpr int defaultIterations = 600000;
    // Below this, derivation is too cheap to slow down guessing; refused.
    static constexpr int minimumIterations = 200000;
    // NIST SP 800-132 asks for at least 128 random bits of salt.
    static constexpr qsizetype minimumSaltSize = 16;

    // PBKDF2-HMAC-SHA256 of `passphrase` with `salt`: `keySize` bytes. The caller keeps the
    // salt (and the iteration count) beside whatever the key protects.
    static Result<SecretBytes> pbkdf2Sha256(const SecretBytes& passphrase, QByteArrayView salt,
                                            qsizetype keySize, int iterations = defaultIterations);

    // `size` bytes from OpenSSL's private CSPRNG (for keys).
    static Result<SecretBytes> randomKey(qsizetype size);
    // `size` bytes from OpenSSL's public CSPRNG (for salts, which are not secret).
    static Result<QByteArray> randomSalt(qsizetype size = minimumSaltSize);
};

} // namespace certdesk::crypto
