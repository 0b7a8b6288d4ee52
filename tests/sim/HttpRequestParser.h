#pragma once

#include "tests/sim/HttpRequest.h"

#include <QByteArray>
#include <QString>

namespace certdesk::sim {

// Incremental parser for HTTP/1.1 requests: request line, headers, and a body framed by
// Content-Length. Chunked request bodies are refused (no client of the simulator sends them:
// QNetworkAccessManager and CertDesk's one-shot request always give a length).
class HttpRequestParser
{
public:
    enum class State { RequestLine, Headers, Body, Complete, Error };

    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;

    // Consumes bytes from the front of `buffer` as far as the current request goes; stops
    // at Complete (the rest stays in `buffer` for the next request) or Error.
    State feed(QByteArray& buffer);
    State state() const { return m_state; }
    bool headersComplete() const { return m_state == State::Body || m_state == State::Complete; }
    const HttpRequest& request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; }
    QString errorText() const { return m_errorText; }
    void reset();

private:
    State fail(int status, const QString& text);
    bool parseRequestLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line);
    State headersDone();

    State m_state = State::RequestLine;
    HttpRequest m_request;
    qsizetype m_headerBytes = 0;
    qsizetype m_contentLength = 0;
    int m_errorStatus = 0;
    QString m_errorText;
};

} // namespace certdesk::sim
