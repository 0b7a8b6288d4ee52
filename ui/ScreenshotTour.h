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
//
// With CERTDESK_SCREENSHOT_SITES=1 the sites are live (simulated systems on loopback, passwords
// in the keychain) and the store holds a server certificate for them: the tour then takes only
// bulk-activation-run.png, the Bulk Activation page after a preflight and a run of the first
// tag's sites with the first certificate offered.
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
        // Work to finish before the grab (after prepare); false: the shot failed, no grab.
        std::function<bool()> perform = {};
    };

    void plan();
    void next();
    void waitAndGrab(int polls);
    bool runBulkActivation();

    MainWindow* m_window = nullptr;
    QString m_directory;
    QList<Shot> m_shots;
    int m_index = -1;
    int m_failures = 0;
};

} // namespace certdesk::ui
