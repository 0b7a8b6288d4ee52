#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// remote list: the server certificates on a site, and which is active for what.
class RemoteListCommand : public CliCommand
{
public:
    RemoteListCommand();
    QString name() const override { return QStringLiteral("remote list"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_site;
    QCommandLineOption m_timeout;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
