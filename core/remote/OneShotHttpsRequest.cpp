#include "core/remote/OneShotHttpsRequest.h"

#include "core/remote/Fingerprint.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

namespace certdesk::remote {

OneShotHttpsRequest::OneShotHttpsRequest(QString host, quint16 port, CertificatePin pin,
                                         QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_pin(std::move(pin))
{
}

QString OneShotHttpsRequest::where() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

void OneShotHttpsRequest::send(const QByteArray& method, const QString& path,
                               const QList<QPair<QByteArray, QByteArray>>& headers,
                               const QByteArray& body, std::chrono::milliseconds timeout,
                               Callback done)
{
    m_done = std::move(done);
    m_timeoutSeconds = static_cast<int>((timeout.count() + 999) / 1000);
    const QByteArray hostHeader = m_host.contains(QLatin1Char(':'))
                                      ? '[' + m_host.toLatin1() + "]:" + QByteArray::number(m_port)
                                      : m_host.toLatin1() + ':' + QByteArray::number(m_port);
    m_request = method + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n";
    for (const auto& [name, value] : headers)
        m_request += name + ": " + value + "\r\n";
    m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    m_request += "Connection: close\r\n\r\n";
    m_request += body;

    if (m_pin.isNull()) {
        RemoteError e;
        e.kind = RemoteError::Kind::NotTrusted;
        e.message = tr("%1 is not trusted yet: trust its certificate first.").arg(where());
        QMetaObject::invokeMethod(
            this, [this, e] { finish(e); }, Qt::QueuedConnection);
        return;
    }

    m_socket = new QSslSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_host);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        RemoteError e = RemoteError::timeout(where(), m_timeoutSeconds);
        e.requestSent = m_requestWritten;
        finish(e);
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QSslCertificate leaf = m_socket->peerCertificate();
        if (leaf.isNull() && !errors.isEmpty())
            leaf = errors.first().certificate();
        if (m_pin.matches(leaf)) {
            // Exactly these errors, for exactly the pinned certificate: never a blanket ignore.
            m_socket->ignoreSslErrors(errors);
            return;
        }
        finish(RemoteError::pinMismatch(where(),
                                        Fingerprint::format(Fingerprint::ofCertificate(leaf)),
                                        m_pin.certificateFingerprint()));
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        const QSslCertificate leaf = m_socket->peerCertificate();
        // Also when the system trust store accepted it: the pin decides, not the CA.
        if (!m_pin.matches(leaf)) {
            finish(RemoteError::pinMismatch(where(),
                                            Fingerprint::format(Fingerprint::ofCertificate(leaf)),
                                            m_pin.certificateFingerprint()));
            return;
        }
        writeRequest();
    });
    connect(m_socket, &QSslSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        parse();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_finished)
            return;
        if (m_socket->isOpen())
            m_buffer += m_socket->readAll();
        parse();
        if (m_finished)
            return;
        // Without a Content-Length, the answer ends when the server closes.
        if (error == QAbstractSocket::RemoteHostClosedError && m_headerEnd >= 0 &&
            m_contentLength < 0) {
            m_response.body = m_buffer.mid(m_headerEnd);
            finish(m_response);
            return;
        }
        RemoteError e = RemoteError::fromSocketError(error, where(), m_socket->errorString());
        e.requestSent = m_requestWritten;
        finish(e);
    });
    m_timer->start(timeout);
    m_socket->connectToHostEncrypted(m_host, m_port);
}

void OneShotHttpsRequest::writeRequest()
{
    // From here on the system may act on the request, whatever happens to the connection.
    m_requestWritten = true;
    m_socket->write(m_request);
    m_request.fill('\0'); // it may carry a session cookie
}

void OneShotHttpsRequest::parse()
{
    if (m_finished)
        return;
    if (m_headerEnd < 0) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        bool ok = false;
        m_response.status = status.value(1).toInt(&ok);
        if (!status.value(0).startsWith("HTTP/1.") || !ok) {
            RemoteError e;
            e.kind = RemoteError::Kind::BadReply;
            e.requestSent = true;
            e.message = tr("%1 answered something that is not HTTP/1.1.").arg(where());
            finish(e);
            return;
        }
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_response.headers.append(
                    {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
        for (const auto& [name, value] : m_response.headers) {
            if (name == "content-length")
                m_contentLength = value.toLongLong();
        }
        m_headerEnd = end + 4;
    }
    if (m_contentLength >= 0 && m_buffer.size() - m_headerEnd >= m_contentLength) {
        m_response.body = m_buffer.mid(m_headerEnd, m_contentLength);
        finish(m_response);
    }
}

void OneShotHttpsRequest::abort()
{
    RemoteError e = RemoteError::canceled();
    e.requestSent = m_requestWritten;
    finish(e);
}

void OneShotHttpsRequest::finish(RemoteResult<Response> result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer)
        m_timer->stop();
    if (m_socket)
        m_socket->abort();
    deleteLater();
    if (m_done) {
        Callback done = std::move(m_done);
        done(std::move(result));
    }
}

} // namespace certdesk::remote
