#pragma once

#include "core/policy/ComplianceReport.h"

#include <QWidget>

#include <optional>

class QLabel;
class QVBoxLayout;

namespace certdesk::ui {

// The compliance findings of a certificate, colored: errors red, warnings amber. Notes (rules
// that do not apply) are counted, not listed.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPanel(QWidget* parent = nullptr);

    void setReport(const policy::ComplianceReport& report);
    // No report: `note` says why (a CSR, nothing loaded yet …).
    void clear(const QString& note = QString());

    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

private:
    void clearFindings();

    QLabel* m_summary = nullptr;
    QVBoxLayout* m_list = nullptr;
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace certdesk::ui
