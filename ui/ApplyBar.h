#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace certdesk::ui {

// The foot of every form: the action button, a busy indicator while the work runs, the reason
// the button is disabled (in words), and the outcome of the last run.
class ApplyBar : public QWidget
{
    Q_OBJECT
public:
    explicit ApplyBar(const QString& buttonText, QWidget* parent = nullptr);

    // An empty problem enables the button (unless running); otherwise it is shown as the reason.
    void setProblem(const QString& problem);
    void setRunning(bool running, const QString& what = QString());
    void showResult(bool ok, const QString& text);
    void clearResult();

    bool isRunning() const { return m_running; }
    QPushButton* button() const { return m_button; }
    QString problem() const { return m_problem; }

signals:
    void applied();

private:
    void refresh();

    QPushButton* m_button = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_reason = nullptr;
    QLabel* m_result = nullptr;
    QString m_problem;
    bool m_running = false;
};

} // namespace certdesk::ui
