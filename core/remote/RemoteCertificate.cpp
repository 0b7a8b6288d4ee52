#include "core/remote/RemoteCertificate.h"

#include "core/remote/AdminPortalProtocol.h"

#include <QJsonArray>

namespace certdesk::remote {

using P = AdminPortalProtocol;

RemoteCertificate RemoteCertificate::fromJson(const QJsonObject& json)
{
    RemoteCertificate c;
    c.name = json.value(P::certNameKey()).toString();
    c.type = json.value(P::certTypeKey()).toString();
    for (const QJsonValue& v : json.value(P::certActiveForKey()).toArray())
        c.activeFor << v.toString();
    c.fingerprintSha256 = json.value(P::certSha256Key()).toString().toUpper();
    c.fingerprintSha1 = json.value(P::certSha1Key()).toString().toUpper();
    c.subjectCommonName = json.value(P::certSubjectKey()).toString();
    c.issuerCommonName = json.value(P::certIssuerKey()).toString();
    c.notBefore = QDateTime::fromString(json.value(P::certNotBeforeKey()).toString(), Qt::ISODate);
    c.notAfter = QDateTime::fromString(json.value(P::certNotAfterKey()).toString(), Qt::ISODate);
    c.details = json.value(P::certDetailsKey()).toObject();
    return c;
}

QJsonObject RemoteCertificate::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("activeFor"), QJsonArray::fromStringList(activeFor)},
                  {QStringLiteral("fingerprintSha256"), fingerprintSha256},
                  {QStringLiteral("fingerprintSha1"), fingerprintSha1},
                  {QStringLiteral("subjectCommonName"), subjectCommonName},
                  {QStringLiteral("issuerCommonName"), issuerCommonName},
                  {QStringLiteral("notBefore"), notBefore.toString(Qt::ISODate)},
                  {QStringLiteral("notAfter"), notAfter.toString(Qt::ISODate)}};
    if (!details.isEmpty())
        o.insert(QStringLiteral("details"), details);
    return o;
}

} // namespace certdesk::remote
