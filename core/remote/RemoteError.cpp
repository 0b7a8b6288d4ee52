#include "core/remote/RemoteError.h"

#include "core/remote/AdminPortalProtocol.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::remote {

QString RemoteError::kindId(Kind kind)
{
    switch (kind) {
    case Kind::NotTrusted:
        return QStringLiteral("not-trusted");
    case Kind::Refused:
        return QStringLiteral("connection-refused");
    case Kind::HostNotFound:
        return QStringLiteral("host-not-found");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Dropped:
        return QStringLiteral("connection-dropped");
    case Kind::TlsFailure:
        return QStringLiteral("tls-failure");
    case Kind::PinMismatch:
        return QStringLiteral("pin-mismatch");
    case Kind::BadCredentials:
        return QStringLiteral("bad-credentials");
    case Kind::LockedOut:
        return QStringLiteral("locked-out");
    case Kind::NotLoggedIn:
        return QStringLiteral("not-logged-in");
    case Kind::Rejected:
        return QStringLiteral("rejected");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::BadReply:
        return QStringLiteral("bad-reply");
    case Kind::Canceled:
        return QStringLiteral("canceled");
    case Kind::Network:
        return QStringLiteral("network-error");
    }
    return QStringLiteral("network-error");
}

RemoteError RemoteError::fromSocketError(QAbstractSocket::SocketError error, const QString& where,
                                         const QString& detail)
{
    RemoteError e;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        e.kind = Kind::Refused;
        e.message = tr("%1 refused the connection: nothing listens on that port, or its web server "
                       "is restarting. Check the host and port, or wait and try again.")
                        .arg(where);
        break;
    case QAbstractSocket::HostNotFoundError:
        e.kind = Kind::HostNotFound;
        e.message = tr("The host name of %1 cannot be resolved (DNS): check the spelling, or use "
                       "its IP address.")
                        .arg(where);
        break;
    case QAbstractSocket::SocketTimeoutError:
        e.kind = Kind::Timeout;
        e.message = tr("%1 did not answer in time.").arg(where);
        break;
    case QAbstractSocket::RemoteHostClosedError:
        e.kind = Kind::Dropped;
        e.message = tr("%1 closed the connection before answering.").arg(where);
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        e.kind = Kind::TlsFailure;
        e.message = tr("The TLS handshake with %1 failed: %2").arg(where, detail);
        break;
    default:
        e.kind = Kind::Network;
        e.message = tr("Network error talking to %1: %2").arg(where, detail);
        break;
    }
    return e;
}

RemoteError RemoteError::fromNetworkError(QNetworkReply::NetworkError error, const QString& where,
                                          const QString& detail)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return fromSocketError(QAbstractSocket::ConnectionRefusedError, where, detail);
    case QNetworkReply::HostNotFoundError:
        return fromSocketError(QAbstractSocket::HostNotFoundError, where, detail);
    case QNetworkReply::TimeoutError:
        return fromSocketError(QAbstractSocket::SocketTimeoutError, where, detail);
    case QNetworkReply::RemoteHostClosedError:
        return fromSocketError(QAbstractSocket::RemoteHostClosedError, where, detail);
    case QNetworkReply::SslHandshakeFailedError:
        return fromSocketError(QAbstractSocket::SslHandshakeFailedError, where, detail);
    case QNetworkReply::OperationCanceledError:
        return canceled();
    default:
        return fromSocketError(QAbstractSocket::UnknownSocketError, where, detail);
    }
}

RemoteError RemoteError::pinMismatch(const QString& where, const QString& presented,
                                     const QString& pinned)
{
    RemoteError e;
    e.kind = Kind::PinMismatch;
    e.presentedSha256 = presented;
    e.pinnedSha256 = pinned;
    e.message = tr("Refused: %1 presented a certificate other than the trusted one. Nothing was "
                   "sent to it.\n  presented SHA-256: %2\n  trusted SHA-256:   %3\nIf the system "
                   "really has a new certificate, check its fingerprint on the system itself and "
                   "trust it again (certdesk-cli site trust). Otherwise someone may be "
                   "intercepting the connection.")
                    .arg(where, presented, pinned.isEmpty() ? tr("(none)") : pinned);
    return e;
}

RemoteError RemoteError::timeout(const QString& where, int seconds)
{
    RemoteError e;
    e.kind = Kind::Timeout;
    e.message = tr("%1 did not answer within %2 seconds.").arg(where).arg(seconds);
    return e;
}

RemoteError RemoteError::canceled()
{
    RemoteError e;
    e.kind = Kind::Canceled;
    e.message = tr("Canceled.");
    return e;
}

QString RemoteError::serverText(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QString text = doc.object().value(AdminPortalProtocol::errorKey()).toString();
        if (!text.isEmpty())
            return text;
    }
    QString text = QString::fromUtf8(body).trimmed();
    if (text.size() > 500)
        text = text.left(500) + QStringLiteral("…");
    return text;
}

RemoteError RemoteError::fromHttpStatus(int status, const QByteArray& body, const QString& where)
{
    RemoteError e;
    e.httpStatus = status;
    e.serverMessage = serverText(body);
    const QString said = e.serverMessage.isEmpty() ? tr("(no message)") : e.serverMessage;
    if (status == AdminPortalProtocol::lockedOutStatus) {
        e.kind = Kind::LockedOut;
        e.message = tr("%1 has locked the user out after repeated failed logins. Wait until the "
                       "lock expires, then check the password. The system says: %2")
                        .arg(where, said);
    } else if (status == AdminPortalProtocol::notLoggedInStatus) {
        e.kind = Kind::NotLoggedIn;
        e.message = tr("%1 says the session is not logged in (HTTP %2): %3")
                        .arg(where)
                        .arg(status)
                        .arg(said);
    } else if (status == 404) {
        e.kind = Kind::NotFound;
        e.message = tr("%1 answered HTTP 404: %2").arg(where, said);
    } else if (status >= 500) {
        e.kind = Kind::ServerError;
        e.message =
            tr("%1 answered with a server error (HTTP %2): %3").arg(where).arg(status).arg(said);
    } else if (status >= 400) {
        e.kind = Kind::Rejected;
        e.message = tr("%1 refused the request (HTTP %2): %3").arg(where).arg(status).arg(said);
    } else {
        e.kind = Kind::BadReply;
        e.message =
            tr("%1 gave an unexpected answer (HTTP %2): %3").arg(where).arg(status).arg(said);
    }
    return e;
}

} // namespace certdesk::remote
