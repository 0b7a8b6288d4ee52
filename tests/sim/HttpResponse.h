#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace certdesk::sim {

// One HTTP/1.1 response. Always framed by Content-Length.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeAfter = false; // "Connection: close", and the server closes after sending

    static HttpResponse json(int status, const QJsonObject& object);
    // {"error": message}: the client shows `message` verbatim.
    static HttpResponse error(int status, const QString& message);
    static HttpResponse html(int status, const QByteArray& body);
    static HttpResponse redirect(const QByteArray& location);

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray serialize(bool keepAlive) const;
    static QByteArray reasonPhrase(int status);
};

} // namespace certdesk::sim
