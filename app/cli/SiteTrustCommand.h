#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site trust: trust on first use. Fetches the certificate a site's listener presents, shows
// it, and pins its SHA-256 fingerprint - after the technician confirms it at the terminal or
// gives the expected fingerprint with --fingerprint.
class SiteTrustCommand : public CliCommand
{
public:
    SiteTrustCommand();
    QString name() const override { return QStringLiteral("site trust"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("SITE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_system;
    QCommandLineOption m_fingerprint;
    QCommandLineOption m_publicKey;
    QCommandLineOption m_timeout;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
