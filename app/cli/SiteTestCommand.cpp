#include "app/cli/SiteTestCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/AdminPortalClient.h"
#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/Fingerprint.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteTestCommand", text);
}
} // namespace

SiteTestCommand::SiteTestCommand()
    : m_timeout(RemoteSupport::timeoutOption())
    , m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString SiteTestCommand::summary() const
{
    return tr("Test connection: TLS handshake against the pinned certificates, login, system "
              "information.");
}

void SiteTestCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("SITE"), tr("The site to test."));
    parser.addOptions({m_timeout, m_json});
}

Status SiteTestCommand::execute(const QCommandLineParser& parser)
{
    using remote::AdminPortalProtocol;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site test SITE"));
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    auto site = registry->require(args.first());
    if (!site)
        return site.error();
    const bool json = parser.isSet(m_json);

    QJsonObject report{{QStringLiteral("site"), site->name}};
    QStringList problems;
    bool repinned = false;
    QStringList systems{AdminPortalProtocol::telephonySystem()};
    if (site->hasBooster())
        systems << AdminPortalProtocol::boosterSystem();
    for (const QString& system : systems) {
        const QString where =
            QStringLiteral("%1:%2").arg(site->hostFor(system)).arg(site->portFor(system));
        const QString label = system == AdminPortalProtocol::boosterSystem()
                                  ? tr("UC Booster Server")
                                  : tr("Telephony server");
        QJsonObject row{{QStringLiteral("address"), where}};
        const remote::ProbeResult probe =
            RemoteSupport::probe(site->hostFor(system), site->portFor(system), *timeout);
        if (!probe.reached()) {
            row.insert(QStringLiteral("status"), QStringLiteral("unreachable"));
            const QString why = probe.failure ? probe.failure->message : tr("no handshake");
            row.insert(QStringLiteral("message"), why);
            problems << tr("%1: %2").arg(label, why);
            report.insert(system, row);
            continue;
        }
        const QString presented =
            remote::Fingerprint::format(remote::Fingerprint::ofCertificate(probe.leaf()));
        row.insert(QStringLiteral("presentedSha256"), presented);
        remote::CertificatePin& pin = site->pinFor(system);
        remote::CertificatePin& pending = site->pendingPinFor(system);
        QString status;
        if (pin.isNull()) {
            status = QStringLiteral("not-trusted");
            problems
                << tr("%1 presents SHA-256 %2 but is not trusted yet: certdesk-cli site trust %3%4")
                       .arg(label, presented, site->name,
                            system == AdminPortalProtocol::boosterSystem()
                                ? QStringLiteral(" --system booster")
                                : QString());
        } else if (pin.matches(probe.leaf())) {
            status = QStringLiteral("trusted");
        } else if (!pending.isNull() && pending.matches(probe.leaf())) {
            // The certificate activated earlier (without --wait) is now served: proven by this
            // handshake, so the pin moves to it.
            pin = remote::CertificatePin::of(probe.leaf(), !pin.publicKeySha256.isEmpty());
            pending = remote::CertificatePin();
            status = QStringLiteral("verified-activation");
            repinned = true;
        } else {
            status = QStringLiteral("mismatch");
            row.insert(QStringLiteral("trustedSha256"), pin.certificateFingerprint());
            problems
                << tr("%1 presents a certificate other than the trusted one: presented SHA-256 %2, "
                      "trusted %3. Nothing was sent to it.")
                       .arg(label, presented, pin.certificateFingerprint());
        }
        row.insert(QStringLiteral("status"), status);
        report.insert(system, row);
        if (!json) {
            out(tr("%1 %2: %3")
                    .arg(label, where,
                         status == QLatin1String("trusted") ? tr("presents the trusted certificate")
                         : status == QLatin1String("verified-activation")
                             ? tr("now serves the activated certificate; trusted from now on")
                             : status));
            out(tr("  SHA-256: %1").arg(presented));
        }
    }
    if (repinned) {
        if (Status s = registry->update(*site); !s)
            return s;
    }

    // Log in only where the handshake matched the pin (the client checks it again itself).
    const QString telephonyStatus = report.value(AdminPortalProtocol::telephonySystem())
                                        .toObject()
                                        .value(QStringLiteral("status"))
                                        .toString();
    if (telephonyStatus == QLatin1String("trusted") ||
        telephonyStatus == QLatin1String("verified-activation")) {
        auto password = RemoteSupport::sitePassword(*site);
        if (!password)
            return password.error();
        remote::AdminPortalClient client(site->host, site->port, site->pin);
        client.setTimeout(*timeout);
        const auto login = RemoteSupport::wait<void>(
            [&](QObject*, auto done) { client.login(site->user, *password, done); });
        if (!login) {
            problems << login.error().message;
            report.insert(QStringLiteral("login"), login.error().kindId());
        } else {
            report.insert(QStringLiteral("login"), QStringLiteral("ok"));
            const auto info = RemoteSupport::wait<remote::SystemInfo>(
                [&](QObject*, auto done) { client.systemInfo(done); });
            if (!info) {
                problems << info.error().message;
            } else {
                report.insert(QStringLiteral("system"), info->toJson());
                if (!json) {
                    out(tr("Logged in as %1.").arg(site->portalUser()));
                    out(tr("  %1, software %2; active certificate: %3")
                            .arg(info->model, info->softwareVersion, info->activeTelephony));
                    if (info->hasBooster)
                        out(tr("  UC Booster Server %1:%2; active certificate: %3")
                                .arg(info->boosterAddress)
                                .arg(info->boosterPort)
                                .arg(info->activeBooster));
                }
            }
        }
    }
    report.insert(QStringLiteral("ok"), problems.isEmpty());
    if (!problems.isEmpty())
        report.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    if (json)
        out(RemoteSupport::printJson(report));
    if (!problems.isEmpty())
        return Error::failure(problems.join(QLatin1Char('\n')));
    return {};
}

} // namespace certdesk::cli
