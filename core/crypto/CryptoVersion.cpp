#include "core/crypto/CryptoVersion.h"

#include <openssl/crypto.h>

namespace certdesk::crypto {

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace certdesk::crypto
