#include "core/bulk/BulkActivation.h"

#include "core/remote/CertificatePin.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/SiteRegistry.h"
#include "core/remote/TlsProbe.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>

namespace certdesk::bulk {

using remote::ActivationJob;
using State = BulkSiteResult::State;

namespace {
const QString kOutcomeUnknown = QStringLiteral("activate:outcome-unknown");
const QString kSettleStep = QStringLiteral("settle");
} // namespace

BulkActivation::BulkActivation(QList<Item> items, Options options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_options.parallel = std::max(1, m_options.parallel);
    m_options.retries = std::max(0, m_options.retries);
    m_slots.reserve(static_cast<size_t>(items.size()));
    for (Item& item : items) {
        auto slot = std::make_unique<Slot>();
        const ActivationJob::Request& r = item.request;
        slot->result.site = r.site.name;
        slot->result.host = r.site.hostFor(r.system);
        slot->result.port = r.site.portFor(r.system);
        slot->result.entry = item.entry;
        slot->result.remoteName = r.remoteName;
        slot->result.expectedSha256 =
            remote::Fingerprint::format(r.certificate.sha256Fingerprint());
        slot->result.beforeSha256 = r.site.pinFor(r.system).certificateFingerprint();
        slot->item = std::move(item);
        m_slots.push_back(std::move(slot));
    }
}

BulkActivation::~BulkActivation()
{
    for (auto& slot : m_slots) {
        if (slot->job) {
            slot->job->disconnect(this);
            delete slot->job.data();
        }
        if (slot->probe)
            slot->probe->abort();
    }
}

bool BulkActivation::isTransient(const ActivationJob::Outcome& outcome)
{
    if (outcome.success)
        return false;
    if (outcome.step != ActivationJob::Step::Login && outcome.step != ActivationJob::Step::Upload)
        return false;
    static const QStringList passing{
        QStringLiteral("connection-dropped"), QStringLiteral("connection-refused"),
        QStringLiteral("timeout"), QStringLiteral("server-error"), QStringLiteral("network-error")};
    return passing.contains(outcome.reason);
}

int BulkActivation::activeCount() const
{
    int n = 0;
    for (const auto& slot : m_slots) {
        const BulkSiteResult& r = slot->result;
        const bool waiting = r.state == State::Settling ||
                             (r.state == State::Running &&
                              r.step == ActivationJob::stepId(ActivationJob::Step::WaitForRestart));
        if (r.state == State::Running || r.state == State::Settling)
            n += (!waiting || m_options.waitingHoldsSlot) ? 1 : 0;
    }
    return n;
}

int BulkActivation::runningCount() const
{
    int n = 0;
    for (const auto& slot : m_slots)
        n +=
            (slot->result.state == State::Running || slot->result.state == State::Settling) ? 1 : 0;
    return n;
}

void BulkActivation::queuePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &BulkActivation::pump, Qt::QueuedConnection);
}

int BulkActivation::finishedCount() const
{
    int n = 0;
    for (const auto& slot : m_slots)
        n += slot->result.isFinal() ? 1 : 0;
    return n;
}

const BulkSiteResult& BulkActivation::site(int index) const
{
    return m_slots.at(static_cast<size_t>(index))->result;
}

BulkReport BulkActivation::report() const
{
    BulkReport r;
    r.system = m_slots.empty() ? QString() : m_slots.front()->item.request.system;
    r.started = m_started;
    r.ended = m_ended;
    r.parallel = m_options.parallel;
    for (const auto& slot : m_slots)
        r.sites.append(slot->result);
    return r;
}

void BulkActivation::start()
{
    if (m_running || !m_started.isNull())
        return;
    m_running = true;
    m_started = QDateTime::currentDateTimeUtc();
    // Later: a caller connects, starts, and then hears everything.
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &BulkActivation::pump, Qt::QueuedConnection);
}

void BulkActivation::pause()
{
    m_paused = true;
}

void BulkActivation::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    pump();
}

void BulkActivation::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    for (size_t i = 0; i < m_slots.size(); ++i) {
        Slot& slot = *m_slots[i];
        const int index = static_cast<int>(i);
        switch (slot.result.state) {
        case State::Pending:
            slot.result.message = tr("Not started: the batch was canceled.");
            slot.result.failure = QStringLiteral("bulk:canceled");
            finishSite(index, State::Canceled);
            break;
        case State::RetryWait:
            if (slot.retryTimer)
                slot.retryTimer->stop();
            slot.result.message += QLatin1Char('\n') + tr("Not retried: the batch was canceled.");
            finishSite(index, State::Canceled);
            break;
        case State::Running:
            // Before the activation nothing has changed on the system: stop. Once it is sent,
            // the site finishes waiting and verifying so its state is known.
            if (slot.job && (slot.job->step() == ActivationJob::Step::Preflight ||
                             slot.job->step() == ActivationJob::Step::Login ||
                             slot.job->step() == ActivationJob::Step::Upload))
                slot.job->cancel();
            break;
        case State::Settling:
        case State::Succeeded:
        case State::Failed:
        case State::Canceled:
            break;
        }
    }
    maybeFinish();
}

int BulkActivation::rerunFailed()
{
    if (m_running)
        return 0;
    int queued = 0;
    for (size_t i = 0; i < m_slots.size(); ++i) {
        Slot& slot = *m_slots[i];
        if (slot.result.state != State::Failed && slot.result.state != State::Canceled)
            continue;
        // Its activation may have been sent: look before sending another one.
        const QString failedAt = slot.result.failure.section(QLatin1Char(':'), 0, 0);
        slot.checkServedFirst = QStringList{QStringLiteral("activate"), QStringLiteral("wait"),
                                            QStringLiteral("verify"), QStringLiteral("repin")}
                                    .contains(failedAt);
        BulkSiteResult fresh;
        fresh.site = slot.result.site;
        fresh.host = slot.result.host;
        fresh.port = slot.result.port;
        fresh.entry = slot.result.entry;
        fresh.remoteName = slot.result.remoteName;
        fresh.expectedSha256 = slot.result.expectedSha256;
        slot.result = fresh;
        reloadSite(slot);
        slot.result.beforeSha256 =
            slot.item.request.site.pinFor(slot.item.request.system).certificateFingerprint();
        ++queued;
        emit siteChanged(static_cast<int>(i));
    }
    if (queued == 0)
        return 0;
    m_canceled = false;
    m_running = true;
    m_started = QDateTime::currentDateTimeUtc();
    m_ended = QDateTime();
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &BulkActivation::pump, Qt::QueuedConnection);
    return queued;
}

void BulkActivation::pump()
{
    m_pumpQueued = false;
    if (!m_running)
        return;
    if (!m_paused && !m_canceled) {
        int active = activeCount();
        for (size_t i = 0; i < m_slots.size() && active < m_options.parallel; ++i) {
            if (m_slots[i]->result.state != State::Pending)
                continue;
            launch(static_cast<int>(i));
            ++active;
        }
        m_peakActive = std::max(m_peakActive, active);
    }
    maybeFinish();
}

void BulkActivation::reloadSite(Slot& slot)
{
    // The pins may have moved since the batch was put together (an earlier run, `site test`).
    const QString path = slot.item.request.registryPath;
    if (path.isEmpty())
        return;
    auto registry = remote::SiteRegistry::open(path);
    if (!registry)
        return;
    if (auto site = registry->find(slot.item.request.site.name))
        slot.item.request.site = *site;
}

void BulkActivation::launch(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    if (slot.result.attempts > 0)
        reloadSite(slot);
    slot.result.state = State::Running;
    slot.result.attempts += 1;
    if (!slot.result.started.isValid())
        slot.result.started = QDateTime::currentDateTimeUtc();
    slot.currentStep.clear();
    if (slot.checkServedFirst) {
        slot.checkServedFirst = false;
        return checkServed(index);
    }
    startJob(index);
}

void BulkActivation::checkServed(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    const ActivationJob::Request& r = slot.item.request;
    slot.result.step = QStringLiteral("recheck");
    slot.currentStep = slot.result.step;
    slot.stepClock.start();
    emit siteChanged(index);
    slot.probe = remote::TlsProbe::start(
        r.site.hostFor(r.system), r.site.portFor(r.system), r.probeTimeout, this,
        [this, index](remote::ProbeResult p) {
            Slot& s = *m_slots[static_cast<size_t>(index)];
            closeStep(s);
            const QByteArray expected = s.item.request.certificate.sha256Fingerprint();
            if (p.reached() && remote::Fingerprint::ofCertificate(p.leaf()) == expected) {
                s.result.afterSha256 = s.result.expectedSha256;
                s.result.settled = tr("Re-run: the system already serves the expected certificate "
                                      "(checked by handshake), so it was not activated again.");
                s.result.step = ActivationJob::stepId(ActivationJob::Step::Done);
                repin(s, p.leaf());
                s.result.message =
                    tr("Verified: the system serves SHA-256 %1.").arg(s.result.afterSha256);
                return finishSite(index, State::Succeeded);
            }
            if (m_canceled) {
                s.result.message = tr("Not started: the batch was canceled.");
                s.result.failure = QStringLiteral("bulk:canceled");
                return finishSite(index, State::Canceled);
            }
            startJob(index);
        });
}

void BulkActivation::startJob(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    auto* job = new ActivationJob(slot.item.request, this);
    slot.job = job;
    connect(job, &ActivationJob::stepChanged, this,
            [this, index](ActivationJob::Step step) { onStep(index, step); });
    connect(job, &ActivationJob::progress, this,
            [this, index](const QString& message) { emit siteProgress(index, message); });
    connect(job, &ActivationJob::finished, this, [this, index] { onJobFinished(index); });
    emit siteChanged(index);
    job->start();
}

void BulkActivation::closeStep(Slot& slot)
{
    if (!slot.currentStep.isEmpty() && slot.stepClock.isValid())
        slot.result.addStepTime(slot.currentStep, slot.stepClock.elapsed());
    slot.currentStep.clear();
}

void BulkActivation::onStep(int index, ActivationJob::Step step)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    closeStep(slot);
    slot.result.step = ActivationJob::stepId(step);
    if (step != ActivationJob::Step::Done) {
        slot.currentStep = slot.result.step;
        slot.stepClock.start();
    }
    emit siteChanged(index);
    if (step == ActivationJob::Step::WaitForRestart && !m_options.waitingHoldsSlot)
        queuePump(); // its slot is free while it waits
}

void BulkActivation::onJobFinished(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    closeStep(slot);
    if (!slot.job)
        return;
    const ActivationJob::Outcome outcome = slot.job->outcome();
    slot.job->disconnect(this);
    slot.job->deleteLater();
    slot.job.clear();

    slot.result.step = ActivationJob::stepId(outcome.step);
    slot.result.message = outcome.message;
    if (!outcome.presentedSha256.isEmpty())
        slot.result.afterSha256 = outcome.presentedSha256;
    if (!outcome.previousSha256.isEmpty())
        slot.result.beforeSha256 = outcome.previousSha256;

    if (outcome.success) {
        slot.result.failure.clear();
        finishSite(index, State::Succeeded);
    } else if (outcome.failureName() == kOutcomeUnknown) {
        slot.result.failure = kOutcomeUnknown;
        settle(index);
    } else if (!m_canceled && isTransient(outcome) && slot.result.attempts <= m_options.retries) {
        slot.result.failure = outcome.failureName();
        scheduleRetry(index);
    } else {
        slot.result.failure = outcome.failureName();
        finishSite(index,
                   outcome.reason == QLatin1String("canceled") ? State::Canceled : State::Failed);
    }
    queuePump();
}

void BulkActivation::scheduleRetry(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    const int retry = slot.result.attempts; // 1 for the first retry
    qint64 delay = m_options.backoff.count();
    for (int i = 1; i < retry && delay < m_options.maxBackoff.count(); ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, m_options.maxBackoff.count());
    slot.result.state = State::RetryWait;
    if (!slot.retryTimer) {
        slot.retryTimer = new QTimer(this);
        slot.retryTimer->setSingleShot(true);
        connect(slot.retryTimer, &QTimer::timeout, this, [this, index] {
            Slot& s = *m_slots[static_cast<size_t>(index)];
            if (s.result.state != State::RetryWait)
                return;
            s.result.state = State::Pending; // started by pump(), unless paused
            emit siteChanged(index);
            pump();
        });
    }
    slot.retryTimer->start(static_cast<int>(delay));
    emit siteProgress(index, tr("Transient failure (%1); attempt %2 of %3 in %4 s.")
                                 .arg(slot.result.failure)
                                 .arg(retry + 1)
                                 .arg(m_options.retries + 1)
                                 .arg(static_cast<double>(delay) / 1000.0, 0, 'f', 1));
    emit retryScheduled(index, retry + 1, slot.result.failure, static_cast<int>(delay));
    emit siteChanged(index);
}

void BulkActivation::settle(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    slot.result.state = State::Settling;
    slot.currentStep = kSettleStep;
    slot.stepClock.start();
    slot.settleClock.start();
    emit siteProgress(index, tr("The activation's answer was lost; CertDesk does not send it again "
                                "but checks by handshake whether the system now serves the new "
                                "certificate."));
    emit siteChanged(index);
    if (!m_options.waitingHoldsSlot)
        queuePump();
    settleProbe(index);
}

void BulkActivation::settleProbe(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    const ActivationJob::Request& r = slot.item.request;
    const std::chrono::milliseconds window =
        m_options.settleWindow.count() > 0 ? m_options.settleWindow : r.restartTimeout;
    slot.probe = remote::TlsProbe::start(
        r.site.hostFor(r.system), r.site.portFor(r.system), r.probeTimeout, this,
        [this, index, window](remote::ProbeResult p) {
            Slot& s = *m_slots[static_cast<size_t>(index)];
            const ActivationJob::Request& req = s.item.request;
            QString seen;
            if (p.reached()) {
                const QByteArray presented = remote::Fingerprint::ofCertificate(p.leaf());
                s.result.afterSha256 = remote::Fingerprint::format(presented);
                if (presented == req.certificate.sha256Fingerprint()) {
                    closeStep(s);
                    s.result.settled =
                        tr("Settled: the activation took effect; the system serves the expected "
                           "certificate (checked by handshake, the request was not sent again).");
                    s.result.failure.clear();
                    s.result.step = ActivationJob::stepId(ActivationJob::Step::Done);
                    repin(s, p.leaf());
                    s.result.message = tr("Activated and verified: the system serves SHA-256 %1.")
                                           .arg(s.result.afterSha256);
                    return finishSite(index, State::Succeeded);
                }
                seen = presented == req.site.pinFor(req.system).certificateSha256
                           ? tr("it still serves the old certificate")
                           : tr("it serves a certificate that is neither the old nor the new one "
                                "(SHA-256 %1)")
                                 .arg(s.result.afterSha256);
            } else {
                seen =
                    tr("no handshake (%1)").arg(p.failure ? p.failure->message : tr("no answer"));
            }
            if (s.settleClock.elapsed() >= window.count()) {
                closeStep(s);
                s.result.settled =
                    tr("Not settled: %1 s after the lost answer %2. The request was not sent "
                       "again; check the system before activating again.")
                        .arg(window.count() / 1000)
                        .arg(seen);
                return finishSite(index, State::Failed);
            }
            QTimer::singleShot(m_options.settleInterval, this,
                               [this, index] { settleProbe(index); });
        });
}

void BulkActivation::repin(Slot& slot, const QSslCertificate& leaf)
{
    ActivationJob::Request& r = slot.item.request;
    const bool withKey = !r.site.pinFor(r.system).publicKeySha256.isEmpty();
    const remote::CertificatePin pin = remote::CertificatePin::of(leaf, withKey);
    r.site.pinFor(r.system) = pin;
    r.site.pendingPinFor(r.system) = remote::CertificatePin();
    if (r.registryPath.isEmpty())
        return;
    auto registry = remote::SiteRegistry::open(r.registryPath);
    if (!registry)
        return;
    auto site = registry->require(r.site.name);
    if (!site)
        return;
    site->pinFor(r.system) = pin;
    site->pendingPinFor(r.system) = remote::CertificatePin();
    if (Status s = registry->update(*site); !s)
        slot.result.message += QLatin1Char('\n') + s.error().message;
}

void BulkActivation::finishSite(int index, State state)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    slot.result.state = state;
    slot.result.ended = QDateTime::currentDateTimeUtc();
    if (!slot.result.started.isValid())
        slot.result.started = slot.result.ended;
    emit siteChanged(index);
    emit progressChanged(finishedCount(), size());
    queuePump(); // a slot is free; and the last site ends the batch
}

void BulkActivation::maybeFinish()
{
    if (!m_running)
        return;
    for (const auto& slot : m_slots) {
        if (!slot->result.isFinal())
            return;
    }
    m_running = false;
    m_ended = QDateTime::currentDateTimeUtc();
    emit finished();
}

} // namespace certdesk::bulk
