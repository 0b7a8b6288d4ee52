#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/KeyOptions.h"
#include "app/cli/OutputOptions.h"
#include "app/cli/SubjectOptions.h"

namespace certdesk::cli {

// "Generate Certificate Signing Request (CSR)": NAME.csr and key_csr.pem, as the Admin Portal
// downloads them.
class CsrCommand : public CliCommand
{
public:
    CsrCommand();
    QString name() const override { return QStringLiteral("csr"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_name;
    QCommandLineOption m_noKeyUsage;
    QCommandLineOption m_noServerAuth;
    QCommandLineOption m_store;
    SubjectOptions m_subject;
    KeyOptions m_key;
    OutputOptions m_output;
};

} // namespace certdesk::cli
