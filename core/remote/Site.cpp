#include "core/remote/Site.h"

#include "core/remote/AdminPortalProtocol.h"
#include "core/secrets/SecretStore.h"

#include <QHostAddress>
#include <QJsonArray>

namespace certdesk::remote {

QString Site::portalUser() const
{
    const QString u = user.trimmed();
    return u.contains(QLatin1Char('@')) ? u : u + AdminPortalProtocol::userSuffix();
}

QString Site::passwordKey() const
{
    return credential.isEmpty() ? secrets::SecretStore::sitePasswordKey(name)
                                : secrets::SecretStore::credentialPasswordKey(credential);
}

QString Site::missingPasswordMessage() const
{
    if (!credential.isEmpty())
        return tr("The keychain holds no password for the shared credential \"%1\" of the site "
                  "\"%2\": set it again (certdesk-cli credential add %1 --user USER "
                  "--password-file FILE --force).")
            .arg(credential, name);
    return tr("The keychain holds no password for the site \"%1\": add the site again with "
              "--password-file, or edit it on the Sites page and enter the password.")
        .arg(name);
}

bool Site::isSystem(const QString& system)
{
    return system == AdminPortalProtocol::telephonySystem() ||
           system == AdminPortalProtocol::boosterSystem();
}

QString Site::hostFor(const QString& system) const
{
    return system == AdminPortalProtocol::boosterSystem() ? boosterAddress() : host;
}

quint16 Site::portFor(const QString& system) const
{
    return system == AdminPortalProtocol::boosterSystem() ? boosterPort.value_or(0) : port;
}

CertificatePin& Site::pinFor(const QString& system)
{
    return system == AdminPortalProtocol::boosterSystem() ? boosterPin : pin;
}

const CertificatePin& Site::pinFor(const QString& system) const
{
    return system == AdminPortalProtocol::boosterSystem() ? boosterPin : pin;
}

CertificatePin& Site::pendingPinFor(const QString& system)
{
    return system == AdminPortalProtocol::boosterSystem() ? pendingBoosterPin : pendingPin;
}

const CertificatePin& Site::pendingPinFor(const QString& system) const
{
    return system == AdminPortalProtocol::boosterSystem() ? pendingBoosterPin : pendingPin;
}

Status Site::checkName(const QString& name)
{
    if (name.isEmpty() || name.size() > 64)
        return Error::usage(tr("A site name has 1 to 64 characters."));
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') ||
            c == QLatin1Char('.'))
            continue;
        return Error::usage(
            tr("The site name \"%1\" may contain letters, digits, '-', '_' and '.' only.")
                .arg(name));
    }
    return {};
}

namespace {
Status checkHost(const QString& host, const QString& what)
{
    if (host.isEmpty())
        return Error::usage(
            QCoreApplication::translate("Site", "Give the %1 host name or IP address.").arg(what));
    if (!QHostAddress(host).isNull())
        return {};
    for (const QChar c : host) {
        if (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('.'))
            continue;
        return Error::usage(
            QCoreApplication::translate("Site", "\"%1\" is not a host name or IP address.")
                .arg(host));
    }
    return {};
}
} // namespace

Status Site::validate() const
{
    if (Status s = checkName(name); !s)
        return s;
    if (Status s = checkHost(host, tr("telephony server's")); !s)
        return s;
    if (port == 0)
        return Error::usage(tr("The port must be between 1 and 65535."));
    if (!boosterHost.isEmpty()) {
        if (Status s = checkHost(boosterHost, tr("UC Booster Server's")); !s)
            return s;
    }
    if (boosterPort && *boosterPort == 0)
        return Error::usage(tr("The Booster port must be between 1 and 65535."));
    if (!boosterHost.isEmpty() && !boosterPort)
        return Error::usage(tr("A Booster host needs a Booster port (--booster-port)."));
    if (!credential.isEmpty()) {
        if (Status s = checkName(credential); !s)
            return Error::usage(tr("The credential name: %1").arg(s.error().message));
    }
    // A site on a shared credential takes the credential's user (SiteRegistry fills it in).
    if (credential.isEmpty() && user.trimmed().isEmpty())
        return Error::usage(tr("Give the Admin Portal user name (for example administrator)."));
    return {};
}

QJsonObject Site::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("host"), host},
                  {QStringLiteral("port"), port},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("pkcs12Format"), crypto::pkcs12FormatName(pkcs12Format)}};
    if (boosterPort) {
        o.insert(QStringLiteral("boosterPort"), *boosterPort);
        if (!boosterHost.isEmpty())
            o.insert(QStringLiteral("boosterHost"), boosterHost);
    }
    const auto put = [&o](const char* key, const CertificatePin& p) {
        if (!p.isNull())
            o.insert(QLatin1String(key), p.toJson());
    };
    put("pin", pin);
    put("boosterPin", boosterPin);
    put("pendingPin", pendingPin);
    put("pendingBoosterPin", pendingBoosterPin);
    if (!tags.isEmpty())
        o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    if (!credential.isEmpty())
        o.insert(QStringLiteral("credential"), credential);
    return o;
}

Result<Site> Site::fromJson(const QJsonObject& json)
{
    Site s;
    s.name = json.value(QStringLiteral("name")).toString();
    s.host = json.value(QStringLiteral("host")).toString();
    const int port = json.value(QStringLiteral("port")).toInt(443);
    s.user = json.value(QStringLiteral("user")).toString();
    s.boosterHost = json.value(QStringLiteral("boosterHost")).toString();
    s.credential = json.value(QStringLiteral("credential")).toString().trimmed();
    if (port < 1 || port > 65535)
        return Error::failure(tr("The site \"%1\" has an invalid port.").arg(s.name));
    s.port = static_cast<quint16>(port);
    if (json.contains(QStringLiteral("boosterPort"))) {
        const int bp = json.value(QStringLiteral("boosterPort")).toInt();
        if (bp < 1 || bp > 65535)
            return Error::failure(tr("The site \"%1\" has an invalid Booster port.").arg(s.name));
        s.boosterPort = static_cast<quint16>(bp);
    }
    const auto format =
        crypto::parsePkcs12Format(json.value(QStringLiteral("pkcs12Format")).toString());
    if (format)
        s.pkcs12Format = *format;
    for (const QJsonValue& tag : json.value(QStringLiteral("tags")).toArray()) {
        if (tag.isString() && !tag.toString().trimmed().isEmpty())
            s.tags.append(tag.toString().trimmed());
    }
    const auto get = [&json](const char* key, CertificatePin& target) {
        const QJsonValue v = json.value(QLatin1String(key));
        if (!v.isObject())
            return true;
        const auto p = CertificatePin::fromJson(v.toObject());
        if (!p)
            return false;
        target = *p;
        return true;
    };
    if (!get("pin", s.pin) || !get("boosterPin", s.boosterPin) ||
        !get("pendingPin", s.pendingPin) || !get("pendingBoosterPin", s.pendingBoosterPin))
        return Error::failure(tr("The site \"%1\" has a damaged pin.").arg(s.name));
    if (Status v = s.validate(); !v)
        return Error::failure(v.error().message);
    return s;
}

} // namespace certdesk::remote
