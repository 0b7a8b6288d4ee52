#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace certdesk::sim {

// One HTTP/1.1 request as the simulator received it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // the raw request-target, e.g. "/management/admin/ssl/certificates?x=1"
    QString path;      // percent-decoded path without the query
    QUrlQuery query;
    QByteArray version;                           // "HTTP/1.1"
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case, in arrival order
    QByteArray body;

    QByteArray header(QByteArrayView name) const; // first value, or empty
    QByteArray cookie(QByteArrayView name) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with keep-alive.
    bool keepAlive() const;
    // An application/x-www-form-urlencoded body ('+' is a space, as browsers send it).
    QMap<QString, QString> form() const;

    static QMap<QString, QString> decodeForm(QByteArrayView encoded);
};

} // namespace certdesk::sim
