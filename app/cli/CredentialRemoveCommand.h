#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// credential remove: forgets a shared credential and deletes its password from the keychain;
// refused while sites still use it.
class CredentialRemoveCommand : public CliCommand
{
public:
    CredentialRemoveCommand();
    QString name() const override { return QStringLiteral("credential remove"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("NAME"); }
    Status execute(const QCommandLineParser& parser) override;
};

} // namespace certdesk::cli
