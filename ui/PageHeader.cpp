#include "ui/PageHeader.h"

namespace certdesk::ui {

PageHeader::PageHeader(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("pageHeader"));
    QFont f = font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    setFont(f);
    setContentsMargins(2, 2, 2, 6);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace certdesk::ui
