#include "tests/sim/MultipartForm.h"

namespace certdesk::sim {

QByteArray MultipartForm::parameter(const QByteArray& headerValue, QByteArrayView name)
{
    for (const QByteArray& raw : headerValue.split(';')) {
        const QByteArray item = raw.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0 || item.left(eq).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = item.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

Result<MultipartForm> MultipartForm::parse(const QByteArray& contentType, const QByteArray& body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return Error::failure(QStringLiteral("Expected a multipart/form-data body."));
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return Error::failure(QStringLiteral("The multipart body has no boundary."));
    const QByteArray delimiter = "--" + boundary;

    MultipartForm form;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return Error::failure(
            QStringLiteral("The multipart body does not start with its boundary."));
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            break; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return Error::failure(QStringLiteral("Malformed multipart delimiter."));
        pos += 2;
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", pos);
        if (headersEnd < 0)
            return Error::failure(QStringLiteral("A multipart part has no header end."));
        Part part;
        for (const QByteArray& line : body.mid(pos, headersEnd - pos).split('\n')) {
            const QByteArray header = line.trimmed();
            const qsizetype colon = header.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray key = header.left(colon).trimmed().toLower();
            const QByteArray value = header.mid(colon + 1).trimmed();
            if (key == "content-disposition") {
                part.name = parameter(value, "name");
                part.fileName = parameter(value, "filename");
            } else if (key == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headersEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, dataStart);
        if (next < 0)
            return Error::failure(QStringLiteral("The multipart body ends inside a part."));
        part.data = body.mid(dataStart, next - dataStart);
        form.m_parts.append(part);
        pos = next + 2;
    }
    return form;
}

std::optional<MultipartForm::Part> MultipartForm::part(QByteArrayView name) const
{
    for (const Part& p : m_parts) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

} // namespace certdesk::sim
