#pragma once

#include "core/bulk/BulkSiteResult.h"
#include "core/bulk/PreflightResult.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

#include <optional>

namespace certdesk::ui {

// The sites of a bulk activation, one row each: the preflight's verdict, then (for the sites
// that run) the activation's step, progress, elapsed time and result. Plain data: the page
// copies results in from BulkPreflight and BulkActivation as their signals arrive.
class BulkSiteTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Site, Certificate, Preflight, Step, Progress, Elapsed, Result, ColumnCount };
    static constexpr int ProgressRole = Qt::UserRole + 1; // int, 0-100
    // "1" for a site that did not get its certificate: blocked by the preflight, or its
    // activation failed or was canceled; "0" otherwise (a QSortFilterProxyModel filters on it).
    static constexpr int FailureRole = Qt::UserRole + 2;

    explicit BulkSiteTableModel(QObject* parent = nullptr);

    // A new batch: one row per site, in this order; no activation results.
    void reset(const QList<bulk::PreflightResult>& sites);
    void setPreflight(int row, const bulk::PreflightResult& result);
    void setRun(int row, const bulk::BulkSiteResult& result);
    void clearRuns();
    // Repaints the elapsed time (and progress) of the sites still under way.
    void refreshRunning();

    int rowOf(const QString& site) const;
    const bulk::PreflightResult& preflight(int row) const;
    std::optional<bulk::BulkSiteResult> run(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How far an activation got, by its step (a restart's length is not known in advance).
    static int progressPercent(const bulk::BulkSiteResult& result);
    static QString stepText(const bulk::BulkSiteResult& result);
    static QString elapsedText(qint64 ms);

private:
    struct Row
    {
        bulk::PreflightResult preflight;
        std::optional<bulk::BulkSiteResult> run;
    };

    QString resultText(const Row& row) const;
    QString resultToolTip(const Row& row) const;
    bool isFailure(const Row& row) const;
    void changed(int row, int firstColumn, int lastColumn);

    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace certdesk::ui
