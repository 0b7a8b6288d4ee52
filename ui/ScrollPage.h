#pragma once

#include <QScrollArea>

class QVBoxLayout;

namespace certdesk::ui {

// The scrolling part of a tab: frameless, resizing its content, and see-through so it has the
// tab page's background rather than a second shade.
class ScrollPage : public QScrollArea
{
    Q_OBJECT
public:
    explicit ScrollPage(QWidget* parent = nullptr);

    void setWidget(QWidget* content);

    // Adds a scroll page to `outer` (the tab's own layout) and returns the widget to fill.
    static QWidget* addTo(QVBoxLayout* outer, QWidget* owner);
};

} // namespace certdesk::ui
