#include "core/policy/CheckSubject.h"

namespace certdesk::policy {

crypto::CertificateDetails CheckSubject::details() const
{
    return crypto::CertificateDetails::of(certificate, now.toUTC());
}

} // namespace certdesk::policy
