#include "core/policy/ValidityPeriod.h"

namespace certdesk::policy {

ValidityPeriod::ValidityPeriod(const QDateTime& notBefore, const QDateTime& notAfter)
    : m_seconds(notBefore.secsTo(notAfter))
{
}

qint64 ValidityPeriod::baselineDays() const
{
    const qint64 inclusive = m_seconds + 1;
    if (inclusive <= 0)
        return 0;
    return (inclusive + secondsPerDay - 1) / secondsPerDay;
}

QString ValidityPeriod::dayCount(qint64 days)
{
    // English needs no plural rules file this way; translations still get %n.
    if (days == 1)
        return tr("1 day");
    return tr("%n days", nullptr, static_cast<int>(qBound(qint64(0), days, qint64(1000000))));
}

QString ValidityPeriod::describe() const
{
    const qint64 days = m_seconds / secondsPerDay;
    if (m_seconds % secondsPerDay == 0)
        return dayCount(days);
    if (days == 1)
        return tr("more than 1 day");
    return tr("more than %n days", nullptr,
              static_cast<int>(qBound(qint64(0), days, qint64(1000000))));
}

QString ValidityPeriod::gmt(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'GMT'"));
}

QString ValidityPeriod::gmtDate(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace certdesk::policy
