#include "ui/ExpiryOverview.h"

#include "ui/ExpiryModel.h"
#include "ui/PageHeader.h"
#include "ui/StoreController.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace certdesk::ui {

ExpiryOverview::ExpiryOverview(StoreController* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("expiryOverview"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new PageHeader(this);
    header->setText(tr("Expiry Overview"));
    layout->addWidget(header);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("expirySummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_model = new ExpiryModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ExpiryModel::SortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("expiryTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ExpiryModel::DaysLeft, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(ExpiryModel::CommonName, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit entryActivated(index.data(ExpiryModel::NameRole).toString());
    });
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
    // Built when first shown and kept current while visible: a thousand entries cost nothing
    // at start-up.
    connect(m_store, &StoreController::entriesChanged, this, [this] {
        m_dirty = true;
        if (isVisible())
            refresh();
    });
}

void ExpiryOverview::refresh()
{
    m_model->setEntries(m_store->entries());
    int expired = 0;
    int soon = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->state(row) == ExpiryModel::State::Expired)
            ++expired;
        else if (m_model->state(row) == ExpiryModel::State::Soon)
            ++soon;
    }
    m_summary->setText(tr("%n server certificate(s) and CSR(s).", nullptr, m_model->rowCount()) +
                       QLatin1Char(' ') +
                       tr("%1 expired, %2 expire within %3 days.")
                           .arg(expired)
                           .arg(soon)
                           .arg(ExpiryModel::soonDays));
    m_view->resizeColumnsToContents();
    m_dirty = false;
}

void ExpiryOverview::showEvent(QShowEvent* event)
{
    if (m_dirty)
        refresh();
    QWidget::showEvent(event);
}

} // namespace certdesk::ui
