#include "core/remote/SharedCredential.h"

#include "core/remote/Site.h"

namespace certdesk::remote {

Status SharedCredential::validate() const
{
    // Same rules as a site name: it becomes part of a keychain entry's name.
    if (Status s = Site::checkName(name); !s)
        return Error::usage(tr("The credential name: %1").arg(s.error().message));
    if (user.trimmed().isEmpty())
        return Error::usage(tr("Give the Admin Portal user name of the credential \"%1\" (for "
                               "example administrator).")
                                .arg(name));
    return {};
}

QJsonObject SharedCredential::toJson() const
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("user"), user}};
}

Result<SharedCredential> SharedCredential::fromJson(const QJsonObject& json)
{
    SharedCredential c;
    c.name = json.value(QStringLiteral("name")).toString();
    c.user = json.value(QStringLiteral("user")).toString();
    if (Status s = c.validate(); !s)
        return s.error();
    return c;
}

} // namespace certdesk::remote
