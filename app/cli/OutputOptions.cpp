#include "app/cli/OutputOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("OutputOptions", text);
}
} // namespace

OutputOptions::OutputOptions()
    : m_outDir(QStringLiteral("out-dir"), tr("Write the files into DIR (default: current folder)."),
               QStringLiteral("DIR"))
    , m_force(QStringLiteral("force"), tr("Replace files that already exist."))
{
}

void OutputOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOption(m_outDir);
    parser.addOption(m_force);
}

Result<QString> OutputOptions::checkedName(const QString& name)
{
    const QString n = name.trimmed();
    // The name becomes part of file names: no separators, no characters Windows refuses.
    static const QRegularExpression bad(QStringLiteral("[/\\\\:*?\"<>|\\x00-\\x1f]"));
    if (n.isEmpty())
        return Error::usage(tr("Give a name with --name (the Admin Portal's \"Name of the "
                               "Certificate\")."));
    if (n.contains(bad) || n.startsWith(QLatin1Char('.')) || n.size() > 64)
        return Error::usage(tr("The name \"%1\" cannot be used in a file name. Use up to 64 "
                               "letters, digits, spaces, '-', '_' or '.', not starting with '.'.")
                                .arg(name));
    return n;
}

QString OutputOptions::pathFor(const QCommandLineParser& parser, const QString& fileName) const
{
    const QString dir = parser.isSet(m_outDir) ? parser.value(m_outDir) : QDir::currentPath();
    return QDir(dir).filePath(fileName);
}

Result<io::SecureFileWriter> OutputOptions::writer(const QCommandLineParser& parser) const
{
    if (parser.isSet(m_outDir)) {
        const QFileInfo dir(parser.value(m_outDir));
        if (!dir.isDir())
            return Error::usage(tr("The output folder %1 does not exist. Create it first.")
                                    .arg(QDir::toNativeSeparators(parser.value(m_outDir))));
    }
    io::SecureFileWriter writer;
    writer.setOverwrite(parser.isSet(m_force));
    return writer;
}

} // namespace certdesk::cli
