#pragma once

#include "core/Result.h"
#include "core/policy/ComplianceProfile.h"
#include "core/policy/ComplianceReport.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <memory>

namespace certdesk::policy {

struct CheckSubject;

// The profiles one check runs, chosen by name: "osbiz-v3,apple-tls". Also the registry of
// all profiles CertDesk knows.
class ProfileSet
{
    Q_DECLARE_TR_FUNCTIONS(ProfileSet)

public:
    // The profiles, in the order `names` gives them, duplicates dropped. Names are
    // comma-separated, case and spaces around them do not matter; "default" stands for
    // osbiz-v3,expiry and "all" for every profile. An unknown or missing name is a usage
    // error that lists the valid ones.
    static Result<ProfileSet> parse(const QString& names);
    static ProfileSet defaults(); // osbiz-v3, expiry
    static ProfileSet all();      // every profile, in availableIds() order
    // osbiz-v3, apple-tls, cabf-2026, expiry
    static QStringList availableIds();
    static QStringList defaultIds();

    QStringList ids() const;
    const QList<std::shared_ptr<const ComplianceProfile>>& profiles() const { return m_profiles; }
    bool isEmpty() const { return m_profiles.isEmpty(); }

    // Runs every profile on `subject` and combines their findings in profile order. A null
    // certificate gives one error ("policy.no-certificate") and runs no profile.
    ComplianceReport check(const CheckSubject& subject) const;

private:
    static std::shared_ptr<const ComplianceProfile> create(const QString& id);
    void add(const QString& id);

    QList<std::shared_ptr<const ComplianceProfile>> m_profiles;
};

} // namespace certdesk::policy
