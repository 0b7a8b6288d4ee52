#pragma once

#include "tests/sim/HttpRequestParser.h"
#include "tests/sim/HttpResponse.h"

#include <QByteArray>
#include <QObject>

#include <functional>

class QTcpSocket;

namespace certdesk::sim {

// One client connection of a listener: parses requests one at a time (keep-alive), hands
// each to the handler and writes the handler's response. A handler may answer later, or
// never (the "stall" fault), or drop the connection.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    // Called once the headers of a request are in, before its body: false drops the
    // connection there and then (the "drop-upload" fault cuts an upload short this way).
    using HeadersHook = std::function<bool(HttpConnection*, const HttpRequest&)>;
    using RequestHandler = std::function<void(HttpConnection*, const HttpRequest&)>;

    // Takes ownership of `socket` (connected, and for TLS already encrypted).
    HttpConnection(QTcpSocket* socket, HeadersHook headersHook, RequestHandler handler,
                   QObject* parent = nullptr);

    void respond(const HttpResponse& response);
    void drop(); // abort without an answer
    QTcpSocket* socket() const { return m_socket; }

signals:
    void closed();

private:
    void processBuffer();

    QTcpSocket* m_socket;
    HeadersHook m_headersHook;
    RequestHandler m_handler;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    bool m_headersChecked = false;
    bool m_awaitingResponse = false;
    bool m_closing = false;
};

} // namespace certdesk::sim
