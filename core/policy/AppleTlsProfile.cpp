#include "core/policy/AppleTlsProfile.h"

#include "core/crypto/GeneralName.h"
#include "core/policy/CheckSubject.h"
#include "core/policy/SignatureHash.h"
#include "core/policy/TrustAssessment.h"
#include "core/policy/ValidityPeriod.h"

#include <QHostAddress>
#include <QStringList>
#include <QTimeZone>

namespace certdesk::policy {

namespace {

const QLatin1String serverAuthEku("TLS Web Server Authentication");

// What to suggest as the SAN: the CN when it is a host name, else a placeholder.
QString sanSuggestion(const QString& commonName)
{
    const QString cn = commonName.trimmed();
    if (!cn.isEmpty() && !QHostAddress(cn).isNull())
        return AppleTlsProfile::tr("--san DNS:<the PBX's name> --san IP:%1").arg(cn);
    if (cn.contains(QLatin1Char('.')) && !cn.contains(QLatin1Char(' ')))
        return QStringLiteral("--san DNS:%1").arg(cn);
    return AppleTlsProfile::tr("--san DNS:<the PBX's name>");
}

QString nameList(const QList<crypto::GeneralName>& names)
{
    QStringList out;
    for (const crypto::GeneralName& n : names)
        out << n.toString();
    return out.join(QLatin1String(", "));
}

QString caName(const crypto::CertificateDetails& d)
{
    if (!d.subject.commonName.isEmpty())
        return d.subject.commonName;
    return d.subject.toString();
}

} // namespace

QDateTime AppleTlsProfile::strictRulesFrom()
{
    return QDateTime(QDate(2019, 7, 1), QTime(0, 0), QTimeZone::utc());
}

QDateTime AppleTlsProfile::publicLimitFrom()
{
    return QDateTime(QDate(2020, 9, 1), QTime(0, 0), QTimeZone::utc());
}

QString AppleTlsProfile::id() const
{
    return QStringLiteral("apple-tls");
}

QString AppleTlsProfile::title() const
{
    return tr("Apple devices: iOS 13 / macOS 10.15 TLS certificate requirements");
}

QString AppleTlsProfile::reference() const
{
    return tr("Apple: Requirements for trusted certificates in iOS 13 and macOS 10.15 "
              "(https://support.apple.com/en-us/103769); About upcoming limits on trusted "
              "certificates (https://support.apple.com/en-us/102028)");
}

QList<Finding> AppleTlsProfile::check(const CheckSubject& subject) const
{
    const crypto::CertificateDetails d = subject.details();
    const QString apple = tr("iPhones, iPads and Macs (iOS 13, macOS 10.15 and later) running "
                             "myPortal to go, Safari or any other app");
    QList<Finding> out;

    // The server's name must be in the SAN; the CN is not looked at.
    QList<crypto::GeneralName> dns;
    QList<crypto::GeneralName> ips;
    for (const crypto::GeneralName& n : d.subjectAltNames) {
        if (n.kind == crypto::GeneralName::Kind::Dns)
            dns << n;
        else if (n.kind == crypto::GeneralName::Kind::Ip)
            ips << n;
    }
    if (dns.isEmpty()) {
        const QString cn = d.subject.commonName;
        // Appended to the message as a sentence of its own when there is a CN.
        const QString cnIgnored =
            cn.isEmpty()
                ? QString()
                : QLatin1Char(' ') + tr("The Common Name (CN = %1) does not count: Apple devices "
                                        "ignore it.")
                                         .arg(cn);
        const QString fix = tr("Issue the certificate again with the name clients use to reach "
                               "the PBX as a DNS Name under Subject Alternative Name (Admin "
                               "Portal: Subject Alternative Name Extension = DNS Name; "
                               "certdesk-cli: %1).")
                                .arg(sanSuggestion(cn));
        if (!ips.isEmpty()) {
            out << finding(Severity::Warning, QStringLiteral("apple.san-dns"),
                           tr("The Subject Alternative Name lists only IP addresses (%1), no DNS "
                              "name. Apple devices accept the certificate only when they "
                              "connect to exactly that address; connecting by name fails.")
                                   .arg(nameList(ips)) +
                               cnIgnored,
                           fix, apple);
        } else if (d.subjectAltNames.isEmpty()) {
            out << finding(Severity::Error, QStringLiteral("apple.san-dns"),
                           tr("The certificate has no Subject Alternative Name (SAN). Apple "
                              "devices accept only server names listed in the SAN, so they "
                              "refuse this certificate.") +
                               cnIgnored,
                           fix, apple);
        } else {
            out << finding(Severity::Error, QStringLiteral("apple.san-dns"),
                           tr("The Subject Alternative Name (%1) contains no DNS name. Apple "
                              "devices accept only server names listed there as DNS names, so "
                              "they refuse this certificate.")
                                   .arg(nameList(d.subjectAltNames)) +
                               cnIgnored,
                           fix, apple);
        }
    }

    const bool strict = d.notBefore >= strictRulesFrom();
    if (strict && !d.extendedKeyUsage.contains(serverAuthEku)) {
        const QString what =
            d.extendedKeyUsage.isEmpty()
                ? tr("The certificate has no Extended Key Usage extension.")
                : tr("The certificate's Extended Key Usage (%1) does not include TLS Web Server "
                     "Authentication.")
                      .arg(d.extendedKeyUsage.join(QLatin1String(", ")));
        out << finding(Severity::Error, QStringLiteral("apple.server-auth-eku"),
                       what + QLatin1Char(' ') +
                           tr("Apple devices require certificates issued from 1 July 2019 "
                              "on to name TLS Web Server Authentication (id-kp-serverAuth) "
                              "there."),
                       tr("Have it issued again as a TLS server certificate: choose the web "
                          "server / TLS server template at your CA. CSRs, self-signed and "
                          "issued certificates made by certdesk-cli carry serverAuth."),
                       apple);
    }

    const SignatureHash hash = SignatureHash::of(d);
    if (hash.isBroken()) {
        out << finding(Severity::Error, QStringLiteral("apple.signature-hash"),
                       tr("The certificate is signed with %1. Apple devices no longer trust "
                          "SHA-1 (or older) signatures for TLS; they require a SHA-2 hash.")
                           .arg(d.signatureAlgorithm),
                       tr("Have it issued again with a SHA-2 signature: sha256RSA (what the "
                          "PBX accepts too)."),
                       apple);
    } else if (!hash.isSha2()) {
        out << finding(Severity::Warning, QStringLiteral("apple.signature-hash"),
                       tr("CertDesk cannot tell whether the signature algorithm %1 uses a SHA-2 "
                          "hash, which Apple devices require.")
                           .arg(d.signatureAlgorithm),
                       tr("Ask the CA which hash it used, or have it issued again with "
                          "sha256RSA."),
                       apple);
    }

    if (d.publicKeyAlgorithm == QLatin1String("RSA") && d.publicKeyLength < minRsaBits) {
        out << finding(Severity::Error, QStringLiteral("apple.rsa-key-size"),
                       tr("The certificate's RSA key is %1 bits long. Apple devices refuse RSA "
                          "keys shorter than 2048 bits.")
                           .arg(d.publicKeyLength),
                       tr("Generate a new CSR with a 2048-bit RSA key (the length the PBX "
                          "needs) and have the certificate issued again."),
                       apple);
    }

    const ValidityPeriod period(d.notBefore, d.notAfter);
    const QString span = tr("%1 (%2 to %3)")
                             .arg(period.describe(), ValidityPeriod::gmt(d.notBefore),
                                  ValidityPeriod::gmt(d.notAfter));
    if (strict && period.exceedsDays(maxValidityDays)) {
        out << finding(Severity::Error, QStringLiteral("apple.validity-825"),
                       tr("The certificate is valid for %1. Apple devices refuse TLS "
                          "certificates issued from 1 July 2019 on that are valid for more than "
                          "825 days, whoever issued them, even your own CA or the PBX itself.")
                           .arg(span),
                       tr("Issue it again valid for at most 825 days (at most 398 days if it "
                          "comes from a public CA); one year keeps it within every client's "
                          "limit."),
                       apple);
    } else if (d.notBefore >= publicLimitFrom() && period.exceedsDays(maxPublicValidityDays)) {
        const TrustAssessment trust = TrustAssessment::of(subject);
        const QString fix = tr("Have it issued again valid for at most 398 days (public CAs "
                               "issue 397 days or less).");
        if (trust.trust == TrustAssessment::Trust::Public) {
            out << finding(Severity::Error, QStringLiteral("apple.validity-398"),
                           tr("The certificate is valid for %1. Apple devices refuse publicly "
                              "trusted certificates issued on or after 1 September 2020 that "
                              "are valid for more than 398 days.")
                               .arg(span),
                           fix, apple);
        } else if (trust.trust == TrustAssessment::Trust::Unknown) {
            out << finding(Severity::Warning, QStringLiteral("apple.validity-398"),
                           tr("If this certificate chains to a public root (a commercial CA or "
                              "Let's Encrypt), Apple devices refuse it: it is valid for %1, and "
                              "publicly trusted certificates issued on or after 1 September "
                              "2020 may be valid for at most 398 days. If your own CA issued "
                              "it and its root was installed on the devices, the limit is 825 "
                              "days and the certificate is fine.")
                               .arg(span),
                           fix + QLatin1Char(' ') +
                               tr("If it comes from your own CA, say so (certdesk-cli check "
                                  "--private) to settle this."),
                           apple);
        }
        // Private: the 825-day limit above is the one that applies.
    }

    for (const crypto::Certificate& ca : subject.chain) {
        if (ca.isNull())
            continue;
        const crypto::CertificateDetails cd = crypto::CertificateDetails::of(ca, subject.now);
        // A root's own signature is never checked; an intermediate's is.
        if (!ca.isSelfSigned() && SignatureHash::of(cd).isBroken()) {
            out << finding(Severity::Error, QStringLiteral("apple.chain-signature-hash"),
                           tr("The issuing CA certificate \"%1\" is signed with %2. Apple "
                              "devices refuse chains with SHA-1 (or older) signatures.")
                               .arg(caName(cd), cd.signatureAlgorithm),
                           tr("Use the CA's current intermediate certificate (SHA-256); your CA "
                              "offers it for download."),
                           apple);
        }
        if (cd.publicKeyAlgorithm == QLatin1String("RSA") && cd.publicKeyLength < minRsaBits) {
            out << finding(Severity::Error, QStringLiteral("apple.chain-rsa-key-size"),
                           tr("The CA certificate \"%1\" has an RSA key of %2 bits. Apple "
                              "devices refuse chains with RSA keys shorter than 2048 bits.")
                               .arg(caName(cd))
                               .arg(cd.publicKeyLength),
                           tr("Use a CA with an RSA key of at least 2048 bits; for your own "
                              "CA, create a new one (certdesk-cli ca) and issue the server "
                              "certificate again."),
                           apple);
        }
    }
    return out;
}

} // namespace certdesk::policy
