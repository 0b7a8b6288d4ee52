#pragma once

#include "core/Result.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/remote/CertificatePin.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace certdesk::remote {

// One OpenScape Business system a technician looks after: where its Admin Portal answers,
// optionally where its UC Booster Server answers, who logs in, and which certificates its
// listeners must present. The password is not here: it lives in the keychain under
// passwordKey() - the site's own entry, or that of the shared credential it names.
struct Site
{
    Q_DECLARE_TR_FUNCTIONS(Site)

public:
    QString name;
    QString host;
    quint16 port = 443;
    QString boosterHost;                // empty: the same host as the telephony server
    std::optional<quint16> boosterPort; // no value: no UC Booster Server
    QString user;
    CertificatePin pin;        // the telephony server's listener (the Admin Portal)
    CertificatePin boosterPin; // the Booster's listener
    // Activated but not yet proven by a handshake (activate without --wait): the next
    // `site test` that sees exactly this certificate moves the pin to it.
    CertificatePin pendingPin;
    CertificatePin pendingBoosterPin;
    crypto::Pkcs12Format pkcs12Format = crypto::Pkcs12Format::Compat;
    QStringList tags; // groups for bulk work: customer, region … (JSON "tags")
    // The name of a SharedCredential (one user and password for a group of sites); empty: the
    // site has its own password. SiteRegistry fills `user` from the credential.
    QString credential;

    bool hasBooster() const { return boosterPort.has_value(); }
    QString boosterAddress() const { return boosterHost.isEmpty() ? host : boosterHost; }
    // "administrator" -> "administrator@system", as the Admin Portal's user names read.
    QString portalUser() const;
    // Where the keychain holds the password: SecretStore::credentialPasswordKey(credential) or
    // SecretStore::sitePasswordKey(name).
    QString passwordKey() const;
    // "The keychain holds no password for …" with what to do, for this site or its credential.
    QString missingPasswordMessage() const;

    // "telephony" or "booster": the listener's host, port and pins.
    QString hostFor(const QString& system) const;
    quint16 portFor(const QString& system) const;
    CertificatePin& pinFor(const QString& system);
    const CertificatePin& pinFor(const QString& system) const;
    CertificatePin& pendingPinFor(const QString& system);
    const CertificatePin& pendingPinFor(const QString& system) const;
    static bool isSystem(const QString& system);

    static Status checkName(const QString& name);
    Status validate() const;
    QJsonObject toJson() const;
    static Result<Site> fromJson(const QJsonObject& json);
};

} // namespace certdesk::remote
