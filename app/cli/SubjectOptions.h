#pragma once

#include "core/Result.h"
#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/KeyAlgorithm.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace certdesk::cli {

// The Admin Portal's "Subject Name" and "Subject Alternative Name" fields and the signature
// algorithm, as options shared by csr, self-signed, ca and issue.
class SubjectOptions
{
public:
    struct Choice
    {
        crypto::DistinguishedName subject;
        QList<crypto::GeneralName> subjectAltNames;
        crypto::SignatureDigest digest = crypto::SignatureDigest::Sha256;
    };

    SubjectOptions();
    void addTo(QCommandLineParser& parser) const;
    // Subject, SANs and signature algorithm together, each checked.
    Result<Choice> read(const QCommandLineParser& parser) const;

    Result<crypto::DistinguishedName> subject(const QCommandLineParser& parser) const;
    // `base` (e.g. a CSR's subject) with the fields given on the command line replaced.
    Result<crypto::DistinguishedName> subject(const QCommandLineParser& parser,
                                              crypto::DistinguishedName base) const;
    Result<QList<crypto::GeneralName>> subjectAltNames(const QCommandLineParser& parser) const;
    Result<crypto::SignatureDigest> digest(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_country;
    QCommandLineOption m_state;
    QCommandLineOption m_locality;
    QCommandLineOption m_org;
    QCommandLineOption m_orgUnit;
    QCommandLineOption m_commonName;
    QCommandLineOption m_email;
    QCommandLineOption m_san;
    QCommandLineOption m_sig;
};

} // namespace certdesk::cli
