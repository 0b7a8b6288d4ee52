#include "app/cli/StoreAccess.h"

#include "core/store/StoreUnlocker.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace certdesk::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StoreAccess", text);
}

// Reads the store passphrase from the terminal without echo. No terminal: no passphrase, and
// the caller reports that the keychain is missing and how to give one.
std::optional<crypto::SecretBytes> promptOnTerminal(const QString& reason)
{
#ifdef Q_OS_UNIX
    if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
        return std::nullopt;
    std::fprintf(stderr, "%s\n%s", reason.toUtf8().constData(),
                 tr("Store passphrase: ").toUtf8().constData());
    std::fflush(stderr);
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputc('\n', stderr);
    crypto::SecretBytes secret(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
    std::fill(line.begin(), line.end(), '\0');
    if (secret.isEmpty())
        return std::nullopt;
    return secret;
#else
    Q_UNUSED(reason);
    return std::nullopt;
#endif
}

} // namespace

Result<store::CertificateStore> StoreAccess::open(bool needKey)
{
    store::StoreUnlocker unlocker;
    unlocker.setPassphrasePrompt(promptOnTerminal);
    return unlocker.openBlocking(needKey);
}

} // namespace certdesk::cli
