#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace certdesk::remote {

// One entry of a system's "Server Certificates" list.
struct RemoteCertificate
{
    QString name;
    QString type;
    QStringList activeFor;     // "telephony", "booster"
    QString fingerprintSha256; // "AB:CD:…"
    QString fingerprintSha1;
    QString subjectCommonName;
    QString issuerCommonName;
    QDateTime notBefore;
    QDateTime notAfter;
    QJsonObject details; // View Certificate, when fetched

    static RemoteCertificate fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
};

} // namespace certdesk::remote
