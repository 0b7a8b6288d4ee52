#pragma once

#include "core/Result.h"
#include "core/io/SecureFileWriter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace certdesk::cli {

// Where a verb writes its files (--out-dir, default the current folder) and whether existing
// files may be replaced (--force). All files of one verb are written together or not at all.
class OutputOptions
{
public:
    OutputOptions();
    void addTo(QCommandLineParser& parser) const;

    // The Admin Portal's "Name of the Certificate", checked to be usable as a file name.
    static Result<QString> checkedName(const QString& name);

    Result<io::SecureFileWriter> writer(const QCommandLineParser& parser) const;
    QString pathFor(const QCommandLineParser& parser, const QString& fileName) const;

private:
    QCommandLineOption m_outDir;
    QCommandLineOption m_force;
};

} // namespace certdesk::cli
