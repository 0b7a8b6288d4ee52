#pragma once

#include "core/Result.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace certdesk::cli {

// Exit codes of every verb: 0 success, 1 the operation failed, 2 the command line is wrong.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// One verb of certdesk-cli. Subclasses declare their options and do the work; parsing, --help
// and error reporting are shared here so every verb behaves the same.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    int run(const QStringList& arguments);

protected:
    virtual void addOptions(QCommandLineParser& parser) = 0;
    virtual QString positionalSyntax() const { return {}; }
    virtual Status execute(const QCommandLineParser& parser) = 0;

    // Prints to stdout (results) and stderr (progress, warnings).
    static void out(const QString& line);
    static void warn(const QString& line);
};

} // namespace certdesk::cli
