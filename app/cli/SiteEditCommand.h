#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site edit: changes a site's address, Booster port, login (own password or a shared
// credential), tags or PKCS#12 form. A changed address drops that listener's pin: the new
// address must be trusted again before anything is sent to it.
class SiteEditCommand : public CliCommand
{
public:
    SiteEditCommand();
    QString name() const override { return QStringLiteral("site edit"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("SITE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_host;
    QCommandLineOption m_port;
    QCommandLineOption m_boosterHost;
    QCommandLineOption m_boosterPort;
    QCommandLineOption m_noBooster;
    QCommandLineOption m_user;
    QCommandLineOption m_passwordFile;
    QCommandLineOption m_credential;
    QCommandLineOption m_tag;
    QCommandLineOption m_untag;
    QCommandLineOption m_pkcs12Format;
};

} // namespace certdesk::cli
