#pragma once

#include <QString>

namespace certdesk::crypto {

// File names of the Admin Portal's downloads, so that what CertDesk writes is what a
// technician already knows from the PBX.
struct AdminPortalFiles
{
    static QString csr(const QString& requestName) { return requestName + QStringLiteral(".csr"); }
    static QString csrKey() { return QStringLiteral("key_csr.pem"); }
    static QString certificate(const QString& name) { return name + QStringLiteral(".crt"); }
    static QString key(const QString& name) { return name + QStringLiteral(".key"); }
    static QString caSignedBundle(const QString& name)
    {
        return QStringLiteral("BasedOn") + name + QStringLiteral(".p12");
    }
};

} // namespace certdesk::crypto
