#pragma once

#include <QByteArray>
#include <QString>

namespace certdesk::secrets {

// Overwrites the buffer behind a QByteArray or QString in place, without detaching: the
// QtKeychain API hands secrets over in Qt containers, and the job's copy shares our buffer.
// Only core/crypto may call OPENSSL_cleanse, so this uses volatile stores the compiler keeps.
class SecretWipe
{
public:
    static void bytes(QByteArray& data);
    static void text(QString& text);
};

} // namespace certdesk::secrets
