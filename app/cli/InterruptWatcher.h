#pragma once

#include <QObject>

class QSocketNotifier;

namespace certdesk::cli {

// Turns Ctrl-C (SIGINT) and SIGTERM into a Qt signal on the event loop, so a long verb can stop
// cleanly: the first one emits interrupted(1) and the verb cancels its work; a second one emits
// interrupted(2) for a verb that wants to give up waiting. While a watcher lives, the signals
// no longer kill the process; the previous handlers come back when it is destroyed.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject* parent = nullptr);
    ~InterruptWatcher() override;

    int count() const { return m_count; }

signals:
    void interrupted(int count);

private:
    void onWake();

    QSocketNotifier* m_notifier = nullptr;
    int m_count = 0;
};

} // namespace certdesk::cli
