// certdesk: the desktop application. Wiring only: the window, and two hooks for scripts —
// CERTDESK_BENCH_STARTUP=1 (tests/bench/gui-startup.sh) and CERTDESK_SCREENSHOTS=DIR
// (scripts/screenshots.sh).
#include "app/gui/StartupTimer.h"
#include "ui/MainWindow.h"
#include "ui/ScreenshotTour.h"

#include <QApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CertDesk"));
    QApplication::setOrganizationName(QStringLiteral("CertDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CERTDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("certdesk"));
    // Libraries' debug chatter (QtKeychain logs every lookup) is not for the technician.
    if (!qEnvironmentVariableIsSet("CERTDESK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));

    const QString screenshots = qEnvironmentVariable("CERTDESK_SCREENSHOTS");
    certdesk::ui::MainWindow::Options options;
    // Scripted runs start from the same window every time.
    options.restoreState =
        screenshots.isEmpty() && !qEnvironmentVariableIsSet("CERTDESK_BENCH_STARTUP");
    certdesk::ui::MainWindow window(options);

    if (qEnvironmentVariableIntValue("CERTDESK_BENCH_STARTUP") == 1)
        new certdesk::app::StartupTimer(&window);
    if (!screenshots.isEmpty()) {
        window.resize(1366, 860);
        auto* tour = new certdesk::ui::ScreenshotTour(&window, screenshots);
        QObject::connect(tour, &certdesk::ui::ScreenshotTour::finished, &app,
                         [](int failures) { QCoreApplication::exit(failures == 0 ? 0 : 1); });
        tour->start();
    }
    window.show();
    return QApplication::exec();
}
