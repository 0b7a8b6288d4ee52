#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace certdesk::policy {

// The span from notBefore to notAfter, measured the two ways the rules need.
//
// Clients (Apple's 825 and 398 days) compare the encoded fields: notAfter − notBefore, so a
// certificate with notAfter exactly 825 × 24 h after notBefore passes 825 days.
//
// The CA/Browser Forum Baseline Requirements (§1.6.1 "Validity Period", §6.3.2) count from
// notBefore *through* notAfter, inclusive, and any part of a day beyond 86 400 s counts as a
// whole extra day. So the BR validity is notAfter − notBefore + 1 s, and a certificate with
// notAfter exactly 398 × 24 h after notBefore is 398 days and one second long — too long for
// a 398-day limit. That is why public CAs issue 397-day certificates.
class ValidityPeriod
{
    Q_DECLARE_TR_FUNCTIONS(ValidityPeriod)

public:
    static constexpr qint64 secondsPerDay = 86400;

    ValidityPeriod(const QDateTime& notBefore, const QDateTime& notAfter);

    qint64 seconds() const { return m_seconds; } // notAfter − notBefore
    // Client reading: longer than `days` × 86 400 s?
    bool exceedsDays(qint64 days) const { return m_seconds > days * secondsPerDay; }
    // Baseline Requirements reading: notBefore through notAfter inclusive (+1 s), longer than
    // `days` × 86 400 s?
    bool exceedsBaselineDays(qint64 days) const { return m_seconds + 1 > days * secondsPerDay; }
    // The BR day count: ceil((notAfter − notBefore + 1 s) / 86 400 s).
    qint64 baselineDays() const;
    // "730 days", or "more than 397 days" when not a whole number of days.
    QString describe() const;
    // "1 day", "730 days"
    static QString dayCount(qint64 days);

    // "2026-03-15 00:00:00 GMT", the form the Admin Portal's validity fields use.
    static QString gmt(const QDateTime& time);
    static QString gmtDate(const QDateTime& time); // "2026-03-15"

private:
    qint64 m_seconds = 0;
};

} // namespace certdesk::policy
