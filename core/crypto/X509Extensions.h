#pragma once

// Internal to core/crypto: the X.509v3 extensions CertDesk writes, built structurally (no
// config strings, so values with commas or colons cannot change their meaning).

#include "core/Result.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/OpenSslUtil.h"

#include <QList>

namespace certdesk::crypto::x509ext {

enum KeyUsageBit : unsigned {
    DigitalSignature = 0x80, // bit 0 as KU_DIGITAL_SIGNATURE
    KeyEncipherment = 0x20,
    KeyCertSign = 0x04,
    CrlSign = 0x02,
};

Result<ossl::X509ExtPtr> basicConstraints(bool ca, bool critical);
Result<ossl::X509ExtPtr> keyUsage(unsigned bits, bool critical);
Result<ossl::X509ExtPtr> serverAuth();
Result<ossl::X509ExtPtr> subjectAltName(const QList<GeneralName>& names);
Result<ossl::X509ExtPtr> crlDistributionPoint(const GeneralName& name);
Result<ossl::X509ExtPtr> subjectKeyIdentifier(const X509* subject);
Result<ossl::X509ExtPtr> authorityKeyIdentifier(const X509* issuer, bool selfSigned);

// The key usage a server key can have: RSA keys encipher (TLS RSA key exchange), EC keys do not.
unsigned serverKeyUsage(EVP_PKEY* key);

} // namespace certdesk::crypto::x509ext
