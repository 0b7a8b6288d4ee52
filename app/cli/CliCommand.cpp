#include "app/cli/CliCommand.h"

#include <QCoreApplication>

#include <cstdio>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CliCommand", text);
}
} // namespace

void CliCommand::out(const QString& line)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fputc('\n', stdout);
}

void CliCommand::warn(const QString& line)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
    std::fputc('\n', stderr);
}

int CliCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    parser.addOption(help);
    addOptions(parser);

    QStringList args = arguments;
    args.prepend(QStringLiteral("certdesk-cli %1").arg(name()));
    if (!parser.parse(args)) {
        warn(tr("certdesk-cli %1: %2").arg(name(), parser.errorText()));
        warn(tr("Run 'certdesk-cli %1 --help' for the options.").arg(name()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        // Qt names argv[0] in the usage line; say the verb instead.
        QString text = parser.helpText();
        const qsizetype firstLineEnd = text.indexOf(QLatin1Char('\n'));
        text.replace(
            0, firstLineEnd,
            tr("Usage: certdesk-cli %1 [options] %2").arg(name(), positionalSyntax()).trimmed());
        std::fputs(text.toUtf8().constData(), stdout);
        return ExitOk;
    }

    const Status status = execute(parser);
    if (!status) {
        warn(tr("certdesk-cli %1: %2").arg(name(), status.error().message));
        if (status.error().kind == Error::Kind::Usage) {
            warn(tr("Run 'certdesk-cli %1 --help' for the options.").arg(name()));
            return ExitUsage;
        }
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace certdesk::cli
