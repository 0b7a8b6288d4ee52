#include "app/cli/BulkPlan.h"

#include "app/cli/RemoteSupport.h"
#include "app/cli/StoreAccess.h"
#include "core/bulk/CertificateAssignment.h"
#include "core/store/CertificateStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("BulkPlan", text);
}

// --sites: "all", "tag:X" or a file naming one site per line (a CSV's first column, a JSON
// list of names, or an inventory as site export writes it).
Result<QList<remote::Site>> selectSites(const remote::SiteRegistry& registry, const QString& spec)
{
    QList<remote::Site> sites;
    if (spec == QLatin1String("all")) {
        sites = registry.sites();
    } else if (spec.startsWith(QLatin1String("tag:"))) {
        const QString tag = spec.mid(4);
        for (const remote::Site& s : registry.sites()) {
            if (s.tags.contains(tag))
                sites.append(s);
        }
        if (sites.isEmpty())
            return Error::usage(tr("No site has the tag \"%1\".").arg(tag));
    } else {
        QFile file(spec);
        if (!file.open(QIODevice::ReadOnly))
            return Error::usage(tr("--sites is all, tag:TAG or a file naming the sites; cannot "
                                   "read %1: %2.")
                                    .arg(spec, file.errorString()));
        const QByteArray contents = file.readAll();
        QStringList names;
        const QJsonDocument doc = QJsonDocument::fromJson(contents);
        if (doc.isArray() || doc.isObject()) {
            const QJsonArray list =
                doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("sites")).toArray();
            for (const QJsonValue& v : list)
                names << (v.isString() ? v.toString()
                                       : v.toObject().value(QStringLiteral("name")).toString());
        } else {
            for (const QString& line : QString::fromUtf8(contents).split(QLatin1Char('\n'))) {
                const QString name = line.section(QLatin1Char(','), 0, 0).trimmed();
                if (name.isEmpty() || name.startsWith(QLatin1Char('#')) ||
                    name == QLatin1String("name") || name == QLatin1String("site"))
                    continue;
                names << name;
            }
        }
        names.removeDuplicates();
        for (const QString& name : names) {
            auto site = registry.require(name);
            if (!site)
                return site.error();
            sites.append(*site);
        }
    }
    if (sites.isEmpty())
        return Error::usage(tr("No sites selected."));
    return sites;
}

} // namespace

BulkPlan::BulkPlan()
    : m_cert(QStringLiteral("cert"), tr("The store entry to activate on every site."),
             QStringLiteral("NAME"))
    , m_rule(QStringLiteral("rule"),
             tr("A rule file assigning store entries to sites (CSV \"site,entry\" lines or JSON "
                "{\"site\": \"entry\"}; \"*\" for every other site)."),
             QStringLiteral("FILE"))
    , m_perSite(QStringLiteral("cert-per-site"),
                tr("Each site gets the store entry named like the site (e.g. the certificate its "
                   "own CSR came back as)."))
    , m_sites(QStringLiteral("sites"),
              tr("all, tag:TAG, or a file naming the sites (one per line, CSV or JSON)."),
              QStringLiteral("SEL"))
    , m_system(QStringLiteral("system"),
               tr("telephony (the telephony server) or booster (OpenScape Business UC Booster "
                  "Server)."),
               QStringLiteral("SYSTEM"))
    , m_parallel(QStringLiteral("parallel"), tr("At most N sites at once (default 32)."),
                 QStringLiteral("N"), QStringLiteral("32"))
    , m_restartTimeout(QStringLiteral("restart-timeout"),
                       tr("Give up on a web server's restart after SECONDS (default 300)."),
                       QStringLiteral("SECONDS"), QStringLiteral("300"))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_format(QStringLiteral("format"), tr("Upload as p12 (default) or pem."),
               QStringLiteral("FORMAT"), QStringLiteral("p12"))
{
}

void BulkPlan::addOptions(QCommandLineParser& parser) const
{
    parser.addOptions({m_cert, m_rule, m_perSite, m_sites, m_system, m_parallel, m_restartTimeout,
                       m_timeout, m_format});
}

Result<int> BulkPlan::parseCount(const QCommandLineParser& parser, const QCommandLineOption& option,
                                 int min, int max)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < min || value > max)
        return Error::usage(tr("--%1 takes a number from %2 to %3.")
                                .arg(option.names().constFirst())
                                .arg(min)
                                .arg(max));
    return value;
}

Result<int> BulkPlan::parallel(const QCommandLineParser& parser) const
{
    return parseCount(parser, m_parallel, 1, 1024);
}

Result<QList<bulk::BulkActivation::Item>> BulkPlan::read(const QCommandLineParser& parser) const
{
    if (int(parser.isSet(m_cert)) + int(parser.isSet(m_rule)) + int(parser.isSet(m_perSite)) != 1)
        return Error::usage(tr("Give one of --cert NAME, --rule FILE or --cert-per-site."));
    if (!parser.isSet(m_sites))
        return Error::usage(tr("--sites is required (all, tag:TAG or FILE)."));
    if (!parser.isSet(m_system) || !remote::Site::isSystem(parser.value(m_system)))
        return Error::usage(tr("--system telephony or --system booster is required."));
    if (auto p = parallel(parser); !p)
        return p.error();
    auto restartTimeout = RemoteSupport::timeout(parser, m_restartTimeout);
    if (!restartTimeout)
        return restartTimeout.error();
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    const auto form = remote::UploadBundle::parseForm(parser.value(m_format));
    if (!form)
        return Error::usage(tr("--format is p12 or pem."));
    auto assignment =
        parser.isSet(m_cert) ? Result<bulk::CertificateAssignment>(
                                   bulk::CertificateAssignment::single(parser.value(m_cert)))
        : parser.isSet(m_perSite)
            ? Result<bulk::CertificateAssignment>(bulk::CertificateAssignment::perSite())
            : bulk::CertificateAssignment::load(parser.value(m_rule));
    if (!assignment)
        return assignment.error();

    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    auto sites = selectSites(*registry, parser.value(m_sites));
    if (!sites)
        return sites.error();
    // Every site has its entry before the store is opened or anything is sent.
    QList<QPair<remote::Site, QString>> plan;
    for (const remote::Site& site : *sites) {
        auto entry = assignment->entryFor(site.name);
        if (!entry)
            return entry.error();
        plan.append({site, *entry});
    }
    auto store = StoreAccess::open(true);
    if (!store)
        return store.error();
    QHash<QString, store::EntryMaterial> materials;
    QList<bulk::BulkActivation::Item> items;
    for (const auto& [site, entry] : plan) {
        if (!materials.contains(entry)) {
            auto material = store->load(entry, true);
            if (!material)
                return material.error();
            if (material->certificate.isNull() || !material->key)
                return Error::failure(tr("The store entry \"%1\" has no certificate with its key: "
                                         "only complete server certificates can be uploaded.")
                                          .arg(entry));
            materials.insert(entry, *material);
        }
        const store::EntryMaterial& m = materials[entry];
        bulk::BulkActivation::Item item;
        item.entry = entry;
        item.request.site = site;
        item.request.registryPath = registry->path();
        item.request.system = parser.value(m_system);
        item.request.remoteName = entry;
        item.request.certificate = m.certificate;
        item.request.chain = m.chain;
        item.request.key = m.key;
        item.request.form = *form;
        item.request.requestTimeout = *timeout;
        item.request.restartTimeout =
            std::max(std::chrono::seconds(1),
                     std::chrono::duration_cast<std::chrono::seconds>(*restartTimeout));
        items.append(std::move(item));
    }
    return items;
}

} // namespace certdesk::cli
