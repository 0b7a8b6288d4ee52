#pragma once

#include "core/remote/RemoteError.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QSslSocket;
class QTimer;

namespace certdesk::remote {

// What a listener presented in a TLS handshake, or why there was no handshake.
struct ProbeResult
{
    QList<QSslCertificate> chain; // leaf first; empty without a handshake
    QList<QSslError> errors;      // why the system trust store does not accept it
    std::optional<RemoteError> failure;

    bool reached() const { return !chain.isEmpty(); }
    QSslCertificate leaf() const { return chain.value(0); }
};

// Fetches the certificate chain a listener presents, without trusting it and without sending
// anything over the connection: the handshake is verified against the system's trust store,
// and on any verification error the connection is aborted right there. Used for trust on
// first use (show the technician what is presented), for `site test` and for watching a web
// server restart after an activation.
class TlsProbe : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(ProbeResult)>;

    // `done` runs once, later, in `context`'s thread - or never if `context` dies first.
    // The returned probe can be canceled with abort() until then (it deletes itself after).
    static TlsProbe* start(const QString& host, quint16 port, std::chrono::milliseconds timeout,
                           QObject* context, Callback done);
    void abort();

private:
    TlsProbe(QString host, quint16 port, QObject* context, Callback done);
    void finish(ProbeResult result);
    QString where() const;

    QString m_host;
    quint16 m_port;
    QObject* m_context;
    Callback m_done;
    QSslSocket* m_socket = nullptr;
    QTimer* m_timer = nullptr;
    bool m_finished = false;
};

} // namespace certdesk::remote
