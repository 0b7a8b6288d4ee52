#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/KeyOptions.h"
#include "app/cli/OutputOptions.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// PEM <-> DER <-> PKCS#12 conversion; split a PKCS#12 into certificate + key; join a
// certificate and a key into a PKCS#12.
class ConvertCommand : public CliCommand
{
public:
    ConvertCommand();
    QString name() const override { return QStringLiteral("convert"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("FILE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_to;
    QCommandLineOption m_out;
    QCommandLineOption m_split;
    QCommandLineOption m_name;
    QCommandLineOption m_key;
    PassphraseOption m_inPassphrase;
    PassphraseOption m_keyPassphrase;
    PassphraseOption m_outPassphrase;
    QCommandLineOption m_noEncrypt;
    QCommandLineOption m_force;
};

} // namespace certdesk::cli
