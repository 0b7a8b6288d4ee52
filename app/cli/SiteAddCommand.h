#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site add: a new site (an OSBiz system, optionally with its UC Booster Server). The password
// goes to the keychain, never into sites.json; the site is not trusted until `site trust`.
class SiteAddCommand : public CliCommand
{
public:
    SiteAddCommand();
    QString name() const override { return QStringLiteral("site add"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_name;
    QCommandLineOption m_host;
    QCommandLineOption m_port;
    QCommandLineOption m_boosterHost;
    QCommandLineOption m_boosterPort;
    QCommandLineOption m_user;
    QCommandLineOption m_passwordFile;
    QCommandLineOption m_credential;
    QCommandLineOption m_pkcs12Format;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
