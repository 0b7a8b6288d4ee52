#include "core/policy/ProfileSet.h"

#include "core/policy/AppleTlsProfile.h"
#include "core/policy/CabForumProfile.h"
#include "core/policy/CheckSubject.h"
#include "core/policy/ExpiryProfile.h"
#include "core/policy/OsbizV3Profile.h"

namespace certdesk::policy {

namespace {

const QLatin1String defaultAlias("default");
const QLatin1String allAlias("all");

} // namespace

QStringList ProfileSet::availableIds()
{
    return {QStringLiteral("osbiz-v3"), QStringLiteral("apple-tls"), QStringLiteral("cabf-2026"),
            QStringLiteral("expiry")};
}

QStringList ProfileSet::defaultIds()
{
    return {QStringLiteral("osbiz-v3"), QStringLiteral("expiry")};
}

std::shared_ptr<const ComplianceProfile> ProfileSet::create(const QString& id)
{
    if (id == QLatin1String("osbiz-v3"))
        return std::make_shared<OsbizV3Profile>();
    if (id == QLatin1String("apple-tls"))
        return std::make_shared<AppleTlsProfile>();
    if (id == QLatin1String("cabf-2026"))
        return std::make_shared<CabForumProfile>();
    if (id == QLatin1String("expiry"))
        return std::make_shared<ExpiryProfile>();
    return nullptr;
}

void ProfileSet::add(const QString& id)
{
    if (ids().contains(id))
        return;
    if (auto profile = create(id))
        m_profiles << std::move(profile);
}

Result<ProfileSet> ProfileSet::parse(const QString& names)
{
    const QString valid = availableIds().join(QLatin1String(", "));
    const QString hint =
        tr("Valid profiles: %1; \"%2\" (= %3) or \"%4\".")
            .arg(valid, defaultAlias, defaultIds().join(QLatin1Char(',')), allAlias);
    ProfileSet set;
    const QStringList parts = names.split(QLatin1Char(','));
    for (const QString& part : parts) {
        const QString name = part.trimmed().toLower();
        if (name.isEmpty())
            continue;
        if (name == defaultAlias) {
            for (const QString& id : defaultIds())
                set.add(id);
        } else if (name == allAlias) {
            for (const QString& id : availableIds())
                set.add(id);
        } else if (availableIds().contains(name)) {
            set.add(name);
        } else {
            return Error::usage(
                tr("Unknown compliance profile \"%1\". %2").arg(part.trimmed(), hint));
        }
    }
    if (set.isEmpty())
        return Error::usage(tr("No compliance profile given. %1").arg(hint));
    return set;
}

ProfileSet ProfileSet::defaults()
{
    ProfileSet set;
    for (const QString& id : defaultIds())
        set.add(id);
    return set;
}

ProfileSet ProfileSet::all()
{
    ProfileSet set;
    for (const QString& id : availableIds())
        set.add(id);
    return set;
}

QStringList ProfileSet::ids() const
{
    QStringList out;
    for (const auto& p : m_profiles)
        out << p->id();
    return out;
}

ComplianceReport ProfileSet::check(const CheckSubject& subject) const
{
    QList<Finding> findings;
    if (subject.certificate.isNull()) {
        Finding f;
        f.severity = Severity::Error;
        f.code = QStringLiteral("policy.no-certificate");
        f.profile = QStringLiteral("policy");
        f.message = tr("There is no certificate to check.");
        f.fix = tr("Give a certificate file (PEM, DER or PKCS#12) that contains the server "
                   "certificate.");
        f.client = tr("every client of the PBX");
        findings << f;
        return ComplianceReport(ids(), findings);
    }
    for (const auto& profile : m_profiles)
        findings << profile->check(subject);
    return ComplianceReport(ids(), findings);
}

} // namespace certdesk::policy
