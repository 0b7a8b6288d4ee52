#pragma once

#include <QObject>

class QWidget;

namespace certdesk::app {

// For tests/bench/gui-startup.sh: after the first paint of the window, prints the time since
// the process started ("startup-ms: N") and quits. The start is CERTDESK_BENCH_T0_NS (the
// benchmark's clock reading, CLOCK_REALTIME in nanoseconds, taken just before it starts the
// process) or else the process start time the kernel recorded.
class StartupTimer : public QObject
{
    Q_OBJECT
public:
    explicit StartupTimer(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool m_done = false;
};

} // namespace certdesk::app
