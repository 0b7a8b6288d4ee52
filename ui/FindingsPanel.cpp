#include "ui/FindingsPanel.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

namespace {

struct Colors
{
    const char* background;
    const char* border;
    const char* text;
};

Colors colorsOf(policy::Severity severity)
{
    switch (severity) {
    case policy::Severity::Error:
        return {"#fdecea", "#c62828", "#7f1010"};
    case policy::Severity::Warning:
        return {"#fff4e0", "#e08a00", "#6b4200"};
    case policy::Severity::Info:
        break;
    }
    return {"#eef3f8", "#90a4ae", "#37474f"};
}

} // namespace

FindingsPanel::FindingsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("findingsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("findingsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_list = new QVBoxLayout;
    m_list->setSpacing(6);
    layout->addLayout(m_list);
    clear();
}

void FindingsPanel::clearFindings()
{
    while (QLayoutItem* item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_errors = 0;
    m_warnings = 0;
}

void FindingsPanel::clear(const QString& note)
{
    clearFindings();
    m_summary->setText(note);
    m_summary->setStyleSheet(QString());
    m_summary->setVisible(!note.isEmpty());
}

void FindingsPanel::setReport(const policy::ComplianceReport& report)
{
    clearFindings();
    m_errors = report.count(policy::Severity::Error);
    m_warnings = report.count(policy::Severity::Warning);
    const int notes = report.count(policy::Severity::Info);

    QStringList parts;
    parts << tr("%n error(s)", nullptr, m_errors) << tr("%n warning(s)", nullptr, m_warnings);
    QString summary = m_errors > 0     ? tr("The certificate does not comply: %1.")
                      : m_warnings > 0 ? tr("The certificate complies, with remarks: %1.")
                                       : tr("The certificate complies: %1.");
    summary = summary.arg(parts.join(QStringLiteral(", ")));
    if (notes > 0)
        summary += QLatin1Char(' ') + tr("%n rule(s) did not apply.", nullptr, notes);
    summary +=
        QLatin1Char(' ') + tr("Profiles: %1.").arg(report.profileIds().join(QStringLiteral(", ")));
    m_summary->setText(summary);
    m_summary->setStyleSheet(m_errors > 0 ? QStringLiteral("font-weight: bold; color: #b71c1c;")
                             : m_warnings > 0
                                 ? QStringLiteral("font-weight: bold; color: #8a5300;")
                                 : QStringLiteral("font-weight: bold; color: #1b5e20;"));
    m_summary->show();

    for (policy::Severity severity : {policy::Severity::Error, policy::Severity::Warning}) {
        for (const policy::Finding& f : report.findings()) {
            if (f.severity != severity)
                continue;
            const Colors c = colorsOf(f.severity);
            auto* label = new QLabel(this);
            label->setObjectName(QStringLiteral("finding"));
            label->setProperty("severity", policy::Finding::severityName(f.severity));
            label->setProperty("code", f.code);
            label->setWordWrap(true);
            label->setTextFormat(Qt::RichText);
            label->setTextInteractionFlags(Qt::TextSelectableByMouse);
            QString html = QStringLiteral("<b>%1</b> — %2 <span style='color:#666'>[%3]</span>")
                               .arg(policy::Finding::severityLabel(f.severity).toHtmlEscaped(),
                                    f.message.toHtmlEscaped(), f.code.toHtmlEscaped());
            if (!f.fix.isEmpty())
                html += QStringLiteral("<br>") + tr("Fix: %1").arg(f.fix.toHtmlEscaped());
            if (!f.client.isEmpty())
                html += QStringLiteral("<br><i>") +
                        tr("Protects: %1").arg(f.client.toHtmlEscaped()) + QStringLiteral("</i>");
            label->setText(html);
            label->setStyleSheet(
                QStringLiteral("QLabel { background: %1; border-left: 4px solid %2; "
                               "color: %3; padding: 6px; }")
                    .arg(QLatin1String(c.background), QLatin1String(c.border),
                         QLatin1String(c.text)));
            m_list->addWidget(label);
        }
    }
}

} // namespace certdesk::ui
