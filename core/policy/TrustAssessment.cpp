#include "core/policy/TrustAssessment.h"

#include "core/policy/CheckSubject.h"

namespace certdesk::policy {

TrustAssessment TrustAssessment::of(const CheckSubject& subject)
{
    TrustAssessment a;
    // A self-signed server certificate is its own root; no browser or OS ships it, whatever
    // the caller says.
    if (subject.certificate.isSelfSigned()) {
        a.trust = Trust::Private;
        a.selfSigned = true;
        a.reason = tr("it is self-signed, so only clients that had it installed by hand trust it");
        return a;
    }
    if (!subject.publiclyTrusted) {
        a.trust = Trust::Unknown;
        a.reason = tr("it is not known whether it chains to a public root");
        return a;
    }
    if (*subject.publiclyTrusted) {
        a.trust = Trust::Public;
        a.reason = tr("it is marked as issued by a public CA");
    } else {
        a.trust = Trust::Private;
        a.reason = tr("it is marked as issued by your own (private) CA, whose root the clients "
                      "were given by hand");
    }
    return a;
}

} // namespace certdesk::policy
