#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// Do a key, a certificate and a CSR belong together? Compares their public keys.
class MatchCommand : public CliCommand
{
public:
    MatchCommand();
    QString name() const override { return QStringLiteral("match"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("FILE FILE [FILE…]"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
