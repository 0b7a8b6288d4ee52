#include "tests/sim/HttpResponse.h"

#include "core/remote/AdminPortalProtocol.h"

#include <QJsonDocument>

namespace certdesk::sim {

HttpResponse HttpResponse::json(int status, const QJsonObject& object)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString& message)
{
    return json(status, QJsonObject{{remote::AdminPortalProtocol::errorKey(), message}});
}

HttpResponse HttpResponse::html(int status, const QByteArray& body)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.body = body;
    return r;
}

HttpResponse HttpResponse::redirect(const QByteArray& location)
{
    HttpResponse r;
    r.status = 302;
    r.setHeader("Location", location);
    return r;
}

void HttpResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& [key, old] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            old = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::serialize(bool keepAlive) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: osbiz-sim\r\n";
    for (const auto& [key, value] : headers)
        out += key + ": " + value + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += keepAlive && !closeAfter ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 423:
        return "Locked";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace certdesk::sim
