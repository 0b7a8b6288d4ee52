#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::sim {

// A multipart/form-data body (RFC 7578), as browsers send the Admin Portal's import forms
// and as QHttpMultiPart writes it.
class MultipartForm
{
public:
    struct Part
    {
        QByteArray name;     // form field name
        QByteArray fileName; // empty for a plain field
        QByteArray contentType;
        QByteArray data;
    };

    // `contentType` is the request's Content-Type header, which carries the boundary.
    static Result<MultipartForm> parse(const QByteArray& contentType, const QByteArray& body);

    const QList<Part>& parts() const { return m_parts; }
    std::optional<Part> part(QByteArrayView name) const;

private:
    static QByteArray parameter(const QByteArray& headerValue, QByteArrayView name);
    QList<Part> m_parts;
};

} // namespace certdesk::sim
