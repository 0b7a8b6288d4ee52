#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace certdesk::bulk {

// Which store entry goes to which site: one entry for all, or a rule file mapping site names
// to entry names. A rule file is CSV ("site,entry" per line; a header line "site,entry" and
// lines starting with # are skipped) or JSON ({"site": "entry", …} or
// [{"site": …, "entry": …}, …]). The site name "*" gives the entry for every other site. In an
// entry name, "{site}" stands for the site's name ("*,{site}": each site's own entry, e.g. the
// certificate its own CSR came back as).
class CertificateAssignment
{
    Q_DECLARE_TR_FUNCTIONS(CertificateAssignment)

public:
    static CertificateAssignment single(const QString& entry);
    // Each site gets the store entry named like the site.
    static CertificateAssignment perSite();
    static Result<CertificateAssignment> parse(const QByteArray& contents, bool json);
    // By extension: .json is JSON, anything else CSV.
    static Result<CertificateAssignment> load(const QString& path);

    // The entry for `site`; an error naming the site when the rule has none for it.
    Result<QString> entryFor(const QString& site) const;
    QStringList entries() const; // every entry named ("{site}" unexpanded), without duplicates
    bool isSingle() const { return m_rules.isEmpty() && !m_fallback.isEmpty(); }

private:
    Status addRule(const QString& site, const QString& entry, int line);

    QHash<QString, QString> m_rules;
    QString m_fallback;
};

} // namespace certdesk::bulk
