#pragma once

#include "app/cli/BulkPlan.h"
#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// bulk activate: a preflight of every site (bulk preflight), then one activation job per site,
// many at once (core/bulk), with progress on standard error, a report file and the report kept
// in the store's history; Ctrl-C cancels cleanly. Exit code 0 only when every site succeeded.
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
    BulkPlan m_plan;
    QCommandLineOption m_report;
    QCommandLineOption m_retries;
    QCommandLineOption m_backoff;
    QCommandLineOption m_skipBlocked;
    QCommandLineOption m_noPreflight;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
