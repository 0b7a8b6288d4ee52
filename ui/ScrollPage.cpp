#include "ui/ScrollPage.h"

namespace certdesk::ui {

ScrollPage::ScrollPage(QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
}

void ScrollPage::setWidget(QWidget* content)
{
    QScrollArea::setWidget(content); // turns the content's background filling on
    content->setAutoFillBackground(false);
}

} // namespace certdesk::ui
