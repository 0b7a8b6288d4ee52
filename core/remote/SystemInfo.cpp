#include "core/remote/SystemInfo.h"

#include "core/remote/AdminPortalProtocol.h"

namespace certdesk::remote {

using P = AdminPortalProtocol;

SystemInfo SystemInfo::fromJson(const QJsonObject& json)
{
    SystemInfo s;
    s.model = json.value(P::modelKey()).toString();
    s.softwareVersion = json.value(P::softwareVersionKey()).toString();
    s.hostname = json.value(P::hostnameKey()).toString();
    const QJsonValue booster = json.value(P::boosterKey());
    s.hasBooster = booster.isObject();
    s.boosterAddress = booster.toObject().value(P::boosterAddressKey()).toString();
    s.boosterPort = booster.toObject().value(P::boosterPortKey()).toInt();
    const QJsonObject active = json.value(P::activeKey()).toObject();
    s.activeTelephony = active.value(P::telephonySystem()).toString();
    s.activeBooster = active.value(P::boosterSystem()).toString();
    return s;
}

QJsonObject SystemInfo::toJson() const
{
    QJsonObject o{{QStringLiteral("model"), model},
                  {QStringLiteral("softwareVersion"), softwareVersion},
                  {QStringLiteral("hostname"), hostname},
                  {QStringLiteral("booster"), hasBooster},
                  {QStringLiteral("activeTelephony"), activeTelephony}};
    if (hasBooster) {
        o.insert(QStringLiteral("boosterAddress"), boosterAddress);
        o.insert(QStringLiteral("boosterPort"), boosterPort);
        o.insert(QStringLiteral("activeBooster"), activeBooster);
    }
    return o;
}

} // namespace certdesk::remote
