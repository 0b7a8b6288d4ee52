#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// credential add: one Admin Portal login shared by a group of sites; the password goes to the
// keychain once, sites refer to it by name (site add --credential, site import --credential).
class CredentialAddCommand : public CliCommand
{
public:
    CredentialAddCommand();
    QString name() const override { return QStringLiteral("credential add"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("NAME"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_user;
    QCommandLineOption m_passwordFile;
    QCommandLineOption m_force;
};

} // namespace certdesk::cli
