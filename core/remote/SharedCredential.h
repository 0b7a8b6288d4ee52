#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace certdesk::remote {

// One Admin Portal login used by a group of sites (a customer's or a region's systems), so the
// technician enters the password once and each site refers to it by name. The password lives
// in the keychain under SecretStore::credentialPasswordKey(name); here are only the name and
// the user name.
struct SharedCredential
{
    Q_DECLARE_TR_FUNCTIONS(SharedCredential)

public:
    QString name;
    QString user;

    Status validate() const;
    QJsonObject toJson() const;
    static Result<SharedCredential> fromJson(const QJsonObject& json);
};

} // namespace certdesk::remote
