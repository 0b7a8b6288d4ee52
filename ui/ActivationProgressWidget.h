#pragma once

#include "core/remote/ActivationJob.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace certdesk::ui {

// The progress of an activation job: its steps (done, current, failed), the countdown while
// the web server restarts, a Cancel button, and at the end either the verified fingerprint or
// the named failure ("verify:old-certificate …") with its message.
class ActivationProgressWidget : public QWidget
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Verified, Accepted, Failed };
    Q_ENUM(State)

    explicit ActivationProgressWidget(QWidget* parent = nullptr);

    // Follows `job` (connect before the job starts). The job's outcome is kept after it is gone.
    void track(remote::ActivationJob* job);
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    const remote::ActivationJob::Outcome& outcome() const { return m_outcome; }
    QString resultText() const;

signals:
    void stateChanged(certdesk::ui::ActivationProgressWidget::State state);
    void countdownShown(int seconds); // the restart countdown ticked

private:
    void showStep(remote::ActivationJob::Step step);
    void finish();
    void setState(State state);

    QPointer<remote::ActivationJob> m_job;
    State m_state = State::Idle;
    remote::ActivationJob::Outcome m_outcome;
    QListWidget* m_steps = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace certdesk::ui
