#include "ui/ScrollPage.h"

#include <QVBoxLayout>

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

QWidget* ScrollPage::addTo(QVBoxLayout* outer, QWidget* owner)
{
    auto* scroll = new ScrollPage(owner);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    return content;
}

} // namespace certdesk::ui
