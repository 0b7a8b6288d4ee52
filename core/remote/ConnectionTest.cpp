#include "core/remote/ConnectionTest.h"

#include "core/remote/AdminPortalClient.h"
#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/TlsProbe.h"
#include "core/secrets/SecretStore.h"

namespace certdesk::remote {

using P = AdminPortalProtocol;

ConnectionTest::ConnectionTest(Request request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
{
}

ConnectionTest::~ConnectionTest()
{
    if (m_probe)
        m_probe->abort();
}

void ConnectionTest::start()
{
    const Site& site = m_request.site;
    if (m_request.system == P::boosterSystem() && !site.hasBooster())
        return fail(QStringLiteral("no-booster"),
                    tr("The site \"%1\" has no UC Booster Server: add its port in the site's "
                       "settings or choose the telephony server.")
                        .arg(site.name));
    probeListener();
}

void ConnectionTest::cancel()
{
    if (m_finished)
        return;
    if (m_probe)
        m_probe->abort();
    if (m_client)
        m_client->abortAll();
    fail(QStringLiteral("canceled"), tr("Canceled by the user."));
}

void ConnectionTest::probeListener()
{
    const Site& site = m_request.site;
    const QString system = m_request.system;
    const QString host = site.hostFor(system);
    const quint16 port = site.portFor(system);
    m_probe =
        TlsProbe::start(host, port, m_request.timeout, this, [this, host, port](ProbeResult r) {
            if (m_finished)
                return;
            const Site& s = m_request.site;
            if (!r.reached())
                return fail(QStringLiteral("unreachable"),
                            r.failure ? r.failure->message
                                      : tr("%1:%2 presented no certificate.").arg(host).arg(port));
            m_outcome.presentedSha256 = Fingerprint::format(Fingerprint::ofCertificate(r.leaf()));
            const CertificatePin& pin = s.pinFor(m_request.system);
            // The login goes to the telephony listener, so it must be trusted for either system.
            const bool booster = m_request.system == P::boosterSystem();
            const QString trustCommand =
                booster ? QStringLiteral("certdesk-cli site trust %1 --system booster").arg(s.name)
                        : QStringLiteral("certdesk-cli site trust %1").arg(s.name);
            if (pin.isNull())
                return fail(
                    QStringLiteral("not-trusted"),
                    tr("%1:%2 presents SHA-256 %3 but is not trusted yet: compare it with the "
                       "system and trust it (%4 or Trust on the Sites page).")
                        .arg(host)
                        .arg(port)
                        .arg(m_outcome.presentedSha256, trustCommand));
            if (s.pin.isNull())
                return fail(
                    QStringLiteral("not-trusted"),
                    tr("The telephony server of \"%1\" is not trusted yet, and the login goes "
                       "there: trust it first (certdesk-cli site trust %1 or Trust on the "
                       "Sites page).")
                        .arg(s.name));
            if (!pin.matches(r.leaf()) && !s.pendingPinFor(m_request.system).matches(r.leaf()))
                return fail(
                    QStringLiteral("mismatch"),
                    tr("%1:%2 presents a certificate other than the trusted one (presented "
                       "SHA-256 %3, trusted %4). Nothing was sent to it. Find out why before "
                       "you trust it again.")
                        .arg(host)
                        .arg(port)
                        .arg(m_outcome.presentedSha256, pin.certificateFingerprint()));
            if (m_request.password)
                return login(*m_request.password);
            readPassword();
        });
}

void ConnectionTest::readPassword()
{
    const Site& site = m_request.site;
    const secrets::SecretStore store(m_request.keychainService.isEmpty()
                                         ? secrets::SecretStore::defaultService()
                                         : m_request.keychainService);
    store.read(site.passwordKey(), this, [this](secrets::SecretStore::ReadResult read) {
        if (m_finished)
            return;
        if (!read)
            return fail(QStringLiteral("keychain"), read.error().message);
        if (!read->has_value())
            return fail(QStringLiteral("no-password"), m_request.site.missingPasswordMessage());
        login(**read);
    });
}

void ConnectionTest::login(const crypto::SecretBytes& password)
{
    const Site& site = m_request.site;
    // The Admin Portal (telephony listener) takes the login for both systems.
    m_client = new AdminPortalClient(site.host, site.port, site.pin, this);
    m_client->setTimeout(m_request.timeout);
    m_client->login(site.user, password, [this](RemoteResult<void> r) {
        if (m_finished)
            return;
        if (!r)
            return fail(r.error().kindId(), r.error().message);
        m_client->systemInfo([this](RemoteResult<SystemInfo> info) {
            if (m_finished)
                return;
            if (!info)
                return fail(info.error().kindId(), info.error().message);
            m_outcome.info = *info;
            succeed();
        });
    });
}

void ConnectionTest::fail(const QString& problem, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome.ok = false;
    m_outcome.problem = problem;
    m_outcome.message = message;
    emit finished();
}

void ConnectionTest::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome.ok = true;
    m_outcome.message =
        tr("Presents the trusted certificate; logged in as %1.").arg(m_request.site.portalUser());
    emit finished();
}

} // namespace certdesk::remote
