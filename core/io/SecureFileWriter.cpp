#include "core/io/SecureFileWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace certdesk::io {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SecureFileWriter", text);
}

constexpr QFile::Permissions kOwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

QString temporaryPathFor(const QString& target)
{
    return QStringLiteral("%1.tmp-%2")
        .arg(target)
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

Status writeTemporary(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    // Created 0600 from the start: the bytes never sit in a file others can read.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Error::failure(tr("Cannot write %1: %2. Check that the folder exists and is "
                                 "writable.")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
    if (file.write(contents) != contents.size() || !file.flush())
        return Error::failure(tr("Cannot write %1: %2. Check the free disk space.")
                                  .arg(QDir::toNativeSeparators(path), file.errorString()));
#ifdef Q_OS_UNIX
    ::fsync(file.handle());
#endif
    return {};
}

} // namespace

void SecureFileWriter::add(const QString& path, QByteArrayView contents)
{
    m_files.append({path, contents.toByteArray()});
}

QStringList SecureFileWriter::paths() const
{
    QStringList out;
    for (const Pending& p : m_files)
        out << p.path;
    return out;
}

Status SecureFileWriter::commit()
{
    if (!m_overwrite) {
        for (const Pending& p : m_files) {
            if (QFileInfo::exists(p.path))
                return Error::failure(tr("%1 already exists. Choose another name or output "
                                         "folder, or replace it on purpose (--force in the CLI).")
                                          .arg(QDir::toNativeSeparators(p.path)));
        }
    }

    QStringList temporaries;
    const auto removeTemporaries = [&temporaries] {
        for (const QString& t : temporaries)
            QFile::remove(t);
    };
    for (const Pending& p : m_files) {
        const QString tmp = temporaryPathFor(p.path);
        Status s = writeTemporary(tmp, p.contents);
        if (!s) {
            QFile::remove(tmp);
            removeTemporaries();
            return s;
        }
        temporaries << tmp;
    }

    QStringList placed;
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        std::error_code ec;
        std::filesystem::rename(std::filesystem::path(temporaries[i].toStdString()),
                                std::filesystem::path(m_files[i].path.toStdString()), ec);
        if (ec) {
            // Undo: nothing of this set may stay half there.
            for (const QString& done : placed)
                QFile::remove(done);
            for (qsizetype j = i; j < temporaries.size(); ++j)
                QFile::remove(temporaries[j]);
            return Error::failure(tr("Cannot write %1: %2.")
                                      .arg(QDir::toNativeSeparators(m_files[i].path),
                                           QString::fromStdString(ec.message())));
        }
        placed << m_files[i].path;
    }
    for (Pending& p : m_files)
        p.contents.fill('\0'); // may have held an exported key
    return {};
}

} // namespace certdesk::io
