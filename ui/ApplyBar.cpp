#include "ui/ApplyBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdesk::ui {

ApplyBar::ApplyBar(const QString& buttonText, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("applyBar"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);

    auto* row = new QHBoxLayout;
    m_button = new QPushButton(buttonText, this);
    m_button->setObjectName(QStringLiteral("applyButton"));
    m_button->setAutoDefault(true);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_busy->hide();
    row->addWidget(m_button);
    row->addWidget(m_busy);
    row->addStretch();
    layout->addLayout(row);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setWordWrap(true);
    m_reason->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_reason);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_problem.isEmpty() && !m_running)
            emit applied();
    });
    refresh();
}

void ApplyBar::setProblem(const QString& problem)
{
    m_problem = problem;
    refresh();
}

void ApplyBar::setRunning(bool running, const QString& what)
{
    m_running = running;
    m_busy->setVisible(running);
    m_busy->setToolTip(what);
    if (running)
        clearResult();
    refresh();
}

void ApplyBar::showResult(bool ok, const QString& text)
{
    m_result->setProperty("outcome", ok ? QStringLiteral("ok") : QStringLiteral("error"));
    m_result->setText(text);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #1b5e20;")
                               : QStringLiteral("color: #b71c1c;"));
    m_result->show();
}

void ApplyBar::clearResult()
{
    m_result->clear();
    m_result->hide();
}

void ApplyBar::refresh()
{
    m_button->setEnabled(m_problem.isEmpty() && !m_running);
    m_reason->setText(m_running ? QString() : m_problem);
    m_reason->setVisible(!m_running && !m_problem.isEmpty());
    m_button->setToolTip(m_problem);
}

} // namespace certdesk::ui
