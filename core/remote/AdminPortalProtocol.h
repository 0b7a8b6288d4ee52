#pragma once

#include <QString>
#include <QUrl>

namespace certdesk::remote {

// The one table of the Admin Portal's HTTP interface, as CertDesk speaks it and as
// docs/admin-portal-protocol.md writes it down. Only the login (a Java servlet form login
// under /management/) is known from public sources; the certificate operations are not
// publicly documented, so every path, field and JSON key of them lives here and nowhere
// else: adapting CertDesk to a real firmware's requests means editing this table (and the
// protocol document), not the client. The simulator (tests/sim) serves the same table.
struct AdminPortalProtocol
{
    // ---- Login (servlet form login) ---------------------------------------------------
    // GET: answers the login page and sets the session cookie.
    static QString loginPagePath() { return QStringLiteral("/management/admin/"); }
    // POST, application/x-www-form-urlencoded: user and password fields. Success is a
    // redirect (302/303) back to the login page path, with a fresh session cookie.
    static QString loginPath() { return QStringLiteral("/management/admin/jsp/j_security_check"); }
    static QString userField() { return QStringLiteral("j_username"); }
    static QString passwordField() { return QStringLiteral("j_password"); }
    static QByteArray sessionCookie() { return QByteArrayLiteral("JSESSIONID"); }
    // "name@system": the portal's user names carry this suffix; added when missing.
    static QString userSuffix() { return QStringLiteral("@system"); }
    static QString logoutPath() { return QStringLiteral("/management/admin/logout"); }

    // ---- Certificate operations (CertDesk's assumption; see the protocol document) -------
    static QString apiBase() { return QStringLiteral("/management/admin/ssl/"); }
    static QString systemInfoPath() { return apiBase() + QStringLiteral("system"); }
    static QString certificatesPath() { return apiBase() + QStringLiteral("certificates"); }
    // GET (view) and DELETE on one certificate; the name is percent-encoded.
    static QString certificatePath(const QString& name)
    {
        return certificatesPath() + QLatin1Char('/') +
               QString::fromLatin1(QUrl::toPercentEncoding(name));
    }
    // POST, multipart/form-data.
    static QString importPkcs12Path() { return apiBase() + QStringLiteral("import/pkcs12"); }
    static QString importPemPath() { return apiBase() + QStringLiteral("import/pem"); }
    // POST, application/x-www-form-urlencoded.
    static QString activatePath() { return apiBase() + QStringLiteral("activate"); }

    // Form fields of the imports ("Name of the Certificate", "Passphrase for decryption",
    // the file inputs) and of the activation ("System" combo box).
    static QByteArray nameField() { return QByteArrayLiteral("name"); }
    static QByteArray passphraseField() { return QByteArrayLiteral("passphrase"); }
    static QByteArray pkcs12FileField() { return QByteArrayLiteral("file"); }
    static QByteArray certificateFileField() { return QByteArrayLiteral("certificate"); }
    static QByteArray keyFileField() { return QByteArrayLiteral("key"); }
    static QByteArray systemField() { return QByteArrayLiteral("system"); }
    static QString telephonySystem() { return QStringLiteral("telephony"); }
    static QString boosterSystem() { return QStringLiteral("booster"); }

    // JSON keys of the replies.
    static QString errorKey() { return QStringLiteral("error"); } // every error body
    static QString certificatesKey() { return QStringLiteral("certificates"); }
    static QString certNameKey() { return QStringLiteral("name"); }
    static QString certTypeKey() { return QStringLiteral("type"); }
    static QString certActiveForKey() { return QStringLiteral("activeFor"); }
    static QString certSha256Key() { return QStringLiteral("fingerprintSha256"); }
    static QString certSha1Key() { return QStringLiteral("fingerprintSha1"); }
    static QString certSubjectKey() { return QStringLiteral("subjectCommonName"); }
    static QString certIssuerKey() { return QStringLiteral("issuerCommonName"); }
    static QString certNotBeforeKey() { return QStringLiteral("notBefore"); }
    static QString certNotAfterKey() { return QStringLiteral("notAfter"); }
    static QString certDetailsKey() { return QStringLiteral("details"); }
    static QString modelKey() { return QStringLiteral("model"); }
    static QString softwareVersionKey() { return QStringLiteral("softwareVersion"); }
    static QString hostnameKey() { return QStringLiteral("hostname"); }
    static QString boosterKey() { return QStringLiteral("booster"); } // object or null
    static QString boosterAddressKey() { return QStringLiteral("address"); }
    static QString boosterPortKey() { return QStringLiteral("port"); }
    static QString activeKey() { return QStringLiteral("active"); } // {"telephony": name, …}
    static QString restartSecondsKey() { return QStringLiteral("restartSeconds"); }

    // Status codes with a meaning beyond "success" / "error body".
    static constexpr int loginFailedStatus = 401; // wrong user name or password
    static constexpr int lockedOutStatus = 423;   // too many failed logins
    static constexpr int notLoggedInStatus = 401; // API call without a valid session
    static constexpr int activationAcceptedStatus = 202;
};

} // namespace certdesk::remote
