#include "app/gui/StartupTimer.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace certdesk::app {

namespace {

qint64 realtimeNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Milliseconds since the process started: from the benchmark's clock reading if given, else
// from /proc/self/stat (clock ticks since boot) against CLOCK_BOOTTIME.
double elapsedMs()
{
    const QByteArray t0 = qgetenv("CERTDESK_BENCH_T0_NS");
    if (!t0.isEmpty())
        return double(realtimeNs() - t0.toLongLong()) / 1e6;
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // Field 22 (starttime) is the 20th after the command name and state.
    const double startTicks = fields.value(19).toDouble();
    timespec boot{};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const double nowMs = double(boot.tv_sec) * 1000.0 + double(boot.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

} // namespace

StartupTimer::StartupTimer(QWidget* window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool StartupTimer::eventFilter(QObject* watched, QEvent* event)
{
    if (!m_done && event->type() == QEvent::Paint) {
        m_done = true;
        // After this paint has been delivered: the window is on screen.
        QTimer::singleShot(0, this, [] {
            std::printf("startup-ms: %.1f\n", elapsedMs());
            std::fflush(stdout);
            QCoreApplication::exit(0);
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace certdesk::app
