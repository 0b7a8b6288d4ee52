#include "core/remote/SiteRegistry.h"

#include "core/io/SecureFileWriter.h"
#include "core/store/CertificateStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

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
    for (const QJsonValue& v : doc.object().value(QStringLiteral("sites")).toArray()) {
        auto site = Site::fromJson(v.toObject());
        if (!site)
            return Error::failure(
                tr("The sites file %1 is damaged: %2").arg(path, site.error().message));
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

Status SiteRegistry::add(const Site& site)
{
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

Status SiteRegistry::update(const Site& site)
{
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
    io::SecureFileWriter writer;
    writer.setOverwrite(true);
    writer.add(m_path, QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                                 {QStringLiteral("sites"), sites}})
                           .toJson(QJsonDocument::Indented));
    return writer.commit();
}

} // namespace certdesk::remote
