#include "tests/sim/HttpRequest.h"

#include <QUrl>

namespace certdesk::sim {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpRequest::cookie(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key != "cookie")
            continue;
        for (const QByteArray& part : value.split(';')) {
            const QByteArray pair = part.trimmed();
            const qsizetype eq = pair.indexOf('=');
            if (eq > 0 && QByteArrayView(pair).first(eq) == name)
                return pair.mid(eq + 1);
        }
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

QMap<QString, QString> HttpRequest::form() const
{
    return decodeForm(body);
}

QMap<QString, QString> HttpRequest::decodeForm(QByteArrayView encoded)
{
    QMap<QString, QString> fields;
    for (const QByteArray& pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        fields.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return fields;
}

} // namespace certdesk::sim
