#include "ui/ActivationProgressWidget.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace certdesk::ui {

namespace {
using Step = remote::ActivationJob::Step;
constexpr Step kSteps[] = {Step::Preflight,      Step::Login,  Step::Upload, Step::Activate,
                           Step::WaitForRestart, Step::Verify, Step::Repin,  Step::Done};
constexpr int kStepRole = Qt::UserRole + 1;
} // namespace

ActivationProgressWidget::ActivationProgressWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("activationProgress"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("activationSteps"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    for (const Step step : kSteps) {
        auto* item = new QListWidgetItem(remote::ActivationJob::stepLabel(step), m_steps);
        item->setData(kStepRole, int(step));
        item->setData(Qt::AccessibleDescriptionRole, remote::ActivationJob::stepId(step));
    }
    m_steps->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_steps->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_steps);
    m_countdown = new QLabel(this);
    m_countdown->setObjectName(QStringLiteral("activationCountdown"));
    layout->addWidget(m_countdown);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("activationMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("activationResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("activationCancel"));
    m_cancel->setEnabled(false);
    layout->addWidget(m_cancel, 0, Qt::AlignLeft);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_job && !m_job->isFinished()) {
            m_cancel->setEnabled(false);
            m_message->setText(tr("Canceling…"));
            m_job->cancel();
        }
    });
    setVisible(false);
}

void ActivationProgressWidget::track(remote::ActivationJob* job)
{
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    m_outcome = remote::ActivationJob::Outcome();
    for (int i = 0; i < m_steps->count(); ++i) {
        m_steps->item(i)->setIcon(QIcon());
        QFont font = m_steps->item(i)->font();
        font.setBold(false);
        m_steps->item(i)->setFont(font);
    }
    m_countdown->clear();
    m_message->clear();
    m_result->clear();
    m_result->setStyleSheet(QString());
    m_cancel->setEnabled(true);
    setVisible(true);
    setState(State::Running);
    connect(job, &remote::ActivationJob::stepChanged, this, &ActivationProgressWidget::showStep);
    connect(job, &remote::ActivationJob::progress, m_message, &QLabel::setText);
    connect(job, &remote::ActivationJob::remainingSeconds, this, [this](int seconds) {
        m_countdown->setText(
            tr("Waiting for the web server to come back: %n s left", nullptr, seconds));
        emit countdownShown(seconds);
    });
    connect(job, &remote::ActivationJob::finished, this, &ActivationProgressWidget::finish);
}

void ActivationProgressWidget::showStep(Step step)
{
    const QIcon done = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon current = style()->standardIcon(QStyle::SP_MediaPlay);
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem* item = m_steps->item(i);
        const int s = item->data(kStepRole).toInt();
        item->setIcon(s < int(step) ? done : s == int(step) ? current : QIcon());
        QFont font = item->font();
        font.setBold(s == int(step));
        item->setFont(font);
    }
    if (step != Step::WaitForRestart)
        m_countdown->clear();
}

void ActivationProgressWidget::finish()
{
    if (!m_job)
        return;
    m_outcome = m_job->outcome();
    m_cancel->setEnabled(false);
    m_countdown->clear();
    const QIcon done = style()->standardIcon(QStyle::SP_DialogApplyButton);
    const QIcon failed = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (int i = 0; i < m_steps->count(); ++i) {
        QListWidgetItem* item = m_steps->item(i);
        const int s = item->data(kStepRole).toInt();
        if (m_outcome.success)
            item->setIcon(s <= int(m_outcome.step) ? done : QIcon());
        else
            item->setIcon(s < int(m_outcome.step)    ? done
                          : s == int(m_outcome.step) ? failed
                                                     : QIcon());
    }
    if (m_outcome.success && m_outcome.verified) {
        m_result->setStyleSheet(QStringLiteral("color: #1b5e20"));
        setState(State::Verified);
    } else if (m_outcome.success) {
        setState(State::Accepted);
    } else {
        m_result->setStyleSheet(QStringLiteral("color: #b71c1c"));
        setState(State::Failed);
    }
    m_job = nullptr;
}

QString ActivationProgressWidget::resultText() const
{
    if (m_state == State::Idle || m_state == State::Running)
        return QString();
    if (m_outcome.success && m_outcome.verified)
        return tr("Verified: the system now serves the certificate with SHA-256 %1.%2")
            .arg(m_outcome.presentedSha256,
                 m_outcome.repinned ? tr(" The site trusts it from now on.") : QString());
    if (m_outcome.success)
        return m_outcome.message;
    return tr("Failed [%1]: %2").arg(m_outcome.failureName(), m_outcome.message);
}

void ActivationProgressWidget::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    // resultText() depends on the state, so the label follows it.
    if (state != State::Running && state != State::Idle)
        m_result->setText(resultText());
    emit stateChanged(state);
}

} // namespace certdesk::ui
