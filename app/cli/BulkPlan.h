#pragma once

#include "core/Result.h"
#include "core/bulk/BulkActivation.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace certdesk::cli {

// What `bulk preflight` and `bulk activate` share: which certificate goes to which site on
// which system, how many at once and with which timeouts, read from the command line and
// turned into one BulkActivation::Item per site (store entries loaded and decrypted once).
class BulkPlan
{
public:
    BulkPlan();

    void addOptions(QCommandLineParser& parser) const;
    // Everything checked before the store is opened or anything is sent.
    Result<QList<bulk::BulkActivation::Item>> read(const QCommandLineParser& parser) const;
    Result<int> parallel(const QCommandLineParser& parser) const;

    static Result<int> parseCount(const QCommandLineParser& parser,
                                  const QCommandLineOption& option, int min, int max);

private:
    QCommandLineOption m_cert;
    QCommandLineOption m_rule;
    QCommandLineOption m_perSite;
    QCommandLineOption m_sites;
    QCommandLineOption m_system;
    QCommandLineOption m_parallel;
    QCommandLineOption m_restartTimeout;
    QCommandLineOption m_timeout;
    QCommandLineOption m_format;
};

} // namespace certdesk::cli
