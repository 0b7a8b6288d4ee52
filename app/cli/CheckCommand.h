#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// Compliance check of a certificate (a file or a store entry) against the PBX's and its
// clients' rules, before anyone uploads it.
class CheckCommand : public CliCommand
{
public:
    CheckCommand();
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("ENTRY|FILE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_profile;
    QCommandLineOption m_public;
    QCommandLineOption m_private;
    QCommandLineOption m_json;
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
