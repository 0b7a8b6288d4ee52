#pragma once

#include "core/Result.h"
#include "core/remote/SharedCredential.h"
#include "core/remote/Site.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::remote {

// The technician's sites, in sites.json beside the certificate store (CERTDESK_HOME or the
// user's data folder). Holds no secret: passwords are in the keychain, pins are public
// fingerprints. Written atomically with owner-only permissions.
class SiteRegistry
{
    Q_DECLARE_TR_FUNCTIONS(SiteRegistry)

public:
    static QString defaultPath();
    // A missing file is an empty registry.
    static Result<SiteRegistry> open(const QString& path = defaultPath());

    QString path() const { return m_path; }
    const QList<Site>& sites() const { return m_sites; }
    std::optional<Site> find(const QString& name) const;
    // Like find(), but an unknown name is an error that lists the known ones.
    Result<Site> require(const QString& name) const;

    // A site naming a shared credential gets the credential's user; an unknown credential is
    // an error.
    Status add(const Site& site);    // a new name
    Status update(const Site& site); // an existing name
    Status remove(const QString& name);

    // Many sites at once (an inventory): every check first - a name twice, a name that exists
    // (unless `update`), an unknown credential, an invalid site - and then one write, so an
    // inventory is imported whole or not at all. An updated site keeps its pins where the
    // inventory has none. `checkImport` is the checks alone.
    struct ImportCounts
    {
        int added = 0;
        int updated = 0;
        int untrusted = 0;
        int withoutCredential = 0; // they need a password of their own
    };
    Status checkImport(const QList<Site>& sites, bool update) const;
    Result<ImportCounts> importSites(const QList<Site>& sites, bool update);

    const QList<SharedCredential>& credentials() const { return m_credentials; }
    std::optional<SharedCredential> findCredential(const QString& name) const;
    // Adds a credential or changes its user (and so the user of every site on it).
    Status setCredential(const SharedCredential& credential);
    // Refused while sites still use it: the error names them.
    Status removeCredential(const QString& name);
    QStringList sitesUsing(const QString& credential) const;

private:
    explicit SiteRegistry(QString path)
        : m_path(std::move(path))
    {
    }
    Status save() const;
    Status resolveCredential(Site& site) const;

    QString m_path;
    QList<Site> m_sites;
    QList<SharedCredential> m_credentials;
};

} // namespace certdesk::remote
