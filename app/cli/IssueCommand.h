#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/OutputOptions.h"
#include "app/cli/PassphraseOption.h"
#include "app/cli/SubjectOptions.h"
#include "app/cli/ValidityOptions.h"

namespace certdesk::cli {

// "Generate CA-Signed Server Certificate [PKCS#12]": a server certificate issued by one of our
// CA certificates, written with its key and the CA chain as BasedOnNAME.p12. With --key it
// re-issues for an existing key; with --csr it signs a request and writes NAME.crt ("Update
// CA-Signed Server Certificate [X.509]").
class IssueCommand : public CliCommand
{
public:
    IssueCommand();
    QString name() const override { return QStringLiteral("issue"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_name;
    QCommandLineOption m_caCert;
    QCommandLineOption m_caEntry;
    QCommandLineOption m_store;
    QCommandLineOption m_caKey;
    PassphraseOption m_caPassphrase;
    PassphraseOption m_passphrase;
    QCommandLineOption m_format;
    QCommandLineOption m_keyType;
    QCommandLineOption m_key;
    PassphraseOption m_keyPassphrase;
    QCommandLineOption m_csr;
    SubjectOptions m_subject;
    ValidityOptions m_validity;
    OutputOptions m_output;
};

} // namespace certdesk::cli
