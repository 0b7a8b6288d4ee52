#include "app/cli/PassphraseOption.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace certdesk::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("PassphraseOption", text);
}

// Standard input can be read once per process; a second option asking for it gets an error.
bool g_stdinConsumed = false;

Result<crypto::SecretBytes> readStdin()
{
    if (g_stdinConsumed)
        return Error::usage(tr("Only one passphrase can come from standard input. Give the others "
                               "as files or environment variables."));
    g_stdinConsumed = true;
    // One line: the passphrase. Read byte-wise so nothing beyond it is buffered in Qt.
    crypto::SecretBytes line;
    std::string buffer;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        buffer.push_back(static_cast<char>(c));
    if (!buffer.empty() && buffer.back() == '\r')
        buffer.pop_back();
    line =
        crypto::SecretBytes(QByteArrayView(buffer.data(), static_cast<qsizetype>(buffer.size())));
    std::fill(buffer.begin(), buffer.end(), '\0');
    return line;
}

} // namespace

PassphraseOption::PassphraseOption(const QString& prefix, const QString& what)
    : m_file(prefix + QStringLiteral("passphrase-file"),
             tr("Read the %1 from FILE (first line; '-' reads standard input).").arg(what),
             QStringLiteral("FILE"))
    , m_env(prefix + QStringLiteral("passphrase-env"),
            tr("Read the %1 from environment variable VAR.").arg(what), QStringLiteral("VAR"))
{
}

void PassphraseOption::addTo(QCommandLineParser& parser) const
{
    parser.addOption(m_file);
    parser.addOption(m_env);
}

bool PassphraseOption::isSet(const QCommandLineParser& parser) const
{
    return parser.isSet(m_file) || parser.isSet(m_env);
}

Result<std::optional<crypto::SecretBytes>>
PassphraseOption::read(const QCommandLineParser& parser) const
{
    if (parser.isSet(m_file) && parser.isSet(m_env))
        return Error::usage(tr("Give the passphrase either as --%1 or as --%2, not both.")
                                .arg(m_file.names().constFirst(), m_env.names().constFirst()));
    crypto::SecretBytes secret;
    if (parser.isSet(m_file)) {
        const QString path = parser.value(m_file);
        if (path == QLatin1String("-")) {
            auto line = readStdin();
            if (!line)
                return line.error();
            secret = std::move(*line);
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error::usage(
                    tr("Cannot read the passphrase file %1: %2.").arg(path, file.errorString()));
            QByteArray bytes = file.readAll();
            // The first line only: files written by editors end with a newline.
            const qsizetype newline = bytes.indexOf('\n');
            secret = crypto::SecretBytes(newline >= 0 ? QByteArrayView(bytes).first(newline)
                                                      : QByteArrayView(bytes));
            bytes.fill('\0');
            if (!secret.isEmpty() && secret.data()[secret.size() - 1] == '\r') {
                crypto::SecretBytes trimmed(secret.view().first(secret.size() - 1));
                secret = std::move(trimmed);
            }
        }
    } else if (parser.isSet(m_env)) {
        const QString var = parser.value(m_env);
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData()))
            return Error::usage(tr("The environment variable %1 is not set.").arg(var));
        QByteArray value = qgetenv(var.toLocal8Bit().constData());
        secret = crypto::SecretBytes(value);
        value.fill('\0');
    } else {
        return std::optional<crypto::SecretBytes>();
    }
    if (secret.isEmpty())
        return Error::usage(tr("The passphrase given with --%1 is empty.")
                                .arg(parser.isSet(m_file) ? m_file.names().constFirst()
                                                          : m_env.names().constFirst()));
    return std::optional<crypto::SecretBytes>(std::move(secret));
}

Result<crypto::SecretBytes> PassphraseOption::require(const QCommandLineParser& parser,
                                                      const QString& why) const
{
    auto secret = read(parser);
    if (!secret)
        return secret.error();
    if (!secret->has_value())
        return Error::usage(tr("%1: give --%2 FILE (or '-' for standard input) or --%3 VAR.")
                                .arg(why, m_file.names().constFirst(), m_env.names().constFirst()));
    return std::move(**secret);
}

} // namespace certdesk::cli
