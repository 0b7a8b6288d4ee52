#include "core/policy/ComplianceProfile.h"

namespace certdesk::policy {

Finding ComplianceProfile::finding(Severity severity, const QString& code, const QString& message,
                                   const QString& fix, const QString& client) const
{
    Finding f;
    f.severity = severity;
    f.code = code;
    f.profile = id();
    f.message = message;
    f.fix = fix;
    f.client = client;
    return f;
}

} // namespace certdesk::policy
