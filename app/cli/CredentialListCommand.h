#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// credential list: the shared credentials, their users and the sites on each. No secrets.
class CredentialListCommand : public CliCommand
{
public:
    CredentialListCommand();
    QString name() const override { return QStringLiteral("credential list"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
