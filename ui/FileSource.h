#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace certdesk::ui {

// Where an import reads from: a file chosen or dropped, or text pasted from the clipboard.
struct FileSource
{
    QString path;    // a file, or empty
    QByteArray data; // pasted content, or empty

    static FileSource fromPath(const QString& path);
    static FileSource fromData(const QByteArray& data);

    bool isEmpty() const { return path.isEmpty() && data.isEmpty(); }
    bool isPasted() const { return path.isEmpty() && !data.isEmpty(); }
    // What to show for it: the file's name, or "(pasted from the clipboard)".
    QString label() const;
    // The bytes; reading a file happens here (call it off the UI thread).
    Result<QByteArray> read() const;
};

} // namespace certdesk::ui
