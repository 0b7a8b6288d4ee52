#pragma once

#include "ui/NavigationTree.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace certdesk::ui {

class MainWindow;

// Walks the main pages of a window and saves each as a PNG (QWidget::grab, so no X tools are
// needed): scripts/screenshots.sh runs it for docs/screenshots. Entries are taken from the
// store: the first CA, the first CA-signed or imported certificate, the first CSR.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, QString directory);

    void start();

signals:
    void finished(int failures);

private:
    struct Shot
    {
        QString file;
        NavigationTree::Node node;
        QString name;
        int tab = -1;
        std::function<void()> prepare;
    };

    void plan();
    void next();
    void waitAndGrab(int polls);

    MainWindow* m_window = nullptr;
    QString m_directory;
    QList<Shot> m_shots;
    int m_index = -1;
    int m_failures = 0;
};

} // namespace certdesk::ui
