#pragma once

#include "app/cli/BulkPlan.h"
#include "app/cli/CliCommand.h"
#include "core/bulk/PreflightResult.h"

namespace certdesk::cli {

class InterruptWatcher;

// bulk preflight: before anything is uploaded, the certificate assigned to every site against
// the OpenScape Business V3 rules and a connection test per site (pinned certificate, keychain
// password, login). Exit code 0 only when every site is clear. bulk activate runs it first.
class BulkPreflightCommand : public CliCommand
{
public:
    struct Outcome
    {
        QList<bulk::PreflightResult> results;
        bool canceled = false;
        int blocked() const;
        int alreadyActive() const;
    };

    BulkPreflightCommand();
    QString name() const override { return QStringLiteral("bulk preflight"); }
    QString summary() const override;

    // Checks `items` on the event loop, one line per site on standard error (a problem always,
    // a clear site when stderr is not a terminal); Ctrl-C through `interrupts` cancels.
    static Outcome check(const QList<bulk::BulkActivation::Item>& items, int parallel,
                         InterruptWatcher& interrupts);

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    BulkPlan m_plan;
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
