#include "ui/ExpiryModel.h"

#include <QColor>

#include <limits>

namespace certdesk::ui {

ExpiryModel::ExpiryModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ExpiryModel::setEntries(const QList<store::StoreEntry>& entries, const QDateTime& now)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(entries.size());
    for (const store::StoreEntry& e : entries) {
        if (!store::isServerCertificateList(e.type))
            continue;
        Row row;
        row.entry = e;
        if (!e.notAfter.isValid()) {
            row.state = State::NoCertificate;
        } else {
            const qint64 seconds = now.secsTo(e.notAfter);
            row.daysLeft = seconds / 86400;
            row.state = seconds < 0               ? State::Expired
                        : row.daysLeft < soonDays ? State::Soon
                                                  : State::Fine;
        }
        m_rows << row;
    }
    endResetModel();
}

ExpiryModel::State ExpiryModel::state(int row) const
{
    return m_rows.value(row).state;
}

int ExpiryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExpiryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpiryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows[index.row()];
    const bool hasDate = row.state != State::NoCertificate;
    if (role == NameRole)
        return row.entry.name;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case Name:
            return role == SortRole ? QVariant(row.entry.name.toLower()) : QVariant(row.entry.name);
        case Type:
            return store::entryTypeLabel(row.entry.type);
        case CommonName:
            return row.entry.commonName;
        case ValidUntil:
            if (role == SortRole)
                return hasDate ? row.entry.notAfter.toSecsSinceEpoch()
                               : std::numeric_limits<qint64>::max();
            return hasDate ? row.entry.notAfter.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                           : QString();
        case DaysLeft:
            if (role == SortRole)
                return hasDate ? row.daysLeft : std::numeric_limits<qint64>::max();
            return hasDate ? QVariant(row.daysLeft) : QVariant(QString());
        case Status:
            if (role == SortRole)
                return int(row.state);
            switch (row.state) {
            case State::Expired:
                return tr("expired");
            case State::Soon:
                return tr("expires soon");
            case State::Fine:
                return tr("valid");
            case State::NoCertificate:
                return tr("waiting for the CA");
            }
        }
        return {};
    }
    if (role == Qt::BackgroundRole && (index.column() == DaysLeft || index.column() == Status)) {
        switch (row.state) {
        case State::Expired:
            return QColor(0xfd, 0xec, 0xea);
        case State::Soon:
            return QColor(0xff, 0xf4, 0xe0);
        case State::Fine:
            return QColor(0xe8, 0xf5, 0xe9);
        case State::NoCertificate:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && (index.column() == DaysLeft || index.column() == Status)) {
        switch (row.state) {
        case State::Expired:
            return QColor(0xb7, 0x1c, 0x1c);
        case State::Soon:
            return QColor(0x8a, 0x53, 0x00);
        case State::Fine:
            return QColor(0x1b, 0x5e, 0x20);
        case State::NoCertificate:
            return QColor(0x60, 0x60, 0x60);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == DaysLeft)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExpiryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name of the Certificate");
    case Type:
        return tr("Certificate Type");
    case CommonName:
        return tr("Common Name (CN)");
    case ValidUntil:
        return tr("End of Validity (GMT)");
    case DaysLeft:
        return tr("Days Left");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace certdesk::ui
