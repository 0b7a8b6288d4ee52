#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site list: the sites and what is trusted for each.
class SiteListCommand : public CliCommand
{
public:
    SiteListCommand();
    QString name() const override { return QStringLiteral("site list"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
