#pragma once

#include <QScrollArea>

namespace certdesk::ui {

// The scrolling part of a tab: frameless, resizing its content, and see-through so it has the
// tab page's background rather than a second shade.
class ScrollPage : public QScrollArea
{
    Q_OBJECT
public:
    explicit ScrollPage(QWidget* parent = nullptr);

    void setWidget(QWidget* content);
};

} // namespace certdesk::ui
