#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site export: the inventory (sites, tags, public pins; never a password) as JSON or CSV on
// standard output, in the form site import reads.
class SiteExportCommand : public CliCommand
{
public:
    SiteExportCommand();
    QString name() const override { return QStringLiteral("site export"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_format;
    QCommandLineOption m_tag;
};

} // namespace certdesk::cli
