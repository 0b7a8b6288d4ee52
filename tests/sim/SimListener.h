#pragma once

#include "core/Result.h"
#include "tests/sim/HttpConnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>

class QTcpServer;

namespace certdesk::sim {

// One listening port of the simulator: TLS (a QSslServer presenting a certificate) or plain
// TCP (the control endpoint). It can be stopped and started again on the same port, which is
// how a web server restart after a certificate activation looks from outside.
class SimListener : public QObject
{
    Q_OBJECT

public:
    SimListener(QString name, QHostAddress address, quint16 port, bool tls,
                QObject* parent = nullptr);

    void setHandlers(HttpConnection::HeadersHook headersHook,
                     HttpConnection::RequestHandler handler);
    // TLS only: what the next start() presents (leaf first, then its issuers).
    void setIdentity(const QList<QSslCertificate>& chain, const QSslKey& key);
    QSslCertificate certificate() const { return m_chain.value(0); }

    // Listens on the configured port (the first start with port 0 picks a free one and keeps
    // it for later restarts).
    Status start();
    // Stops listening and cuts every open connection, as a restarting web server does.
    void stop();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QString name() const { return m_name; }

private:
    void accept();

    QString m_name;
    QHostAddress m_address;
    quint16 m_port;
    bool m_tls;
    QTcpServer* m_server = nullptr;
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    HttpConnection::HeadersHook m_headersHook;
    HttpConnection::RequestHandler m_handler;
    QList<QPointer<HttpConnection>> m_connections;
};

} // namespace certdesk::sim
