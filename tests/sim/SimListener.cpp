#include "tests/sim/SimListener.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace certdesk::sim {

SimListener::SimListener(QString name, QHostAddress address, quint16 port, bool tls,
                         QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_address(std::move(address))
    , m_port(port)
    , m_tls(tls)
{
}

void SimListener::setHandlers(HttpConnection::HeadersHook headersHook,
                              HttpConnection::RequestHandler handler)
{
    m_headersHook = std::move(headersHook);
    m_handler = std::move(handler);
}

void SimListener::setIdentity(const QList<QSslCertificate>& chain, const QSslKey& key)
{
    m_chain = chain;
    m_key = key;
}

bool SimListener::isListening() const
{
    return m_server && m_server->isListening();
}

Status SimListener::start()
{
    if (isListening())
        return {};
    delete m_server;
    if (m_tls) {
        auto* server = new QSslServer(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(m_chain);
        config.setPrivateKey(m_key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        config.setProtocol(QSsl::TlsV1_2OrLater);
        server->setSslConfiguration(config);
        // A client that gives up on the handshake (a pin mismatch) must not hold a slot long.
        server->setHandshakeTimeout(5000);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    // QSslServer queues a socket only once its handshake is complete.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SimListener::accept);
    if (!m_server->listen(m_address, m_port)) {
        const QString why = m_server->errorString();
        delete m_server;
        m_server = nullptr;
        return Error::failure(QStringLiteral("%1 listener: cannot listen on %2 port %3: %4")
                                  .arg(m_name, m_address.toString())
                                  .arg(m_port)
                                  .arg(why));
    }
    m_port = m_server->serverPort();
    return {};
}

void SimListener::stop()
{
    if (m_server) {
        m_server->close();
        // Sockets still in their handshake belong to the server; deleting it cuts them too.
        m_server->deleteLater();
        m_server = nullptr;
    }
    for (const QPointer<HttpConnection>& c : std::as_const(m_connections)) {
        if (c)
            c->drop();
    }
    m_connections.clear();
}

void SimListener::accept()
{
    auto* server = qobject_cast<QTcpServer*>(sender());
    if (!server)
        return;
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        if (server != m_server) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* connection = new HttpConnection(socket, m_headersHook, m_handler, this);
        m_connections.append(connection);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { m_connections.removeAll(connection); });
    }
}

} // namespace certdesk::sim
