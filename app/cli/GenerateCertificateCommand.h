#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/KeyOptions.h"
#include "app/cli/OutputOptions.h"
#include "app/cli/SubjectOptions.h"
#include "app/cli/ValidityOptions.h"
#include "core/crypto/CertificateBuilder.h"

namespace certdesk::cli {

// "Generate Self-Signed Certificate" (verb self-signed) and "Generate CA Certificate" (verb
// ca): NAME.crt and NAME.key, signed with the certificate's own key.
class GenerateCertificateCommand : public CliCommand
{
public:
    explicit GenerateCertificateCommand(crypto::CertificateSpec::Profile profile);
    QString name() const override;
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    crypto::CertificateSpec::Profile m_profile;
    QCommandLineOption m_name;
    QCommandLineOption m_store;
    SubjectOptions m_subject;
    ValidityOptions m_validity;
    KeyOptions m_key;
    OutputOptions m_output;
};

} // namespace certdesk::cli
