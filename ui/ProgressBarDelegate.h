#pragma once

#include <QStyledItemDelegate>

namespace certdesk::ui {

// Paints a cell as a progress bar: the percentage (0-100) comes from `role`, the text on the
// bar is the cell's display text. An empty display text leaves the cell blank.
class ProgressBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressBarDelegate(int role, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

private:
    int m_role;
};

} // namespace certdesk::ui
