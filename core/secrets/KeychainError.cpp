#include "core/secrets/KeychainError.h"

#include "core/secrets/KeychainAvailability.h"

#include <QCoreApplication>
#include <QStringList>

#include <qt6keychain/keychain.h>

namespace certdesk::secrets {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeychainError", text);
}

// libsecret reports D-Bus failures (nobody owns org.freedesktop.secrets, no session bus at
// all, no reply) as plain GErrors, which QtKeychain files under OtherError. Their text is
// the only thing that tells "no keychain here" from a keychain that answered with an error.
bool looksLikeMissingService(const QString& details)
{
    static const QStringList markers = {
        QStringLiteral("org.freedesktop.DBus.Error"),
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("D-Bus"),
        QStringLiteral("DBus"),
        QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
        QStringLiteral("autolaunch"),
        QStringLiteral("Could not connect"),
    };
    for (const QString& marker : markers) {
        if (details.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

KeychainError::Kind KeychainError::classify(int code, const QString& details)
{
    switch (static_cast<QKeychain::Error>(code)) {
    case QKeychain::NoError:
        return Kind::None;
    case QKeychain::EntryNotFound:
        return Kind::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Kind::Unavailable;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Kind::Locked;
    case QKeychain::CouldNotDeleteEntry:
        return Kind::Other;
    case QKeychain::OtherError:
        break;
    }
    return looksLikeMissingService(details) ? Kind::Unavailable : Kind::Other;
}

Error KeychainError::toError(Kind kind, const QString& what, const QString& details)
{
    switch (kind) {
    case Kind::Unavailable:
        return KeychainAvailability::unavailableError(details);
    case Kind::Locked:
        return KeychainAvailability::lockedError(details);
    case Kind::None:
    case Kind::NotFound:
    case Kind::Other:
        break;
    }
    return Error::failure(tr("%1: %2").arg(what, details));
}

} // namespace certdesk::secrets
