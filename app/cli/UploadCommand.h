#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// upload: a store entry onto a site ("Import Server Certificate"), after the osbiz-v3 check.
// Not activated.
class UploadCommand : public CliCommand
{
public:
    UploadCommand();
    QString name() const override { return QStringLiteral("upload"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("ENTRY"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_site;
    QCommandLineOption m_remoteName;
    QCommandLineOption m_format;
    QCommandLineOption m_timeout;
    QCommandLineOption m_json;
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
