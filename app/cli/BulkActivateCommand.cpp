#include "app/cli/BulkActivateCommand.h"

#include "app/cli/RemoteSupport.h"
#include "app/cli/StoreAccess.h"
#include "core/bulk/BulkActivation.h"
#include "core/bulk/CertificateAssignment.h"
#include "core/store/CertificateStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("BulkActivateCommand", text);
}

void err(const QString& text, bool newline = true)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
    if (newline)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

// The peak resident set of this process (Linux: VmHWM), in KiB; -1 where unknown.
qint64 peakRssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

Result<int> parseCount(const QCommandLineParser& parser, const QCommandLineOption& option, int min,
                       int max)
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

QString bar(int done, int total, int width)
{
    const int filled = total > 0 ? done * width / total : 0;
    return QStringLiteral("[%1%2]").arg(QString(filled, QLatin1Char('#')),
                                        QString(width - filled, QLatin1Char('.')));
}
} // namespace

BulkActivateCommand::BulkActivateCommand()
    : m_cert(QStringLiteral("cert"), tr("The store entry to activate on every site."),
             QStringLiteral("NAME"))
    , m_rule(QStringLiteral("rule"),
             tr("A rule file assigning store entries to sites (CSV \"site,entry\" lines or JSON "
                "{\"site\": \"entry\"}; \"*\" for every other site)."),
             QStringLiteral("FILE"))
    , m_sites(QStringLiteral("sites"),
              tr("all, tag:TAG, or a file naming the sites (one per line, CSV or JSON)."),
              QStringLiteral("SEL"))
    , m_system(QStringLiteral("system"),
               tr("telephony (the telephony server) or booster (OpenScape Business UC Booster "
                  "Server)."),
               QStringLiteral("SYSTEM"))
    , m_parallel(QStringLiteral("parallel"), tr("At most N sites at once (default 32)."),
                 QStringLiteral("N"), QStringLiteral("32"))
    , m_report(QStringLiteral("report"),
               tr("Write the report to FILE: .html (self-contained page), .csv or .json."),
               QStringLiteral("FILE"))
    , m_retries(QStringLiteral("retries"),
                tr("Retry a transient failure before the activation was sent (dropped or "
                   "refused connection, timeout, 5xx) up to N times (default 3)."),
                QStringLiteral("N"), QStringLiteral("3"))
    , m_backoff(QStringLiteral("backoff"),
                tr("First retry after SECONDS, doubling per retry (default 2)."),
                QStringLiteral("SECONDS"), QStringLiteral("2"))
    , m_restartTimeout(QStringLiteral("restart-timeout"),
                       tr("Give up on a web server's restart after SECONDS (default 300)."),
                       QStringLiteral("SECONDS"), QStringLiteral("300"))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_format(QStringLiteral("format"), tr("Upload as p12 (default) or pem."),
               QStringLiteral("FORMAT"), QStringLiteral("p12"))
    , m_json(QStringLiteral("json"), tr("Print the report as JSON on standard output."))
{
}

QString BulkActivateCommand::summary() const
{
    return tr("Activate certificates on many sites at once, verify each by handshake, and "
              "report.");
}

void BulkActivateCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({m_cert, m_rule, m_sites, m_system, m_parallel, m_report, m_retries,
                       m_backoff, m_restartTimeout, m_timeout, m_format, m_json});
}

Status BulkActivateCommand::execute(const QCommandLineParser& parser)
{
    if (!parser.positionalArguments().isEmpty())
        return Error::usage(tr("bulk activate takes no positional arguments."));
    if (parser.isSet(m_cert) == parser.isSet(m_rule))
        return Error::usage(tr("Give either --cert NAME or --rule FILE."));
    if (!parser.isSet(m_sites))
        return Error::usage(tr("--sites is required (all, tag:TAG or FILE)."));
    if (!parser.isSet(m_system) || !remote::Site::isSystem(parser.value(m_system)))
        return Error::usage(tr("--system telephony or --system booster is required."));
    auto parallel = parseCount(parser, m_parallel, 1, 1024);
    if (!parallel)
        return parallel.error();
    auto retries = parseCount(parser, m_retries, 0, 20);
    if (!retries)
        return retries.error();
    auto backoff = RemoteSupport::timeout(parser, m_backoff);
    if (!backoff)
        return backoff.error();
    auto restartTimeout = RemoteSupport::timeout(parser, m_restartTimeout);
    if (!restartTimeout)
        return restartTimeout.error();
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    const auto form = remote::UploadBundle::parseForm(parser.value(m_format));
    if (!form)
        return Error::usage(tr("--format is p12 or pem."));
    auto assignment = parser.isSet(m_cert)
                          ? Result<bulk::CertificateAssignment>(
                                bulk::CertificateAssignment::single(parser.value(m_cert)))
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

    bulk::BulkActivation::Options options;
    options.parallel = *parallel;
    options.retries = *retries;
    options.backoff = *backoff;
    const int total = static_cast<int>(items.size());
    bulk::BulkActivation batch(std::move(items), options);
    const bool terminal = stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    const auto showBar = [&] {
        const bulk::BulkReport r = batch.report();
        using S = bulk::BulkSiteResult::State;
        err(QStringLiteral("\r%1 %2/%3  ")
                    .arg(bar(batch.finishedCount(), total, 30))
                    .arg(batch.finishedCount())
                    .arg(total) +
                tr("ok %1, failed %2, running %3, retrying %4, %5 s ")
                    .arg(r.count(S::Succeeded))
                    .arg(r.count(S::Failed) + r.count(S::Canceled))
                    .arg(r.count(S::Running) + r.count(S::Settling))
                    .arg(r.count(S::RetryWait))
                    .arg(clock.elapsed() / 1000),
            false);
    };
    QObject::connect(&batch, &bulk::BulkActivation::siteChanged, &batch, [&](int index) {
        const bulk::BulkSiteResult& s = batch.site(index);
        if (terminal) {
            if (s.isFinal() && s.state != bulk::BulkSiteResult::State::Succeeded) {
                err(QStringLiteral("\r\033[K"), false);
                err(tr("%1: %2 %3")
                        .arg(s.site, bulk::BulkSiteResult::stateLabel(s.state), s.failure));
            }
            showBar();
            return;
        }
        if (s.isFinal())
            err(tr("[%1/%2] %3: %4%5 (%6 s, %7 attempts)")
                    .arg(batch.finishedCount())
                    .arg(total)
                    .arg(s.site, bulk::BulkSiteResult::stateId(s.state),
                         s.failure.isEmpty() ? QString() : QLatin1Char(' ') + s.failure)
                    .arg(static_cast<double>(s.totalMs()) / 1000.0, 0, 'f', 1)
                    .arg(s.attempts));
    });
    QObject::connect(&batch, &bulk::BulkActivation::retryScheduled, &batch,
                     [&](int index, int attempt, const QString& failure, int delayMs) {
                         if (terminal)
                             return;
                         err(tr("%1: %2, attempt %3 in %4 s")
                                 .arg(batch.site(index).site, failure)
                                 .arg(attempt)
                                 .arg(static_cast<double>(delayMs) / 1000.0, 0, 'f', 1));
                     });
    QEventLoop loop;
    QObject::connect(&batch, &bulk::BulkActivation::finished, &loop, &QEventLoop::quit);
    if (!terminal)
        err(tr("Activating on %1 sites, at most %2 at once.").arg(total).arg(options.parallel));
    batch.start();
    loop.exec();
    if (terminal)
        err(QString());

    const bulk::BulkReport report = batch.report();
    using S = bulk::BulkSiteResult::State;
    err(tr("Done in %1 s: %2 of %3 sites succeeded, %4 failed, %5 canceled. Peak memory %6 MiB.")
            .arg(static_cast<double>(report.wallMs()) / 1000.0, 0, 'f', 1)
            .arg(report.count(S::Succeeded))
            .arg(total)
            .arg(report.count(S::Failed))
            .arg(report.count(S::Canceled))
            .arg(static_cast<double>(peakRssKib()) / 1024.0, 0, 'f', 1));
    auto history = report.saveToHistory(store::CertificateStore::defaultLocation());
    if (history)
        err(tr("Report kept in %1.").arg(*history));
    else
        warn(tr("The report could not be kept in the history: %1").arg(history.error().message));
    if (parser.isSet(m_report)) {
        if (Status s = report.write(parser.value(m_report)); !s)
            return s;
        err(tr("Report written to %1.").arg(parser.value(m_report)));
    }
    if (parser.isSet(m_json))
        out(RemoteSupport::printJson(report.toJson()));
    if (!report.allSucceeded()) {
        QStringList failed;
        for (const bulk::BulkSiteResult& s : report.sites) {
            if (s.state != S::Succeeded)
                failed << QStringLiteral("%1 [%2]").arg(s.site, s.failure);
        }
        return Error::failure(tr("%1 of %2 sites did not succeed: %3")
                                  .arg(failed.size())
                                  .arg(total)
                                  .arg(failed.join(QStringLiteral(", "))));
    }
    return {};
}

} // namespace certdesk::cli
