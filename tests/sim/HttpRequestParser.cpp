#include "tests/sim/HttpRequestParser.h"

#include <QUrl>

namespace certdesk::sim {

void HttpRequestParser::reset()
{
    m_state = State::RequestLine;
    m_request = HttpRequest();
    m_headerBytes = 0;
    m_contentLength = 0;
    m_errorStatus = 0;
    m_errorText.clear();
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QString& text)
{
    m_errorStatus = status;
    m_errorText = text;
    m_state = State::Error;
    return m_state;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArray& buffer)
{
    while (m_state == State::RequestLine || m_state == State::Headers) {
        const qsizetype end = buffer.indexOf("\r\n");
        if (end < 0) {
            if (m_headerBytes + buffer.size() > maxHeaderBytes)
                return fail(431, QStringLiteral("Request header fields too large."));
            return m_state;
        }
        const QByteArray line = buffer.left(end);
        buffer.remove(0, end + 2);
        m_headerBytes += end + 2;
        if (m_headerBytes > maxHeaderBytes)
            return fail(431, QStringLiteral("Request header fields too large."));
        if (m_state == State::RequestLine) {
            if (line.isEmpty())
                continue; // tolerated before a request line (RFC 9112 §2.2)
            if (!parseRequestLine(line))
                return m_state;
            m_state = State::Headers;
        } else if (line.isEmpty()) {
            if (headersDone() == State::Error)
                return m_state;
        } else if (!parseHeaderLine(line)) {
            return m_state;
        }
    }
    if (m_state == State::Body) {
        const qsizetype missing = m_contentLength - m_request.body.size();
        const qsizetype take = qMin(missing, buffer.size());
        m_request.body.append(buffer.left(take));
        buffer.remove(0, take);
        if (m_request.body.size() == m_contentLength)
            m_state = State::Complete;
    }
    return m_state;
}

bool HttpRequestParser::parseRequestLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || !parts[1].startsWith('/') ||
        !parts[2].startsWith("HTTP/1.")) {
        fail(400, QStringLiteral("Malformed request line."));
        return false;
    }
    m_request.method = parts[0];
    m_request.target = parts[1];
    m_request.version = parts[2];
    const qsizetype q = m_request.target.indexOf('?');
    m_request.path = QUrl::fromPercentEncoding(q < 0 ? m_request.target : m_request.target.left(q));
    if (q >= 0)
        m_request.query = QUrlQuery(QString::fromLatin1(m_request.target.mid(q + 1)));
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray& line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || line.front() == ' ' || line.front() == '\t') {
        // Obsolete line folding and nameless fields are refused, as RFC 9112 allows.
        fail(400, QStringLiteral("Malformed header line."));
        return false;
    }
    m_request.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    return true;
}

HttpRequestParser::State HttpRequestParser::headersDone()
{
    if (!m_request.header("transfer-encoding").isEmpty())
        return fail(501, QStringLiteral(
                             "Chunked request bodies are not supported; send a Content-Length."));
    const QByteArray length = m_request.header("content-length");
    if (length.isEmpty()) {
        m_contentLength = 0;
    } else {
        bool ok = false;
        m_contentLength = length.toLongLong(&ok);
        if (!ok || m_contentLength < 0)
            return fail(400, QStringLiteral("Malformed Content-Length."));
        if (m_contentLength > maxBodyBytes)
            return fail(413, QStringLiteral("Request body too large."));
    }
    m_state = m_contentLength == 0 ? State::Complete : State::Body;
    return m_state;
}

} // namespace certdesk::sim
