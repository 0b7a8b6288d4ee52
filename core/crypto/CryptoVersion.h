#pragma once

#include <QString>

namespace certdesk::crypto {

// "OpenSSL 3.0.x …" of the library in use at run time, for About boxes and --version.
QString openSslVersion();

} // namespace certdesk::crypto
