#include "tests/sim/HttpConnection.h"

#include <QTcpSocket>

namespace certdesk::sim {

HttpConnection::HttpConnection(QTcpSocket* socket, HeadersHook headersHook, RequestHandler handler,
                               QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_headersHook(std::move(headersHook))
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] {
        m_buffer += m_socket->readAll();
        processBuffer();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        emit closed();
        deleteLater();
    });
    if (m_socket->bytesAvailable() > 0) {
        m_buffer += m_socket->readAll();
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
    }
}

void HttpConnection::processBuffer()
{
    if (m_awaitingResponse || m_closing)
        return;
    const HttpRequestParser::State state = m_parser.feed(m_buffer);
    if (state == HttpRequestParser::State::Error) {
        HttpResponse response = HttpResponse::error(m_parser.errorStatus(), m_parser.errorText());
        response.closeAfter = true;
        respond(response);
        return;
    }
    if (m_parser.headersComplete() && !m_headersChecked) {
        m_headersChecked = true;
        if (m_headersHook && !m_headersHook(this, m_parser.request())) {
            drop();
            return;
        }
    }
    if (state == HttpRequestParser::State::Complete) {
        m_awaitingResponse = true;
        m_handler(this, m_parser.request());
    }
}

void HttpConnection::respond(const HttpResponse& response)
{
    if (m_closing || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const bool keepAlive = m_parser.request().keepAlive() && !response.closeAfter &&
                           m_parser.state() != HttpRequestParser::State::Error;
    m_socket->write(response.serialize(keepAlive));
    m_socket->flush();
    m_awaitingResponse = false;
    m_headersChecked = false;
    m_parser.reset();
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost(); // after the pending bytes are written
        return;
    }
    // A pipelined request may already be buffered; handle it after this call returns.
    QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::drop()
{
    m_closing = true;
    m_socket->abort();
}

} // namespace certdesk::sim
