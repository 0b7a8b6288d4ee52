#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// "View Certificate" for any file: certificates, chains, CSRs, keys, PKCS#7 and PKCS#12.
class ShowCommand : public CliCommand
{
public:
    ShowCommand();
    QString name() const override { return QStringLiteral("show"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("FILE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    PassphraseOption m_passphrase;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
