#include "ui/BulkSiteTableModel.h"

#include "core/remote/ActivationJob.h"

#include <QColor>

namespace certdesk::ui {

using bulk::BulkSiteResult;
using bulk::PreflightResult;
using remote::ActivationJob;
using State = BulkSiteResult::State;

namespace {
const QColor kFailed(0xb7, 0x1c, 0x1c);
const QColor kSucceeded(0x1b, 0x5e, 0x20);

std::optional<ActivationJob::Step> stepOf(const QString& id)
{
    for (int s = int(ActivationJob::Step::Preflight); s <= int(ActivationJob::Step::Done); ++s) {
        const auto step = static_cast<ActivationJob::Step>(s);
        if (ActivationJob::stepId(step) == id)
            return step;
    }
    return std::nullopt;
}
} // namespace

BulkSiteTableModel::BulkSiteTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BulkSiteTableModel::reset(const QList<PreflightResult>& sites)
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    for (const PreflightResult& site : sites) {
        m_rowOf.insert(site.site, int(m_rows.size()));
        m_rows.append(Row{site, std::nullopt});
    }
    endResetModel();
}

void BulkSiteTableModel::setPreflight(int row, const PreflightResult& result)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].preflight = result;
    changed(row, 0, ColumnCount - 1);
}

void BulkSiteTableModel::setRun(int row, const BulkSiteResult& result)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].run = result;
    changed(row, 0, ColumnCount - 1);
}

void BulkSiteTableModel::clearRuns()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].run) {
            m_rows[row].run.reset();
            changed(row, 0, ColumnCount - 1);
        }
    }
}

void BulkSiteTableModel::refreshRunning()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const std::optional<BulkSiteResult>& run = m_rows[row].run;
        if (run && run->started.isValid() && !run->isFinal())
            changed(row, Elapsed, Elapsed);
    }
}

int BulkSiteTableModel::rowOf(const QString& site) const
{
    return m_rowOf.value(site, -1);
}

const PreflightResult& BulkSiteTableModel::preflight(int row) const
{
    return m_rows.at(row).preflight;
}

std::optional<BulkSiteResult> BulkSiteTableModel::run(int row) const
{
    return m_rows.value(row).run;
}

void BulkSiteTableModel::changed(int row, int firstColumn, int lastColumn)
{
    emit dataChanged(index(row, firstColumn), index(row, lastColumn));
}

int BulkSiteTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkSiteTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int BulkSiteTableModel::progressPercent(const BulkSiteResult& result)
{
    if (result.state == State::Succeeded)
        return 100;
    if (result.state == State::Pending && result.attempts == 0)
        return 0;
    if (result.state == State::Settling)
        return 70;
    static const QHash<QString, int> byStep{
        {QStringLiteral("preflight"), 5}, {QStringLiteral("login"), 15},
        {QStringLiteral("upload"), 30},   {QStringLiteral("activate"), 45},
        {QStringLiteral("wait"), 55},     {QStringLiteral("settle"), 70},
        {QStringLiteral("verify"), 85},   {QStringLiteral("repin"), 95},
        {QStringLiteral("done"), 100}};
    return byStep.value(result.step, 0);
}

QString BulkSiteTableModel::stepText(const BulkSiteResult& result)
{
    switch (result.state) {
    case State::Pending:
        return result.attempts == 0 ? tr("Queued")
                                    : tr("Queued for attempt %1").arg(result.attempts + 1);
    case State::RetryWait:
        return tr("Waiting to retry (attempt %1)").arg(result.attempts + 1);
    case State::Settling:
        return BulkSiteResult::stateLabel(result.state);
    case State::Running:
    case State::Succeeded:
    case State::Failed:
    case State::Canceled:
        break;
    }
    const std::optional<ActivationJob::Step> step = stepOf(result.step);
    return step ? ActivationJob::stepLabel(*step) : result.step;
}

QString BulkSiteTableModel::elapsedText(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

bool BulkSiteTableModel::isFailure(const Row& row) const
{
    if (row.run)
        return row.run->state == State::Failed || row.run->state == State::Canceled;
    return row.preflight.verdict == PreflightResult::Verdict::Blocked;
}

QString BulkSiteTableModel::resultText(const Row& row) const
{
    // Short, like a failed run's "<step>:<reason>"; the whole message is in the tooltip.
    if (!row.run && row.preflight.verdict == bulk::PreflightResult::Verdict::Blocked)
        return tr("%1: %2").arg(bulk::PreflightResult::verdictLabel(row.preflight.verdict),
                                row.preflight.problem);
    if (!row.run)
        return row.preflight.message;
    const BulkSiteResult& r = *row.run;
    if (r.state == State::Failed || r.state == State::Canceled)
        return tr("%1: %2").arg(BulkSiteResult::stateLabel(r.state), r.failure);
    return BulkSiteResult::stateLabel(r.state);
}

QString BulkSiteTableModel::resultToolTip(const Row& row) const
{
    if (!row.run) {
        QStringList lines{row.preflight.message};
        lines << row.preflight.findings;
        return lines.join(QLatin1Char('\n'));
    }
    QStringList lines{row.run->message};
    if (!row.run->settled.isEmpty())
        lines << row.run->settled;
    if (!row.run->afterSha256.isEmpty())
        lines << tr("Served at the end: SHA-256 %1").arg(row.run->afterSha256);
    return lines.join(QLatin1Char('\n')).trimmed();
}

QVariant BulkSiteTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const std::optional<BulkSiteResult>& run = row.run;
    if (role == FailureRole)
        return isFailure(row) ? QStringLiteral("1") : QStringLiteral("0");
    if (role == ProgressRole)
        return run ? progressPercent(*run) : 0;
    if (role == Qt::ForegroundRole) {
        if (index.column() != Preflight && index.column() != Result)
            return {};
        if (index.column() == Preflight)
            return row.preflight.verdict == PreflightResult::Verdict::Blocked ? QVariant(kFailed)
                                                                              : QVariant();
        if (isFailure(row))
            return kFailed;
        return run && run->state == State::Succeeded ? QVariant(kSucceeded) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Preflight:
        case Result:
            return resultToolTip(row);
        case Certificate:
            return row.preflight.expectedSha256.isEmpty()
                       ? QVariant()
                       : tr("SHA-256 %1").arg(row.preflight.expectedSha256);
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Site:
        return row.preflight.site;
    case Certificate:
        return row.preflight.entry;
    case Preflight:
        return PreflightResult::verdictLabel(row.preflight.verdict);
    case Step:
        return run ? stepText(*run) : QString();
    case Progress:
        return run ? tr("%1 %").arg(progressPercent(*run)) : QString();
    case Elapsed: {
        if (!run || !run->started.isValid())
            return QString();
        const QDateTime end =
            run->isFinal() && run->ended.isValid() ? run->ended : QDateTime::currentDateTimeUtc();
        return elapsedText(run->started.msecsTo(end));
    }
    case Result:
        return resultText(row);
    default:
        return {};
    }
}

QVariant BulkSiteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Site:
        return tr("Site");
    case Certificate:
        return tr("Certificate");
    case Preflight:
        return tr("Preflight");
    case Step:
        return tr("Step");
    case Progress:
        return tr("Progress");
    case Elapsed:
        return tr("Elapsed");
    case Result:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace certdesk::ui
