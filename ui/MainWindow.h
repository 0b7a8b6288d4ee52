#pragma once

#include <QMainWindow>

namespace certdesk::ui {

// The main window. For now it says which version this is; the Expert Mode tree follows.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace certdesk::ui
