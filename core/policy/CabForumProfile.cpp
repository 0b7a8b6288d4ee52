#include "core/policy/CabForumProfile.h"

#include "core/policy/CheckSubject.h"
#include "core/policy/TrustAssessment.h"
#include "core/policy/ValidityPeriod.h"

#include <QTimeZone>

namespace certdesk::policy {

namespace {

struct Step
{
    QDate from; // 00:00:00 UTC of this day
    int days;
};

// Newest first.
const Step schedule[] = {
    {QDate(2029, 3, 15), 47}, {QDate(2027, 3, 15), 100}, {QDate(2026, 3, 15), 200},
    {QDate(2020, 9, 1), 398}, {QDate(2018, 3, 1), 825},
};

QDateTime startOf(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::utc());
}

// The schedule step a certificate issued at `notBefore` falls under; nullptr before 2018-03-01.
const Step* stepFor(const QDateTime& notBefore)
{
    for (const Step& step : schedule) {
        if (notBefore >= startOf(step.from))
            return &step;
    }
    return nullptr;
}

} // namespace

std::optional<int> CabForumProfile::maxValidityDays(const QDateTime& notBefore)
{
    if (const Step* step = stepFor(notBefore))
        return step->days;
    return std::nullopt;
}

QString CabForumProfile::id() const
{
    return QStringLiteral("cabf-2026");
}

QString CabForumProfile::title() const
{
    return tr("CA/Browser Forum: validity limits for public certificates (ballot SC-081v3)");
}

QString CabForumProfile::reference() const
{
    return tr("CA/Browser Forum TLS Baseline Requirements §6.3.2, ballot SC-081v3 (398 days "
              "until 2026-03-15, then 200, 100 from 2027-03-15, 47 from 2029-03-15)");
}

QList<Finding> CabForumProfile::check(const CheckSubject& subject) const
{
    const crypto::CertificateDetails d = subject.details();
    const TrustAssessment trust = TrustAssessment::of(subject);
    const QString browsers = tr("web browsers (Chrome, Edge, Firefox, Safari) and every app "
                                "that trusts public CAs");
    QList<Finding> out;

    if (trust.trust == TrustAssessment::Trust::Private) {
        const QString message = tr("The CA/Browser Forum validity limits do not apply to this "
                                   "certificate because %1. They bind public CAs only.")
                                    .arg(trust.reason) +
                                QLatin1Char(' ') +
                                tr("Apple's 825-day limit still applies (profile apple-tls).");
        out << finding(Severity::Info, QStringLiteral("cabf.not-applicable"), message,
                       tr("Nothing to do for this rule. Clients trust this certificate only "
                          "if it, or your CA, was installed on them; renew it before it "
                          "expires."),
                       browsers);
        return out;
    }

    const Step* step = stepFor(d.notBefore);
    if (!step)
        return out;
    const int limit = step->days;
    const ValidityPeriod period(d.notBefore, d.notAfter);
    if (!period.exceedsBaselineDays(limit))
        return out;

    const QString facts =
        tr("It is valid from %1 to %2: %3, which the CA/Browser Forum counts as %n days "
           "(notBefore through notAfter, both included).",
           nullptr, static_cast<int>(qMin<qint64>(period.baselineDays(), 1000000)))
            .arg(ValidityPeriod::gmt(d.notBefore), ValidityPeriod::gmt(d.notAfter),
                 period.describe());
    QString rule = tr("Publicly trusted certificates issued on or after %1 may be valid for at "
                      "most %2 days; a public CA must not issue a longer one, and clients that "
                      "enforce the limit refuse it.")
                       .arg(step->from.toString(Qt::ISODate))
                       .arg(limit);
    if (!period.exceedsDays(limit))
        rule += QLatin1Char(' ') +
                tr("Exactly %1 × 24 hours is one second too long, because the end second "
                   "counts too; that is why CAs issue %2-day certificates.")
                    .arg(limit)
                    .arg(limit - 1);
    // The replacement is issued now, under today's limit, not the old one's.
    const int limitNow = maxValidityDays(subject.now).value_or(limit);
    const QString fix = tr("Have it issued again: a public certificate issued today (%1) may be "
                           "valid for at most %2 days, so ask for %3 days or less. Plan for "
                           "shorter terms: public certificates issued from 2026-03-15 last at "
                           "most 200 days, from 2027-03-15 100 days, from 2029-03-15 47 days, "
                           "so renewal has to become routine (or automated).")
                            .arg(ValidityPeriod::gmtDate(subject.now))
                            .arg(limitNow)
                            .arg(limitNow - 1);

    if (trust.trust == TrustAssessment::Trust::Public) {
        out << finding(Severity::Error, QStringLiteral("cabf.validity"),
                       tr("The certificate is too long-lived for a public CA.") + QLatin1Char(' ') +
                           facts + QLatin1Char(' ') + rule,
                       fix, browsers);
    } else {
        out << finding(Severity::Warning, QStringLiteral("cabf.validity"),
                       tr("If this certificate chains to a public root (a commercial CA or "
                          "Let's Encrypt), it breaks the CA/Browser Forum limit.") +
                           QLatin1Char(' ') + facts + QLatin1Char(' ') + rule + QLatin1Char(' ') +
                           tr("If your own CA issued it, the rule does not apply."),
                       fix + QLatin1Char(' ') +
                           tr("If it comes from your own CA, say so (certdesk-cli check "
                              "--private) to settle this."),
                       browsers);
    }
    return out;
}

} // namespace certdesk::policy
