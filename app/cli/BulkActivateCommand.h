#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// bulk activate: one activation job per site, many at once (core/bulk), with progress on
// standard error, a report file and the report kept in the store's history. Exit code 0 only
// when every site succeeded.
class BulkActivateCommand : public CliCommand
{
public:
    BulkActivateCommand();
    QString name() const override { return QStringLiteral("bulk activate"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_cert;
    QCommandLineOption m_rule;
    QCommandLineOption m_sites;
    QCommandLineOption m_system;
    QCommandLineOption m_parallel;
    QCommandLineOption m_report;
    QCommandLineOption m_retries;
    QCommandLineOption m_backoff;
    QCommandLineOption m_restartTimeout;
    QCommandLineOption m_timeout;
    QCommandLineOption m_format;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
