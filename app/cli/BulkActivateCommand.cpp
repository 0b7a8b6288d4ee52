#include "app/cli/BulkActivateCommand.h"

#include "app/cli/BulkPreflightCommand.h"
#include "app/cli/InterruptWatcher.h"
#include "app/cli/RemoteSupport.h"
#include "core/bulk/BulkActivation.h"
#include "core/store/CertificateStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("BulkActivateCommand", text);
}

void err(const QString& text, bool newline = true)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
    if (newline)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

// The peak resident set of this process (Linux: VmHWM), in KiB; -1 where unknown.
qint64 peakRssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString bar(int done, int total, int width)
{
    const int filled = total > 0 ? done * width / total : 0;
    return QStringLiteral("[%1%2]").arg(QString(filled, QLatin1Char('#')),
                                        QString(width - filled, QLatin1Char('.')));
}
} // namespace

BulkActivateCommand::BulkActivateCommand()
    : m_report(QStringLiteral("report"),
               tr("Write the report to FILE: .html (self-contained page), .csv or .json."),
               QStringLiteral("FILE"))
    , m_retries(QStringLiteral("retries"),
                tr("Retry a transient failure before the activation was sent (dropped or "
                   "refused connection, timeout, 5xx) up to N times (default 3)."),
                QStringLiteral("N"), QStringLiteral("3"))
    , m_backoff(QStringLiteral("backoff"),
                tr("First retry after SECONDS, doubling per retry (default 2)."),
                QStringLiteral("SECONDS"), QStringLiteral("2"))
    , m_skipBlocked(QStringLiteral("skip-blocked"),
                    tr("Activate on the sites the preflight found ready even if others are "
                       "blocked (the exit code still says not every site succeeded)."))
    , m_noPreflight(QStringLiteral("no-preflight"),
                    tr("Skip the batch-wide preflight (each site's job still checks its own "
                       "certificate and pin before it sends anything)."))
    , m_json(QStringLiteral("json"), tr("Print the report as JSON on standard output."))
{
}

QString BulkActivateCommand::summary() const
{
    return tr("Activate certificates on many sites at once after a preflight of all of them, "
              "verify each by handshake, and report. Ctrl-C cancels cleanly.");
}

void BulkActivateCommand::addOptions(QCommandLineParser& parser)
{
    m_plan.addOptions(parser);
    parser.addOptions({m_report, m_retries, m_backoff, m_skipBlocked, m_noPreflight, m_json});
}

Status BulkActivateCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return Error::usage(tr("bulk activate takes no positional arguments."));
    auto parallel = m_plan.parallel(parser);
    if (!parallel)
        return parallel.error();
    auto retries = BulkPlan::parseCount(parser, m_retries, 0, 20);
    if (!retries)
        return retries.error();
    auto backoff = RemoteSupport::timeout(parser, m_backoff);
    if (!backoff)
        return backoff.error();
    if (parser.isSet(m_noPreflight) && parser.isSet(m_skipBlocked))
        return Error::usage(tr("--skip-blocked needs the preflight: drop --no-preflight."));
    auto planned = m_plan.read(parser);
    if (!planned)
        return planned.error();
    QList<bulk::BulkActivation::Item> items = std::move(*planned);
    const int plannedTotal = static_cast<int>(items.size());

    // From here on Ctrl-C cancels cleanly instead of killing the process mid-activation.
    InterruptWatcher interrupts;
    int skipped = 0;
    if (!parser.isSet(m_noPreflight)) {
        const BulkPreflightCommand::Outcome checked =
            BulkPreflightCommand::check(items, *parallel, interrupts);
        if (checked.canceled)
            return Error::failure(tr("Canceled during the preflight: nothing was uploaded."));
        if (checked.blocked() > 0 && !parser.isSet(m_skipBlocked))
            return Error::failure(
                tr("%1 of %2 sites are blocked (see above): nothing was uploaded anywhere. Fix "
                   "them, or activate on the others with --skip-blocked.")
                    .arg(checked.blocked())
                    .arg(plannedTotal));
        QList<bulk::BulkActivation::Item> ready;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (checked.results.at(i).verdict == bulk::PreflightResult::Verdict::Ready)
                ready.append(items.at(i));
        }
        skipped = checked.blocked();
        items = std::move(ready);
        if (items.isEmpty()) {
            if (skipped > 0)
                return Error::failure(tr("No site is ready: nothing was uploaded."));
            out(tr("Every site already serves its certificate: nothing to do."));
            return {};
        }
    }

    bulk::BulkActivation::Options options;
    options.parallel = *parallel;
    options.retries = *retries;
    options.backoff = *backoff;
    const int total = static_cast<int>(items.size());
    bulk::BulkActivation batch(std::move(items), options);
    const bool terminal = stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    const auto showBar = [&] {
        const bulk::BulkReport r = batch.report();
        using S = bulk::BulkSiteResult::State;
        err(QStringLiteral("\r%1 %2/%3  ")
                    .arg(bar(batch.finishedCount(), total, 30))
                    .arg(batch.finishedCount())
                    .arg(total) +
                tr("ok %1, failed %2, running %3, retrying %4, %5 s ")
                    .arg(r.count(S::Succeeded))
                    .arg(r.count(S::Failed) + r.count(S::Canceled))
                    .arg(r.count(S::Running) + r.count(S::Settling))
                    .arg(r.count(S::RetryWait))
                    .arg(clock.elapsed() / 1000),
            false);
    };
    QObject::connect(&batch, &bulk::BulkActivation::siteChanged, &batch, [&](int index) {
        const bulk::BulkSiteResult& s = batch.site(index);
        if (terminal) {
            if (s.isFinal() && s.state != bulk::BulkSiteResult::State::Succeeded) {
                err(QStringLiteral("\r\033[K"), false);
                err(tr("%1: %2 %3")
                        .arg(s.site, bulk::BulkSiteResult::stateLabel(s.state), s.failure));
            }
            showBar();
            return;
        }
        if (s.isFinal())
            err(tr("[%1/%2] %3: %4%5 (%6 s, %7 attempts)")
                    .arg(batch.finishedCount())
                    .arg(total)
                    .arg(s.site, bulk::BulkSiteResult::stateId(s.state),
                         s.failure.isEmpty() ? QString() : QLatin1Char(' ') + s.failure)
                    .arg(static_cast<double>(s.totalMs()) / 1000.0, 0, 'f', 1)
                    .arg(s.attempts));
    });
    QObject::connect(&batch, &bulk::BulkActivation::retryScheduled, &batch,
                     [&](int index, int attempt, const QString& failure, int delayMs) {
                         if (terminal)
                             return;
                         err(tr("%1: %2, attempt %3 in %4 s")
                                 .arg(batch.site(index).site, failure)
                                 .arg(attempt)
                                 .arg(static_cast<double>(delayMs) / 1000.0, 0, 'f', 1));
                     });
    QEventLoop loop;
    QObject::connect(&batch, &bulk::BulkActivation::finished, &loop, &QEventLoop::quit);
    bool abandoned = false;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &batch, [&](int count) {
        if (terminal)
            err(QStringLiteral("\r\033[K"), false);
        if (count == 1) {
            err(tr("Interrupted: canceling. Sites not started yet are skipped and uploads stop; "
                   "sites whose activation was already sent finish waiting and verifying, so "
                   "each one's outcome is known. Press Ctrl-C again to stop waiting."));
            batch.cancel();
            return;
        }
        err(tr("Interrupted again: not waiting any longer. Sites still running are reported as "
               "such: check them with certdesk-cli site test before anything else."));
        abandoned = true;
        loop.quit();
    });
    if (!terminal)
        err(tr("Activating on %1 sites, at most %2 at once.").arg(total).arg(options.parallel));
    batch.start();
    if (!batch.isRunning() && batch.finishedCount() == total)
        loop.quit();
    else
        loop.exec();
    if (terminal)
        err(QString());

    const bulk::BulkReport report = batch.report();
    using S = bulk::BulkSiteResult::State;
    err(tr("Done in %1 s: %2 of %3 sites succeeded, %4 failed, %5 canceled. Peak memory %6 MiB.")
            .arg(static_cast<double>(report.wallMs()) / 1000.0, 0, 'f', 1)
            .arg(report.count(S::Succeeded))
            .arg(total)
            .arg(report.count(S::Failed))
            .arg(report.count(S::Canceled))
            .arg(static_cast<double>(peakRssKib()) / 1024.0, 0, 'f', 1));
    auto history = report.saveToHistory(store::CertificateStore::defaultLocation());
    if (history)
        err(tr("Report kept in %1.").arg(*history));
    else
        warn(tr("The report could not be kept in the history: %1").arg(history.error().message));
    if (parser.isSet(m_report)) {
        if (Status s = report.write(parser.value(m_report)); !s)
            return s;
        err(tr("Report written to %1.").arg(parser.value(m_report)));
    }
    if (parser.isSet(m_json))
        out(RemoteSupport::printJson(report.toJson()));
    if (abandoned)
        return Error::failure(tr("Stopped by the user with %1 sites still running: their outcome "
                                 "is unknown.")
                                  .arg(batch.runningCount()));
    if (skipped > 0 && report.allSucceeded())
        return Error::failure(tr("%1 of %2 sites succeeded; blocked by the preflight and left "
                                 "untouched: %3.")
                                  .arg(total)
                                  .arg(plannedTotal)
                                  .arg(skipped));
    if (!report.allSucceeded()) {
        QStringList failed;
        for (const bulk::BulkSiteResult& s : report.sites) {
            if (s.state != S::Succeeded)
                failed << QStringLiteral("%1 [%2]").arg(s.site, s.failure);
        }
        return Error::failure(tr("%1 of %2 sites did not succeed: %3")
                                  .arg(failed.size())
                                  .arg(total)
                                  .arg(failed.join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace certdesk::cli
