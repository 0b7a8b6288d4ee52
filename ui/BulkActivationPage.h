#pragma once

#include "core/bulk/BulkActivation.h"
#include "core/bulk/BulkPreflight.h"
#include "core/store/CertificateStore.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTimer;

namespace certdesk::ui {

class BulkCertificatePicker;
class BulkSitePicker;
class BulkSiteTableModel;
class DialogProvider;
class SiteController;
class StoreController;

// "Bulk Activation": one certificate (or a rule file's) onto many sites at once. Pick the
// certificate and the sites (by tag, by ticking), run the preflight (compliance and a
// connection test per site, nothing uploaded), then run the sites that passed: a row per site
// with its step, progress, elapsed time and result, an overall bar with counts, pause, cancel,
// failures only, re-run failed, and the report (saved on request and kept in the history).
// Composes core/bulk only; everything runs on the UI thread's event loop, the store's reading
// off it (StoreController).
class BulkActivationPage : public QWidget
{
    Q_OBJECT
public:
    BulkActivationPage(StoreController* store, SiteController* sites, DialogProvider* dialogs,
                       QWidget* parent = nullptr);
    ~BulkActivationPage() override;

    BulkCertificatePicker* certificatePicker() const { return m_certificate; }
    BulkSitePicker* sitePicker() const { return m_sitePicker; }
    BulkSiteTableModel* model() const { return m_model; }
    const bulk::BulkPreflight* preflight() const { return m_preflight.data(); }
    const bulk::BulkActivation* batch() const { return m_batch.data(); }
    // The report's file in the history, once a run has finished.
    QString historyPath() const { return m_historyPath; }

public slots:
    void startPreflight();
    void run();
    void togglePause();
    void cancel();
    void rerunFailed();
    void saveReport();

signals:
    void preflightFinished();
    void batchFinished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    using Materials = QHash<QString, store::EntryMaterial>;
    struct Planned
    {
        remote::Site site;
        QString entry;
    };

    void reloadSites();
    void launchPreflight(const QList<Planned>& plan, const QString& system,
                         const Materials& materials);
    void onPreflightFinished();
    void onBatchFinished();
    void discardBatch();
    void updateButtons();
    void updateCounts();
    void choiceChanged();
    QString choiceKey() const;
    QString preflightSummary() const;
    void setStatus(const QString& text, bool error = false);

    StoreController* m_store = nullptr;
    SiteController* m_sites = nullptr;
    DialogProvider* m_dialogs = nullptr;
    BulkCertificatePicker* m_certificate = nullptr;
    BulkSitePicker* m_sitePicker = nullptr;
    QComboBox* m_system = nullptr;
    QSpinBox* m_parallel = nullptr;
    QCheckBox* m_includeActive = nullptr;
    QPushButton* m_preflightButton = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_rerun = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_summary = nullptr;
    QProgressBar* m_overall = nullptr;
    QLabel* m_counts = nullptr;
    QCheckBox* m_failuresOnly = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_status = nullptr;
    BulkSiteTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTimer* m_tick = nullptr; // repaints elapsed times while a batch runs

    QPointer<bulk::BulkPreflight> m_preflight;
    QPointer<bulk::BulkActivation> m_batch;
    QList<int> m_runRows;   // batch index -> table row
    QString m_preflightKey; // the choice the preflight checked
    QString m_historyPath;
    bool m_loading = false; // reading the certificates from the store
};

} // namespace certdesk::ui
