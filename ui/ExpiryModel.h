#pragma once

#include "core/store/StoreEntry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace certdesk::ui {

// Every server certificate of the store with its days left, for the Expiry Overview. Colors:
// red expired, amber fewer than 30 days left, green fine. Sorting uses Qt::UserRole values.
class ExpiryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Type, CommonName, ValidUntil, DaysLeft, Status, ColumnCount };
    enum class State { Expired, Soon, Fine, NoCertificate };
    static constexpr int soonDays = 30;
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NameRole = Qt::UserRole + 1;

    explicit ExpiryModel(QObject* parent = nullptr);

    void setEntries(const QList<store::StoreEntry>& entries,
                    const QDateTime& now = QDateTime::currentDateTimeUtc());
    State state(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        store::StoreEntry entry;
        qint64 daysLeft = 0;
        State state = State::NoCertificate;
    };
    QList<Row> m_rows;
};

} // namespace certdesk::ui
