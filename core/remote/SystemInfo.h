#pragma once

#include <QJsonObject>
#include <QString>

namespace certdesk::remote {

// What the system says about itself.
struct SystemInfo
{
    QString model;
    QString softwareVersion;
    QString hostname;
    bool hasBooster = false;
    QString boosterAddress;
    int boosterPort = 0;
    QString activeTelephony; // name of the active certificate
    QString activeBooster;

    static SystemInfo fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

} // namespace certdesk::remote
