#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace certdesk::io {

// Writes a set of files all-or-nothing with owner-only permissions (0600): every file is
// first written to a temporary file beside its target, and only when all of them are complete
// are they renamed into place. A failure (or an existing file without `overwrite`) leaves no
// new file behind.
class SecureFileWriter
{
public:
    void add(const QString& path, QByteArrayView contents);
    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }
    Status commit();
    QStringList paths() const;

private:
    struct Pending
    {
        QString path;
        QByteArray contents;
    };
    QList<Pending> m_files;
    bool m_overwrite = false;
};

} // namespace certdesk::io
