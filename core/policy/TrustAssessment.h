#pragma once

#include <QCoreApplication>
#include <QString>

namespace certdesk::policy {

struct CheckSubject;

// Whether a certificate is publicly trusted, and why CertDesk thinks so. Rules for public
// CAs (CA/Browser Forum, Apple's 398 days) depend on it; CertDesk works offline and cannot
// look the root up, so it takes what the technician says, and knows only that a self-signed
// server certificate is never publicly trusted.
struct TrustAssessment
{
    Q_DECLARE_TR_FUNCTIONS(TrustAssessment)

public:
    enum class Trust { Public, Private, Unknown };

    Trust trust = Trust::Unknown;
    bool selfSigned = false;
    QString reason; // "it is self-signed", … — to complete "… because <reason>"

    static TrustAssessment of(const CheckSubject& subject);
};

} // namespace certdesk::policy
