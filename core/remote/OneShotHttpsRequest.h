#pragma once

#include "core/remote/CertificatePin.h"
#include "core/remote/RemoteResult.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>

#include <chrono>
#include <functional>

class QSslSocket;
class QTimer;

namespace certdesk::remote {

// One HTTPS request on a connection of its own, written once and never again.
//
// QNetworkAccessManager silently sends a request a second time when a kept-alive connection
// closes before the answer arrives. That is harmless for reading a list and unacceptable for
// "activate", which restarts the system's web server: so activation goes through this class,
// which reports a lost connection as such (with requestSent set) and leaves the decision to
// the caller. The listener must present the pinned certificate, as in AdminPortalClient.
class OneShotHttpsRequest : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
        QByteArray body;
    };
    using Callback = std::function<void(RemoteResult<Response>)>;

    OneShotHttpsRequest(QString host, quint16 port, CertificatePin pin, QObject* parent = nullptr);

    // `done` runs exactly once (not from inside this call); the object deletes itself after.
    void send(const QByteArray& method, const QString& path,
              const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& body,
              std::chrono::milliseconds timeout, Callback done);
    void abort();

private:
    void finish(RemoteResult<Response> result);
    void writeRequest();
    void parse();
    QString where() const;

    QString m_host;
    quint16 m_port;
    CertificatePin m_pin;
    QSslSocket* m_socket = nullptr;
    QTimer* m_timer = nullptr;
    Callback m_done;
    QByteArray m_request;
    QByteArray m_buffer;
    Response m_response;
    qsizetype m_headerEnd = -1;
    qsizetype m_contentLength = -1;
    int m_timeoutSeconds = 0;
    bool m_requestWritten = false;
    bool m_finished = false;
};

} // namespace certdesk::remote
