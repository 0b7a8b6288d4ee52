#include "app/cli/ValidityOptions.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ValidityOptions", text);
}
} // namespace

ValidityOptions::ValidityOptions(int defaultDays)
    : m_defaultDays(defaultDays)
    , m_serial(QStringLiteral("serial"),
               tr("Serial number of certificate, decimal (default: 159 random bits)."),
               QStringLiteral("N"))
    , m_notBefore(QStringLiteral("not-before"),
                  tr("Start time of validity period, GMT: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS "
                     "(default: now)."),
                  QStringLiteral("TIME"))
    , m_notAfter(QStringLiteral("not-after"),
                 tr("End time of validity period, GMT (default: start + --days)."),
                 QStringLiteral("TIME"))
    , m_days(QStringLiteral("days"),
             tr("Validity in days when --not-after is not given (default %1).").arg(defaultDays),
             QStringLiteral("DAYS"))
    , m_crlDp(QStringLiteral("crl-dp"),
              tr("CRL distribution point: URI:uri or DNS:name (optional)."),
              QStringLiteral("TYPE:VALUE"))
{
}

void ValidityOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption* o : {&m_serial, &m_notBefore, &m_notAfter, &m_days, &m_crlDp})
        parser.addOption(*o);
}

Result<QDateTime> ValidityOptions::parseGmt(const QString& text)
{
    QString t = text.trimmed();
    if (t.endsWith(QLatin1Char('Z')) || t.endsWith(QLatin1Char('z')))
        t.chop(1);
    t.replace(QLatin1Char(' '), QLatin1Char('T'));
    // Date and time are parsed apart and joined in UTC: parsing them together would go
    // through local time, where a daylight-saving gap makes some GMT times "invalid".
    QDateTime dt;
    const QDate date = QDate::fromString(t.left(10), Qt::ISODate);
    if (date.isValid() && t.size() == 10) {
        dt = QDateTime(date, QTime(0, 0), QTimeZone::utc());
    } else if (date.isValid() && t.size() > 11 && t.at(10) == QLatin1Char('T')) {
        const QString timePart = t.mid(11);
        QTime time = QTime::fromString(timePart, QStringLiteral("HH:mm:ss"));
        if (!time.isValid())
            time = QTime::fromString(timePart, QStringLiteral("HH:mm"));
        if (time.isValid())
            dt = QDateTime(date, time, QTimeZone::utc());
    }
    if (!dt.isValid())
        return Error::usage(tr("\"%1\" is not a time CertDesk understands. Write it in GMT as "
                               "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, e.g. 2026-01-31T00:00:00.")
                                .arg(text));
    return dt;
}

Status ValidityOptions::apply(const QCommandLineParser& parser, crypto::CertificateSpec& spec) const
{
    if (parser.isSet(m_serial)) {
        auto serial = crypto::SerialNumber::fromDecimal(parser.value(m_serial));
        if (!serial)
            return Error::usage(serial.error().message);
        spec.serial = *serial;
    }

    QDateTime start = QDateTime::currentDateTimeUtc();
    start.setTime(QTime(start.time().hour(), start.time().minute(), start.time().second()));
    if (parser.isSet(m_notBefore)) {
        auto parsed = parseGmt(parser.value(m_notBefore));
        if (!parsed)
            return parsed.error();
        start = *parsed;
    }
    if (parser.isSet(m_notAfter) && parser.isSet(m_days))
        return Error::usage(tr("Give either --not-after or --days, not both."));
    QDateTime end;
    if (parser.isSet(m_notAfter)) {
        auto parsed = parseGmt(parser.value(m_notAfter));
        if (!parsed)
            return parsed.error();
        end = *parsed;
    } else {
        int days = m_defaultDays;
        if (parser.isSet(m_days)) {
            bool ok = false;
            days = parser.value(m_days).toInt(&ok);
            if (!ok || days < 1 || days > 36500)
                return Error::usage(tr("--days takes a whole number of days from 1 to 36500."));
        }
        end = start.addDays(days);
    }
    spec.notBefore = start;
    spec.notAfter = end;

    if (parser.isSet(m_crlDp)) {
        auto dp = crypto::GeneralName::parse(parser.value(m_crlDp));
        if (!dp)
            return Error::usage(dp.error().message);
        spec.crlDistributionPoint = *dp;
    }
    if (Status s = spec.validate(); !s)
        return Error::usage(s.error().message);
    return {};
}

} // namespace certdesk::cli
