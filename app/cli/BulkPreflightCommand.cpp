#include "app/cli/BulkPreflightCommand.h"

#include "app/cli/InterruptWatcher.h"
#include "app/cli/RemoteSupport.h"
#include "core/bulk/BulkPreflight.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("BulkPreflightCommand", text);
}

using Verdict = bulk::PreflightResult::Verdict;
} // namespace

int BulkPreflightCommand::Outcome::blocked() const
{
    return static_cast<int>(std::count_if(results.begin(), results.end(), [](const auto& r) {
        return r.verdict == Verdict::Blocked || r.verdict == Verdict::Canceled;
    }));
}

int BulkPreflightCommand::Outcome::alreadyActive() const
{
    return static_cast<int>(std::count_if(results.begin(), results.end(), [](const auto& r) {
        return r.verdict == Verdict::AlreadyActive;
    }));
}

BulkPreflightCommand::BulkPreflightCommand()
    : m_json(QStringLiteral("json"), tr("Print every site's result as JSON on standard output."))
{
}

QString BulkPreflightCommand::summary() const
{
    return tr("Check every site of a batch before anything is uploaded: compliance of its "
              "certificate, pinned handshake, keychain password, login.");
}

void BulkPreflightCommand::addOptions(QCommandLineParser& parser)
{
    m_plan.addOptions(parser);
    parser.addOption(m_json);
}

BulkPreflightCommand::Outcome
BulkPreflightCommand::check(const QList<bulk::BulkActivation::Item>& items, int parallel,
                            InterruptWatcher& interrupts)
{
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDERR_FILENO) != 0;
#else
    const bool terminal = false;
#endif
    bulk::BulkPreflight preflight(items, parallel);
    const int total = preflight.size();
    // On a terminal one line counts up in place; problems are printed above it.
    const auto clearLine = [terminal] {
        if (terminal)
            std::fputs("\r\033[K", stderr);
    };
    QObject::connect(
        &preflight, &bulk::BulkPreflight::progressChanged, &preflight,
        [terminal](int checked, int all) {
            if (!terminal)
                return;
            const QByteArray line =
                tr("Preflight: %1 of %2 sites checked…").arg(checked).arg(all).toUtf8();
            std::fprintf(stderr, "\r%s", line.constData());
            std::fflush(stderr);
        });
    QObject::connect(&preflight, &bulk::BulkPreflight::siteChecked, &preflight, [&](int index) {
        const bulk::PreflightResult& r = preflight.site(index);
        if (terminal && r.passed())
            return;
        clearLine();
        QString line =
            tr("preflight %1: %2").arg(r.site, bulk::PreflightResult::verdictId(r.verdict));
        if (!r.passed() || r.verdict == Verdict::AlreadyActive)
            line += QStringLiteral(" - ") + r.message;
        warn(line);
        if (r.problem == QLatin1String("policy")) {
            for (const QString& finding : r.findings)
                warn(QStringLiteral("    ") + finding);
        }
    });
    const QMetaObject::Connection onInterrupt = QObject::connect(
        &interrupts, &InterruptWatcher::interrupted, &preflight, [&preflight](int) {
            warn(tr("Interrupted: canceling the preflight; nothing was uploaded."));
            preflight.cancel();
        });
    QEventLoop loop;
    QObject::connect(&preflight, &bulk::BulkPreflight::finished, &loop, &QEventLoop::quit);
    warn(tr("Preflight of %1 sites (compliance, pinned handshake, password, login), at most %2 "
            "at once.")
             .arg(total)
             .arg(parallel));
    QElapsedTimer clock;
    clock.start();
    preflight.start();
    if (!preflight.isFinished())
        loop.exec();
    clearLine();
    QObject::disconnect(onInterrupt);
    Outcome outcome;
    outcome.results = preflight.results();
    outcome.canceled = preflight.count(Verdict::Canceled) > 0;
    warn(tr("Preflight: %1 of %2 sites ready, %3 already serve their certificate, %4 blocked "
            "(%5 s).")
             .arg(preflight.count(Verdict::Ready))
             .arg(total)
             .arg(outcome.alreadyActive())
             .arg(outcome.blocked())
             .arg(static_cast<double>(clock.elapsed()) / 1000.0, 0, 'f', 1));
    return outcome;
}

Status BulkPreflightCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return Error::usage(tr("bulk preflight takes no positional arguments."));
    auto items = m_plan.read(parser);
    if (!items)
        return items.error();
    auto parallel = m_plan.parallel(parser);
    if (!parallel)
        return parallel.error();
    InterruptWatcher interrupts;
    const Outcome outcome = check(*items, *parallel, interrupts);
    if (parser.isSet(m_json)) {
        QJsonArray list;
        for (const bulk::PreflightResult& r : outcome.results)
            list.append(r.toJson());
        out(RemoteSupport::printJson(QJsonObject{{QStringLiteral("sites"), list}}));
    }
    if (outcome.canceled)
        return Error::failure(tr("The preflight was canceled."));
    if (outcome.blocked() > 0) {
        QStringList blocked;
        for (const bulk::PreflightResult& r : outcome.results) {
            if (!r.passed())
                blocked << QStringLiteral("%1 [%2]").arg(r.site, r.problem);
        }
        return Error::failure(tr("%1 of %2 sites are blocked: %3. Fix them, or run bulk activate "
                                 "--skip-blocked to activate on the others.")
                                  .arg(blocked.size())
                                  .arg(outcome.results.size())
                                  .arg(blocked.join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace certdesk::cli
