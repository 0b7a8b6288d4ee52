#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateBuilder.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace certdesk::cli {

// Serial number, validity period (GMT) and CRL distribution point: the certificate fields of
// the Admin Portal's generation pages.
class ValidityOptions
{
public:
    explicit ValidityOptions(int defaultDays);
    void addTo(QCommandLineParser& parser) const;
    // Fills serial, notBefore, notAfter and crlDistributionPoint of `spec`.
    Status apply(const QCommandLineParser& parser, crypto::CertificateSpec& spec) const;

    static Result<QDateTime> parseGmt(const QString& text);

private:
    int m_defaultDays;
    QCommandLineOption m_serial;
    QCommandLineOption m_notBefore;
    QCommandLineOption m_notAfter;
    QCommandLineOption m_days;
    QCommandLineOption m_crlDp;
};

} // namespace certdesk::cli
