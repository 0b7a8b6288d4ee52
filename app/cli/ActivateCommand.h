#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// activate: "Activate Certificate" for the telephony server or the UC Booster Server - with
// the upload first if the certificate is not on the system yet, and with --wait the restart,
// the proof by handshake and the new pin.
class ActivateCommand : public CliCommand
{
public:
    ActivateCommand();
    QString name() const override { return QStringLiteral("activate"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("ENTRY"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_site;
    QCommandLineOption m_system;
    QCommandLineOption m_wait;
    QCommandLineOption m_waitTimeout;
    QCommandLineOption m_remoteName;
    QCommandLineOption m_format;
    QCommandLineOption m_timeout;
    QCommandLineOption m_json;
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
