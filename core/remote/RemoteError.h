#pragma once

#include "core/Result.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QNetworkReply>
#include <QString>

namespace certdesk::remote {

// Why a remote operation failed, as something a technician can act on, plus what a program
// needs to decide (kind, HTTP status, whether a request might have reached the system).
struct RemoteError
{
    Q_DECLARE_TR_FUNCTIONS(RemoteError)

public:
    enum class Kind {
        NotTrusted,     // no pin for this listener yet: trust it first
        Refused,        // nothing listens there (or the web server is restarting)
        HostNotFound,   // DNS failure
        Timeout,        // no complete answer in time
        Dropped,        // the connection closed before a complete answer
        TlsFailure,     // the handshake itself failed
        PinMismatch,    // the listener presented a certificate other than the pinned one
        BadCredentials, // wrong user name or password
        LockedOut,      // too many failed logins
        NotLoggedIn,    // the session expired or was never opened
        Rejected,       // the system refused the request (4xx); its message is verbatim
        NotFound,       // 404
        ServerError,    // 5xx; its message is verbatim
        BadReply,       // an answer CertDesk does not understand
        Canceled,
        Network, // any other network error
    };

    Kind kind = Kind::Network;
    QString message; // complete, translated, for people
    int httpStatus = 0;
    QString serverMessage;   // the system's own error text, verbatim
    QString presentedSha256; // PinMismatch: what the listener presented
    QString pinnedSha256;    // PinMismatch: what was expected
    // True when the request may have reached the system (the connection failed after it was
    // written): for a request that must not run twice, its outcome is unknown.
    bool requestSent = false;

    static QString kindId(Kind kind); // "connection-refused", "pin-mismatch", … (stable)
    QString kindId() const { return kindId(kind); }
    Error toError() const { return Error::failure(message); }

    // A socket error while talking to `where` ("host:port").
    static RemoteError fromSocketError(QAbstractSocket::SocketError error, const QString& where,
                                       const QString& detail);
    static RemoteError fromNetworkError(QNetworkReply::NetworkError error, const QString& where,
                                        const QString& detail);
    static RemoteError pinMismatch(const QString& where, const QString& presented,
                                   const QString& pinned);
    static RemoteError timeout(const QString& where, int seconds);
    static RemoteError canceled();
    // An HTTP error answer; `body` is shown verbatim (the "error" member of a JSON body, or
    // the text itself).
    static RemoteError fromHttpStatus(int status, const QByteArray& body, const QString& where);
    static QString serverText(const QByteArray& body);
};

} // namespace certdesk::remote
