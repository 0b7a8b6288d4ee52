#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace certdesk::ui {

class ExpiryModel;
class StoreController;

// Expiry Overview: every server certificate with its days left, colored, sortable by any
// column (soonest first by default). Activating a row opens the certificate.
class ExpiryOverview : public QWidget
{
    Q_OBJECT
public:
    explicit ExpiryOverview(StoreController* store, QWidget* parent = nullptr);

    QTableView* view() const { return m_view; }
    ExpiryModel* model() const { return m_model; }

signals:
    void entryActivated(const QString& name);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();

    bool m_dirty = true;
    StoreController* m_store = nullptr;
    ExpiryModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace certdesk::ui
