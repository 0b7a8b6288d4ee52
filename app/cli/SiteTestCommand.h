#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site test: handshakes with the site's listeners (checked against the pins; a certificate
// activated earlier without --wait is verified and trusted here), then logs in and reads the
// system information.
class SiteTestCommand : public CliCommand
{
public:
    SiteTestCommand();
    QString name() const override { return QStringLiteral("site test"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("SITE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_timeout;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
