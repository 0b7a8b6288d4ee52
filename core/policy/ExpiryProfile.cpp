#include "core/policy/ExpiryProfile.h"

#include "core/policy/CheckSubject.h"
#include "core/policy/ValidityPeriod.h"

namespace certdesk::policy {

namespace {

constexpr qint64 day = ValidityPeriod::secondsPerDay;

int clampDays(qint64 days)
{
    return static_cast<int>(qBound(qint64(0), days, qint64(1000000)));
}

// "in 5 days" / "in less than a day"
QString inDays(qint64 seconds)
{
    if (seconds < day)
        return ExpiryProfile::tr("in less than a day");
    if (seconds < 2 * day)
        return ExpiryProfile::tr("in 1 day");
    return ExpiryProfile::tr("in %n days", nullptr, clampDays(seconds / day));
}

// "5 days ago" / "less than a day ago"
QString daysAgo(qint64 seconds)
{
    if (seconds < day)
        return ExpiryProfile::tr("less than a day ago");
    if (seconds < 2 * day)
        return ExpiryProfile::tr("1 day ago");
    return ExpiryProfile::tr("%n days ago", nullptr, clampDays(seconds / day));
}

QString caName(const crypto::CertificateDetails& d)
{
    return d.subject.commonName.isEmpty() ? d.subject.toString() : d.subject.commonName;
}

} // namespace

QDate ExpiryProfile::legacyDefaultExpiry()
{
    return QDate(2024, 1, 1);
}

QString ExpiryProfile::id() const
{
    return QStringLiteral("expiry");
}

QString ExpiryProfile::title() const
{
    return tr("Expiry: valid now, and for long enough");
}

QString ExpiryProfile::reference() const
{
    return tr("RFC 5280 §4.1.2.5 (validity); OpenScape Business V3 SSL whitepaper §1.3, §1.4 "
              "and §4.1");
}

QList<Finding> ExpiryProfile::check(const CheckSubject& subject) const
{
    const crypto::CertificateDetails d = subject.details();
    const QDateTime now = subject.now.toUTC();
    const QString clients = tr("every client of the PBX: the browser on the Admin Portal, "
                               "myPortal @work, myPortal to go, Application Launcher, "
                               "myContacts and myPortal for Teams");
    const QString renew = tr("Renew it now: request a new certificate (Generate CSR, or "
                             "certdesk-cli csr), have the CA issue it, then import and activate "
                             "it. Activation restarts the PBX's web server for 2–3 minutes, so "
                             "pick a quiet moment.");
    const qint64 left = now.secsTo(d.notAfter); // RFC 5280: valid through notAfter inclusive
    const QString end = ValidityPeriod::gmt(d.notAfter);
    QList<Finding> out;

    const bool legacyDefault =
        d.notAfter.toUTC().date() == legacyDefaultExpiry() && subject.certificate.isSelfSigned();

    if (now < d.notBefore) {
        const QString start = ValidityPeriod::gmt(d.notBefore);
        out << finding(Severity::Error, QStringLiteral("expiry.not-yet-valid"),
                       tr("The certificate is not valid yet: its validity starts on %1 (%2). "
                          "Clients refuse it until then.")
                           .arg(start, inDays(now.secsTo(d.notBefore))),
                       tr("Check the clocks of the PBX and of this computer. If the start time "
                          "is wrong, issue the certificate again starting now; otherwise "
                          "activate it only after %1.")
                           .arg(start),
                       clients);
    } else if (legacyDefault) {
        // Error once expired or within 7 days; before that a warning, as it must go anyway.
        Severity severity = Severity::Error;
        QString status;
        if (left < 0) {
            status = tr("It expired on %1 (%2); clients refuse the connection or call it "
                        "insecure.")
                         .arg(end, daysAgo(-left));
        } else {
            severity = left <= errorDays * day ? Severity::Error : Severity::Warning;
            status = tr("It expires on %1 (%2).").arg(end, inDays(left));
        }
        out << finding(severity, QStringLiteral("expiry.osbiz-legacy-default"),
                       tr("This looks like the temporary self-signed default certificate of an "
                          "OpenScape Business first set up with a release before V3R2.1: "
                          "those all expire on 1 January 2024.") +
                           QLatin1Char(' ') + status + QLatin1Char(' ') +
                           tr("Being self-signed, it never proved the PBX's identity to "
                              "anyone anyway."),
                       tr("Replace it with a certificate from a CA: Generate CSR, have the CA "
                          "sign it, import and activate it (whitepaper §3). As a stop-gap, "
                          "generate a new temporary self-signed certificate valid for at most "
                          "one year (Expert Mode → Telephony Server → Security → SSL → "
                          "Certificate Generation → Generate Self-Signed Certificate, or "
                          "certdesk-cli self-signed) and activate it (whitepaper §4.1)."),
                       clients);
    } else if (left < 0) {
        out << finding(Severity::Error, QStringLiteral("expiry.expired"),
                       tr("The certificate expired on %1 (%2). Clients refuse the connection or "
                          "show the PBX as insecure.")
                           .arg(end, daysAgo(-left)),
                       renew, clients);
    } else if (left <= errorDays * day) {
        out << finding(Severity::Error, QStringLiteral("expiry.within-7-days"),
                       tr("The certificate expires on %1, %2. After that clients refuse the "
                          "connection or show the PBX as insecure.")
                           .arg(end, inDays(left)),
                       renew, clients);
    } else if (left <= warningDays * day) {
        out << finding(Severity::Warning, QStringLiteral("expiry.within-30-days"),
                       tr("The certificate expires on %1, %2. After that clients refuse the "
                          "connection or show the PBX as insecure.")
                           .arg(end, inDays(left)),
                       renew, clients);
    }

    for (const crypto::Certificate& ca : subject.chain) {
        if (ca.isNull())
            continue;
        const crypto::CertificateDetails cd = crypto::CertificateDetails::of(ca, now);
        const qint64 caLeft = now.secsTo(cd.notAfter);
        const QString caFix = tr("Get the CA's current certificate (your CA offers it for "
                                 "download) and bundle the server certificate with it; for your "
                                 "own CA, renew the CA certificate and install it on the "
                                 "clients again.");
        if (now < cd.notBefore) {
            out << finding(Severity::Error, QStringLiteral("expiry.chain-not-yet-valid"),
                           tr("The issuing CA certificate \"%1\" is not valid until %2, so "
                              "clients cannot build a chain to a trusted root yet.")
                               .arg(caName(cd), ValidityPeriod::gmt(cd.notBefore)),
                           caFix, clients);
        } else if (caLeft < 0) {
            out << finding(Severity::Error, QStringLiteral("expiry.chain-expired"),
                           tr("The issuing CA certificate \"%1\" expired on %2 (%3), so "
                              "clients refuse the server certificate too.")
                               .arg(caName(cd), ValidityPeriod::gmt(cd.notAfter), daysAgo(-caLeft)),
                           caFix, clients);
        } else if (caLeft <= warningDays * day) {
            out << finding(Severity::Warning, QStringLiteral("expiry.chain-expires-soon"),
                           tr("The issuing CA certificate \"%1\" expires on %2, %3; then "
                              "clients refuse the server certificate too.")
                               .arg(caName(cd), ValidityPeriod::gmt(cd.notAfter), inDays(caLeft)),
                           caFix, clients);
        }
    }
    return out;
}

} // namespace certdesk::policy
