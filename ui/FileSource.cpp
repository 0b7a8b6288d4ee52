#include "ui/FileSource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace certdesk::ui {

FileSource FileSource::fromPath(const QString& path)
{
    FileSource source;
    source.path = path;
    return source;
}

FileSource FileSource::fromData(const QByteArray& data)
{
    FileSource source;
    source.data = data;
    return source;
}

QString FileSource::label() const
{
    if (!path.isEmpty())
        return QDir::toNativeSeparators(path);
    if (!data.isEmpty())
        return QCoreApplication::translate("FileSource", "(pasted from the clipboard)");
    return {};
}

Result<QByteArray> FileSource::read() const
{
    if (path.isEmpty())
        return data;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failure(QCoreApplication::translate("FileSource", "Cannot read %1: %2.")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    return file.readAll();
}

} // namespace certdesk::ui
