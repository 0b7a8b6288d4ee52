#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QGroupBox>

class QDateTimeEdit;
class QLabel;

namespace certdesk::ui {

// "Start Time of Validity Period (GMT)" and "End Time of Validity Period (GMT)", as date and
// time in GMT, with the length in days and a hint when a server certificate is valid longer
// than clients accept.
class ValidityFields : public QGroupBox
{
    Q_OBJECT
public:
    // `defaultDays` from now; `warnAfterDays` 0: no hint (CA certificates live long).
    ValidityFields(int defaultDays, int warnAfterDays, QWidget* parent = nullptr);

    QDateTime notBefore() const;
    QDateTime notAfter() const;
    void setPeriod(const QDateTime& notBefore, const QDateTime& notAfter);
    void resetToDefault();
    Status validate() const;

signals:
    void changed();

private:
    void refresh();

    int m_defaultDays = 365;
    int m_warnAfterDays = 0;
    QDateTimeEdit* m_start = nullptr;
    QDateTimeEdit* m_end = nullptr;
    QLabel* m_length = nullptr;
};

} // namespace certdesk::ui
