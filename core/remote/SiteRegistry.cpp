#include "core/remote/SiteRegistry.h"

#include "core/io/SecureFileWriter.h"
#include "core/store/CertificateStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace certdesk::remote {

QString SiteRegistry::defaultPath()
{
    return QDir(store::CertificateStore::defaultLocation()).filePath(QStringLiteral("sites.json"));
}

Result<SiteRegistry> SiteRegistry::open(const QString& path)
{
    SiteRegistry registry(path);
    QFile file(path);
    if (!file.exists())
        return registry;
    if (!file.open(QIODevice::ReadOnly))
        return Error::failure(
            tr("Cannot read the sites file %1: %2.").arg(path, file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return Error::failure(tr("The sites file %1 is damaged (%2). Restore it from a backup or "
                                 "move it away to start over.")
                                  .arg(path, parseError.errorString()));
    for (const QJsonValue& v : doc.object().value(QStringLiteral("credentials")).toArray()) {
        auto credential = SharedCredential::fromJson(v.toObject());
        if (!credential)
            return Error::failure(
                tr("The sites file %1 is damaged: %2").arg(path, credential.error().message));
        registry.m_credentials.append(*credential);
    }
    for (const QJsonValue& v : doc.object().value(QStringLiteral("sites")).toArray()) {
        auto site = Site::fromJson(v.toObject());
        if (!site)
            return Error::failure(
                tr("The sites file %1 is damaged: %2").arg(path, site.error().message));
        // A site whose credential went missing keeps the user it had; its login will say
        // that the keychain has no password for the credential.
        (void)registry.resolveCredential(*site);
        registry.m_sites.append(*site);
    }
    return registry;
}

std::optional<Site> SiteRegistry::find(const QString& name) const
{
    for (const Site& s : m_sites) {
        if (s.name == name)
            return s;
    }
    return std::nullopt;
}

Result<Site> SiteRegistry::require(const QString& name) const
{
    if (auto s = find(name))
        return *s;
    QStringList names;
    for (const Site& s : m_sites)
        names << s.name;
    if (names.isEmpty())
        return Error::failure(
            tr("There is no site \"%1\": no site has been added yet (certdesk-cli "
               "site add).")
                .arg(name));
    return Error::failure(tr("There is no site \"%1\". Known sites: %2.")
                              .arg(name, names.join(QStringLiteral(", "))));
}

Status SiteRegistry::resolveCredential(Site& site) const
{
    if (site.credential.isEmpty())
        return {};
    const std::optional<SharedCredential> credential = findCredential(site.credential);
    if (!credential) {
        QStringList names;
        for (const SharedCredential& c : m_credentials)
            names << c.name;
        return Error::usage(
            tr("There is no shared credential \"%1\" (certdesk-cli credential add %1 --user USER "
               "--password-file FILE). Known credentials: %2.")
                .arg(site.credential,
                     names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
    }
    site.user = credential->user;
    return {};
}

std::optional<SharedCredential> SiteRegistry::findCredential(const QString& name) const
{
    for (const SharedCredential& c : m_credentials) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

QStringList SiteRegistry::sitesUsing(const QString& credential) const
{
    QStringList names;
    for (const Site& s : m_sites) {
        if (s.credential == credential)
            names << s.name;
    }
    return names;
}

Status SiteRegistry::setCredential(const SharedCredential& credential)
{
    if (Status s = credential.validate(); !s)
        return s;
    const QList<SharedCredential> credentialsBefore = m_credentials;
    const QList<Site> sitesBefore = m_sites;
    bool replaced = false;
    for (SharedCredential& c : m_credentials) {
        if (c.name == credential.name) {
            c = credential;
            replaced = true;
        }
    }
    if (!replaced)
        m_credentials.append(credential);
    for (Site& site : m_sites) {
        if (site.credential == credential.name)
            site.user = credential.user;
    }
    if (Status s = save(); !s) {
        m_credentials = credentialsBefore;
        m_sites = sitesBefore;
        return s;
    }
    return {};
}

Status SiteRegistry::removeCredential(const QString& name)
{
    if (!findCredential(name))
        return Error::usage(tr("There is no shared credential \"%1\".").arg(name));
    const QStringList users = sitesUsing(name);
    if (!users.isEmpty())
        return Error::usage(tr("The shared credential \"%1\" is still used by %2. Give those sites "
                               "their own password or another credential first.")
                                .arg(name, users.join(QStringLiteral(", "))));
    const QList<SharedCredential> before = m_credentials;
    m_credentials.removeIf([&name](const SharedCredential& c) { return c.name == name; });
    if (Status s = save(); !s) {
        m_credentials = before;
        return s;
    }
    return {};
}

Status SiteRegistry::checkImport(const QList<Site>& sites, bool update) const
{
    if (sites.isEmpty())
        return Error::usage(tr("The inventory names no site."));
    QStringList seen;
    for (const Site& given : sites) {
        Site site = given;
        if (Status s = resolveCredential(site); !s)
            return Error::usage(tr("The site \"%1\": %2").arg(site.name, s.error().message));
        if (Status s = site.validate(); !s)
            return Error::usage(tr("The site \"%1\": %2").arg(site.name, s.error().message));
        if (seen.contains(site.name))
            return Error::usage(tr("The inventory names the site \"%1\" twice.").arg(site.name));
        seen.append(site.name);
        if (!update && find(site.name))
            return Error::usage(tr("A site named \"%1\" already exists (update existing sites "
                                   "with --update).")
                                    .arg(site.name));
    }
    return {};
}

Result<SiteRegistry::ImportCounts> SiteRegistry::importSites(const QList<Site>& sites, bool update)
{
    if (Status s = checkImport(sites, update); !s)
        return s.error();
    const QList<Site> before = m_sites;
    ImportCounts counts;
    for (const Site& given : sites) {
        Site site = given;
        (void)resolveCredential(site); // checked above
        const auto existing = std::find_if(m_sites.begin(), m_sites.end(),
                                           [&site](const Site& s) { return s.name == site.name; });
        if (existing != m_sites.end()) {
            if (site.pin.isNull())
                site.pin = existing->pin;
            if (site.boosterPin.isNull())
                site.boosterPin = existing->boosterPin;
            *existing = site;
            ++counts.updated;
        } else {
            m_sites.append(site);
            ++counts.added;
        }
        counts.untrusted += site.pin.isNull() ? 1 : 0;
        counts.withoutCredential += site.credential.isEmpty() ? 1 : 0;
    }
    if (Status s = save(); !s) {
        m_sites = before;
        return s.error();
    }
    return counts;
}

Status SiteRegistry::add(const Site& given)
{
    Site site = given;
    if (Status s = resolveCredential(site); !s)
        return s;
    if (Status s = site.validate(); !s)
        return s;
    if (find(site.name))
        return Error::usage(
            tr("A site named \"%1\" already exists. Remove it first or choose another "
               "name.")
                .arg(site.name));
    m_sites.append(site);
    if (Status s = save(); !s) {
        m_sites.removeLast();
        return s;
    }
    return {};
}

Status SiteRegistry::update(const Site& given)
{
    Site site = given;
    if (Status s = resolveCredential(site); !s)
        return s;
    if (Status s = site.validate(); !s)
        return s;
    for (Site& existing : m_sites) {
        if (existing.name == site.name) {
            const Site before = existing;
            existing = site;
            if (Status s = save(); !s) {
                existing = before;
                return s;
            }
            return {};
        }
    }
    return require(site.name).error();
}

Status SiteRegistry::remove(const QString& name)
{
    for (qsizetype i = 0; i < m_sites.size(); ++i) {
        if (m_sites[i].name == name) {
            const Site removed = m_sites.takeAt(i);
            if (Status s = save(); !s) {
                m_sites.insert(i, removed);
                return s;
            }
            return {};
        }
    }
    return require(name).error();
}

Status SiteRegistry::save() const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error::failure(tr("Cannot create the folder %1.").arg(dir));
    QJsonArray sites;
    for (const Site& s : m_sites)
        sites.append(s.toJson());
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("sites"), sites}};
    if (!m_credentials.isEmpty()) {
        QJsonArray credentials;
        for (const SharedCredential& c : m_credentials)
            credentials.append(c.toJson());
        root.insert(QStringLiteral("credentials"), credentials);
    }
    io::SecureFileWriter writer;
    writer.setOverwrite(true);
    writer.add(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented));
    return writer.commit();
}

} // namespace certdesk::remote
