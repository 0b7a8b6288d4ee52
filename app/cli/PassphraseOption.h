#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace certdesk::cli {

// A passphrase given as --<prefix>passphrase-file FILE ("-" reads standard input) or
// --<prefix>passphrase-env VAR. Never as an argument: command lines are visible to every user
// of the machine and end up in shell histories.
class PassphraseOption
{
public:
    PassphraseOption(const QString& prefix, const QString& what);

    void addTo(QCommandLineParser& parser) const;
    bool isSet(const QCommandLineParser& parser) const;
    // nullopt when neither option was given; an error for an unreadable or empty source.
    Result<std::optional<crypto::SecretBytes>> read(const QCommandLineParser& parser) const;
    // Like read(), but a missing passphrase is a usage error naming `why`.
    Result<crypto::SecretBytes> require(const QCommandLineParser& parser, const QString& why) const;

    // The passphrase as the optional pointer core APIs take.
    static const crypto::SecretBytes* pointer(const std::optional<crypto::SecretBytes>& secret)
    {
        return secret ? &*secret : nullptr;
    }

    QString fileOptionName() const { return m_file.names().constFirst(); }

private:
    QCommandLineOption m_file;
    QCommandLineOption m_env;
};

} // namespace certdesk::cli
