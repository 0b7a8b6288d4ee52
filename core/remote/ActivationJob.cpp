#include "core/remote/ActivationJob.h"

#include "core/policy/CheckSubject.h"
#include "core/policy/ProfileSet.h"
#include "core/remote/AdminPortalClient.h"
#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/RestartWatcher.h"
#include "core/remote/SiteRegistry.h"
#include "core/remote/TlsProbe.h"
#include "core/secrets/SecretStore.h"

#include <QJsonObject>

namespace certdesk::remote {

using P = AdminPortalProtocol;

QString ActivationJob::stepId(Step step)
{
    switch (step) {
    case Step::Preflight:
        return QStringLiteral("preflight");
    case Step::Login:
        return QStringLiteral("login");
    case Step::Upload:
        return QStringLiteral("upload");
    case Step::Activate:
        return QStringLiteral("activate");
    case Step::WaitForRestart:
        return QStringLiteral("wait");
    case Step::Verify:
        return QStringLiteral("verify");
    case Step::Repin:
        return QStringLiteral("repin");
    case Step::Done:
        return QStringLiteral("done");
    }
    return {};
}

QString ActivationJob::stepLabel(Step step)
{
    switch (step) {
    case Step::Preflight:
        return tr("Check the certificate (osbiz-v3)");
    case Step::Login:
        return tr("Log in to the Admin Portal");
    case Step::Upload:
        return tr("Upload the certificate");
    case Step::Activate:
        return tr("Activate the certificate");
    case Step::WaitForRestart:
        return tr("Wait for the web server to restart");
    case Step::Verify:
        return tr("Verify by TLS handshake");
    case Step::Repin:
        return tr("Trust the new certificate");
    case Step::Done:
        return tr("Done");
    }
    return {};
}

QString ActivationJob::Outcome::failureName() const
{
    return success ? QString() : stepId(step) + QLatin1Char(':') + reason;
}

QJsonObject ActivationJob::Outcome::toJson() const
{
    QJsonObject o{
        {QStringLiteral("result"), success ? QStringLiteral("success") : QStringLiteral("failed")},
        {QStringLiteral("step"), stepId(step)},
        {QStringLiteral("message"), message},
        {QStringLiteral("name"), remoteName},
        {QStringLiteral("uploaded"), uploaded},
        {QStringLiteral("alreadyPresent"), alreadyPresent},
        {QStringLiteral("activationAccepted"), activationAccepted},
        {QStringLiteral("verified"), verified},
        {QStringLiteral("repinned"), repinned}};
    if (!success) {
        o.insert(QStringLiteral("failure"), failureName());
        o.insert(QStringLiteral("reason"), reason);
    }
    if (restartSeconds > 0)
        o.insert(QStringLiteral("restartSeconds"), restartSeconds);
    if (!expectedSha256.isEmpty())
        o.insert(QStringLiteral("expectedSha256"), expectedSha256);
    if (!presentedSha256.isEmpty())
        o.insert(QStringLiteral("presentedSha256"), presentedSha256);
    if (!previousSha256.isEmpty())
        o.insert(QStringLiteral("previousSha256"), previousSha256);
    return o;
}

ActivationJob::ActivationJob(Request request, QObject* parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_outcome.remoteName = m_request.remoteName;
}

ActivationJob::~ActivationJob() = default;

void ActivationJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Later, not from inside start(): a caller connects, starts, and then hears everything.
    QMetaObject::invokeMethod(this, &ActivationJob::preflight, Qt::QueuedConnection);
}

void ActivationJob::enter(Step step)
{
    m_step = step;
    emit stepChanged(step);
    emit progress(stepLabel(step));
}

void ActivationJob::fail(const QString& reason, const QString& message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome.success = false;
    m_outcome.step = m_step;
    m_outcome.reason = reason;
    m_outcome.message = message;
    if (m_client)
        m_client->abortAll();
    if (m_watcher)
        m_watcher->cancel();
    if (m_probe)
        m_probe->abort();
    emit progress(tr("Failed at \"%1\": %2").arg(stepLabel(m_step), message));
    emit finished();
}

void ActivationJob::fail(const RemoteError& error)
{
    fail(error.kindId(), error.message);
}

void ActivationJob::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_step = Step::Done;
    m_outcome.success = true;
    m_outcome.step = Step::Done;
    emit stepChanged(Step::Done);
    emit finished(); // the message is in outcome(): callers show it as the result
}

void ActivationJob::cancel()
{
    if (m_finished)
        return;
    QString message = tr("Canceled by the user.");
    if (m_step == Step::Activate)
        message += QLatin1Char(' ') +
                   tr("The activation request may already have reached the system: check with "
                      "certdesk-cli site test before activating again.");
    fail(QStringLiteral("canceled"), message);
}

Result<policy::ComplianceReport> ActivationJob::checkCompliance(const Request& request)
{
    policy::CheckSubject subject;
    subject.certificate = request.certificate;
    subject.chain = request.chain;
    subject.key = request.key;
    subject.passphrase = request.passphrase;
    subject.fileFormat = request.form == UploadBundle::Form::Pkcs12 ? QStringLiteral("PKCS#12")
                                                                    : QStringLiteral("PEM");
    auto profiles = policy::ProfileSet::parse(QStringLiteral("osbiz-v3"));
    if (!profiles)
        return profiles.error();
    return profiles->check(subject);
}

void ActivationJob::preflight()
{
    if (m_finished)
        return;
    enter(Step::Preflight);
    const Site& site = m_request.site;
    const QString system = m_request.system;
    m_outcome.expectedSha256 = Fingerprint::format(m_request.certificate.sha256Fingerprint());
    if (!Site::isSystem(system))
        return fail(QStringLiteral("usage"),
                    tr("Choose the system to activate for: telephony or booster."));
    if (system == P::boosterSystem() && !site.hasBooster())
        return fail(QStringLiteral("no-booster"),
                    tr("The site \"%1\" has no UC Booster Server (add it with --booster-port).")
                        .arg(site.name));
    if (site.pin.isNull())
        return fail(QStringLiteral("not-trusted"),
                    tr("The site \"%1\" is not trusted yet: check its certificate and trust it "
                       "(certdesk-cli site trust %1).")
                        .arg(site.name));
    if (m_request.activate && site.pinFor(system).isNull())
        return fail(QStringLiteral("not-trusted"),
                    tr("The UC Booster Server of \"%1\" is not trusted yet, so CertDesk could not "
                       "tell its old certificate from the new one: trust it first (certdesk-cli "
                       "site trust %1 --system booster).")
                        .arg(site.name));
    if (m_request.certificate.isNull() || !m_request.key)
        return fail(QStringLiteral("no-key"),
                    tr("The store entry has no certificate with its private key: only complete "
                       "server certificates can be uploaded."));

    const auto checked = checkCompliance(m_request);
    if (!checked)
        return fail(QStringLiteral("policy"), checked.error().message);
    const policy::ComplianceReport& report = *checked;
    if (report.hasErrors())
        return fail(QStringLiteral("policy"),
                    tr("The certificate breaks rules of OpenScape Business V3, so the system would "
                       "refuse it. Nothing was sent.\n%1")
                        .arg(report.toText()));

    auto bundle =
        UploadBundle::make(m_request.remoteName, m_request.certificate, m_request.chain,
                           *m_request.key, m_request.form, site.pkcs12Format, m_request.passphrase);
    if (!bundle)
        return fail(QStringLiteral("bundle"), bundle.error().message);
    m_bundle = std::move(*bundle);
    m_outcome.previousSha256 = site.pinFor(system).certificateFingerprint();
    login();
}

void ActivationJob::login()
{
    if (m_finished)
        return;
    enter(Step::Login);
    m_client =
        new AdminPortalClient(m_request.site.host, m_request.site.port, m_request.site.pin, this);
    m_client->setTimeout(m_request.requestTimeout);
    if (m_request.password)
        return loginWith(*m_request.password);
    const secrets::SecretStore store(m_request.keychainService.isEmpty()
                                         ? secrets::SecretStore::defaultService()
                                         : m_request.keychainService);
    store.read(
        m_request.site.passwordKey(), this, [this](secrets::SecretStore::ReadResult password) {
            if (m_finished)
                return;
            if (!password)
                return fail(QStringLiteral("keychain"), password.error().message);
            if (!password->has_value())
                return fail(QStringLiteral("no-password"), m_request.site.missingPasswordMessage());
            loginWith(**password);
        });
}

void ActivationJob::loginWith(const crypto::SecretBytes& password)
{
    m_client->login(m_request.site.user, password, [this](RemoteResult<void> r) {
        if (m_finished)
            return;
        if (!r)
            return fail(r.error());
        upload();
    });
}

void ActivationJob::upload()
{
    enter(Step::Upload);
    const QString expected = m_outcome.expectedSha256;
    m_client->listCertificates([this, expected](RemoteResult<QList<RemoteCertificate>> list) {
        if (m_finished)
            return;
        if (!list)
            return fail(list.error());
        for (const RemoteCertificate& c : *list) {
            if (c.name != m_request.remoteName)
                continue;
            if (c.fingerprintSha256 != expected)
                return fail(
                    QStringLiteral("name-taken"),
                    tr("The system already has a different certificate named \"%1\" (SHA-256 "
                       "%2). Choose another name (--name) or delete that one first.")
                        .arg(c.name, c.fingerprintSha256));
            m_outcome.alreadyPresent = true;
            emit progress(tr("The certificate \"%1\" is already on the system; not uploaded again.")
                              .arg(c.name));
            if (m_request.activate)
                return activate();
            m_outcome.message = tr("The certificate \"%1\" is already on the system (SHA-256 %2).")
                                    .arg(c.name, expected);
            return succeed();
        }
        m_client->upload(*m_bundle, [this, expected](RemoteResult<RemoteCertificate> uploaded) {
            if (m_finished)
                return;
            m_bundle->passphrase.clear();
            if (!uploaded)
                return fail(uploaded.error());
            if (uploaded->fingerprintSha256 != expected)
                return fail(QStringLiteral("fingerprint-mismatch"),
                            tr("The system reports the imported certificate with SHA-256 %1, but "
                               "CertDesk uploaded %2.")
                                .arg(uploaded->fingerprintSha256, expected));
            m_outcome.uploaded = true;
            emit progress(tr("Uploaded as \"%1\".").arg(m_request.remoteName));
            if (!m_request.activate) {
                m_outcome.message = tr("Uploaded \"%1\" (SHA-256 %2). It is not active yet.")
                                        .arg(m_request.remoteName, expected);
                return succeed();
            }
            activate();
        });
    });
}

void ActivationJob::notePending()
{
    if (m_request.registryPath.isEmpty())
        return;
    auto registry = SiteRegistry::open(m_request.registryPath);
    if (!registry)
        return;
    auto site = registry->require(m_request.site.name);
    if (!site)
        return;
    CertificatePin pending;
    pending.certificateSha256 = m_request.certificate.sha256Fingerprint();
    pending.subject = m_request.certificate.subjectCommonName();
    pending.pinnedAt = QDateTime::currentDateTimeUtc();
    site->pendingPinFor(m_request.system) = pending;
    // Best effort: the pending pin only spares the technician a `site trust` later; the
    // job's own outcome does not depend on it.
    (void)registry->update(*site);
}

void ActivationJob::activate()
{
    enter(Step::Activate);
    m_client->activate(m_request.remoteName, m_request.system, [this](RemoteResult<int> r) {
        if (m_finished)
            return;
        if (!r) {
            const RemoteError& e = r.error();
            const bool unknown =
                e.requestSent &&
                (e.kind == RemoteError::Kind::Dropped || e.kind == RemoteError::Kind::Timeout ||
                 e.kind == RemoteError::Kind::Network || e.kind == RemoteError::Kind::BadReply);
            if (!unknown)
                return fail(e);
            // It may be restarting with the new certificate right now: let `site test`
            // recognise it, and never send the request again.
            notePending();
            return fail(QStringLiteral("outcome-unknown"),
                        tr("The activation request was sent, but no answer came back (%1). The "
                           "system may or may not be activating the certificate; CertDesk does not "
                           "send the request again. Wait for the restart (2-3 minutes), then check "
                           "with certdesk-cli site test %2.")
                            .arg(e.message, m_request.site.name));
        }
        m_outcome.activationAccepted = true;
        m_outcome.restartSeconds = *r;
        notePending();
        if (!m_request.wait) {
            m_outcome.message =
                tr("The system accepted the activation and restarts its web server "
                   "(about %1 s). Run certdesk-cli site test %2 afterwards to verify "
                   "and trust the new certificate.")
                    .arg(*r)
                    .arg(m_request.site.name);
            return succeed();
        }
        waitForRestart();
    });
}

void ActivationJob::waitForRestart()
{
    enter(Step::WaitForRestart);
    const QString system = m_request.system;
    m_watcher = new RestartWatcher(m_request.site.hostFor(system), m_request.site.portFor(system),
                                   m_request.site.pinFor(system).certificateSha256,
                                   m_request.restartTimeout, this);
    connect(m_watcher, &RestartWatcher::remainingSeconds, this, &ActivationJob::remainingSeconds);
    connect(m_watcher, &RestartWatcher::listenerDown, this,
            [this] { emit progress(tr("The web server went away (restarting).")); });
    connect(m_watcher, &RestartWatcher::listenerUp, this,
            [this] { emit progress(tr("The web server answers again.")); });
    m_watcher->start([this](RestartWatcher::Outcome o) {
        if (m_finished)
            return;
        switch (o.kind) {
        case RestartWatcher::Outcome::Kind::Canceled:
            return;
        case RestartWatcher::Outcome::Kind::TimedOut:
            return fail(
                QStringLiteral("restart-timeout"),
                tr("The web server of %1 did not come back within %2 seconds (%3). The "
                   "activation may still complete: check later with certdesk-cli site test %4.")
                    .arg(m_request.site.hostFor(m_request.system))
                    .arg(m_request.restartTimeout.count())
                    .arg(o.lastProblem.isEmpty() ? tr("no answer") : o.lastProblem,
                         m_request.site.name));
        case RestartWatcher::Outcome::Kind::Up:
            return verify(o.sawDown);
        }
    });
}

void ActivationJob::verify(bool sawDown)
{
    enter(Step::Verify);
    const QString system = m_request.system;
    m_probe = TlsProbe::start(
        m_request.site.hostFor(system), m_request.site.portFor(system), m_request.probeTimeout,
        this, [this, sawDown, system](ProbeResult r) {
            if (m_finished)
                return;
            if (!r.reached())
                return fail(r.failure ? *r.failure : RemoteError::canceled());
            const QByteArray presented = Fingerprint::ofCertificate(r.leaf());
            m_outcome.presentedSha256 = Fingerprint::format(presented);
            if (presented == m_request.certificate.sha256Fingerprint()) {
                m_outcome.verified = true;
                emit progress(tr("The system serves the new certificate (SHA-256 %1).")
                                  .arg(m_outcome.presentedSha256));
                return repin(r.leaf());
            }
            if (presented == m_request.site.pinFor(system).certificateSha256)
                return fail(
                    QStringLiteral("old-certificate"),
                    (sawDown
                         ? tr("The web server restarted but still serves the old certificate.")
                         : tr("The web server still serves the old certificate after %1 seconds.")
                               .arg(m_request.restartTimeout.count())) +
                        QLatin1Char(' ') +
                        tr("The activation did not take effect.\n  presented SHA-256: %1\n  "
                           "expected SHA-256:  %2")
                            .arg(m_outcome.presentedSha256, m_outcome.expectedSha256));
            fail(
                QStringLiteral("unexpected-certificate"),
                tr("After the restart the web server presents a certificate that is neither the "
                   "old "
                   "nor the new one. CertDesk does not trust it and sent nothing to it; someone "
                   "may be "
                   "intercepting the connection.\n  presented SHA-256: %1\n  expected SHA-256:  %2")
                    .arg(m_outcome.presentedSha256, m_outcome.expectedSha256));
        });
}

void ActivationJob::repin(const QSslCertificate& leaf)
{
    enter(Step::Repin);
    const QString system = m_request.system;
    const bool withKey = !m_request.site.pinFor(system).publicKeySha256.isEmpty();
    const CertificatePin pin = CertificatePin::of(leaf, withKey);
    m_request.site.pinFor(system) = pin;
    m_request.site.pendingPinFor(system) = CertificatePin();
    if (!m_request.registryPath.isEmpty()) {
        auto registry = SiteRegistry::open(m_request.registryPath);
        if (!registry)
            return fail(QStringLiteral("registry"), registry.error().message);
        auto site = registry->require(m_request.site.name);
        if (!site)
            return fail(QStringLiteral("registry"), site.error().message);
        site->pinFor(system) = pin;
        site->pendingPinFor(system) = CertificatePin();
        if (Status s = registry->update(*site); !s)
            return fail(QStringLiteral("registry"), s.error().message);
    }
    m_outcome.repinned = true;
    m_outcome.message = tr("Activated \"%1\" for %2 and verified: the system serves SHA-256 %3, "
                           "now trusted for this site.")
                            .arg(m_request.remoteName,
                                 system == P::boosterSystem() ? tr("the UC Booster Server")
                                                              : tr("the telephony server"),
                                 m_outcome.presentedSha256);
    succeed();
}

} // namespace certdesk::remote
