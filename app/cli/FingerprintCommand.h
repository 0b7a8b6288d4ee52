#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// Fingerprints as a technician compares them with the Admin Portal or a browser.
class FingerprintCommand : public CliCommand
{
public:
    FingerprintCommand();
    QString name() const override { return QStringLiteral("fingerprint"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("FILE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    PassphraseOption m_passphrase;
    QCommandLineOption m_sha1;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
