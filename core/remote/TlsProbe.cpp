#include "core/remote/TlsProbe.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace certdesk::remote {

TlsProbe::TlsProbe(QString host, quint16 port, QObject* context, Callback done)
    : QObject(nullptr)
    , m_host(std::move(host))
    , m_port(port)
    , m_context(context)
    , m_done(std::move(done))
{
}

QString TlsProbe::where() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

TlsProbe* TlsProbe::start(const QString& host, quint16 port, std::chrono::milliseconds timeout,
                          QObject* context, Callback done)
{
    auto* probe = new TlsProbe(host, port, context, std::move(done));
    // A destroyed context cancels the probe: nobody is left to tell.
    connect(context, &QObject::destroyed, probe, [probe] {
        probe->m_context = nullptr;
        probe->abort();
    });

    probe->m_socket = new QSslSocket(probe);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    probe->m_socket->setSslConfiguration(config);
    probe->m_socket->setPeerVerifyName(host);

    probe->m_timer = new QTimer(probe);
    probe->m_timer->setSingleShot(true);
    connect(probe->m_timer, &QTimer::timeout, probe, [probe, timeout] {
        ProbeResult r;
        r.failure =
            RemoteError::timeout(probe->where(), static_cast<int>((timeout.count() + 999) / 1000));
        probe->finish(r);
    });

    connect(
        probe->m_socket, &QSslSocket::sslErrors, probe, [probe](const QList<QSslError>& errors) {
            // Not trusted by the system store (a PBX's self-signed certificate, usually): take
            // what was presented and leave before anything is sent.
            ProbeResult r;
            r.chain = probe->m_socket->peerCertificateChain();
            if (r.chain.isEmpty() && !errors.isEmpty() && !errors.first().certificate().isNull())
                r.chain = {errors.first().certificate()};
            r.errors = errors;
            probe->finish(r);
        });
    connect(probe->m_socket, &QSslSocket::encrypted, probe, [probe] {
        ProbeResult r;
        r.chain = probe->m_socket->peerCertificateChain();
        probe->finish(r);
    });
    connect(probe->m_socket, &QSslSocket::errorOccurred, probe,
            [probe](QAbstractSocket::SocketError e) {
                ProbeResult r;
                r.failure =
                    RemoteError::fromSocketError(e, probe->where(), probe->m_socket->errorString());
                probe->finish(r);
            });

    probe->m_timer->start(timeout);
    probe->m_socket->connectToHostEncrypted(host, port);
    return probe;
}

void TlsProbe::abort()
{
    ProbeResult r;
    r.failure = RemoteError::canceled();
    finish(r);
}

void TlsProbe::finish(ProbeResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    // Nothing goes over this connection: abort rather than a polite close_notify exchange.
    m_socket->abort();
    QPointer<QObject> context = m_context;
    Callback done = std::move(m_done);
    deleteLater();
    if (context && done) {
        QMetaObject::invokeMethod(
            context,
            [done = std::move(done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
    }
}

} // namespace certdesk::remote
