#include "core/bulk/BulkPreflight.h"

#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/ConnectionTest.h"
#include "core/remote/Fingerprint.h"

#include <QTimer>

#include <algorithm>

namespace certdesk::bulk {

namespace {
using Verdict = PreflightResult::Verdict;

QString findingLine(const policy::Finding& f)
{
    return QStringLiteral("%1 %2: %3 %4")
        .arg(policy::Finding::severityLabel(f.severity), f.code, f.message, f.fix)
        .trimmed();
}
} // namespace

BulkPreflight::BulkPreflight(QList<BulkActivation::Item> items, int parallel, QObject* parent)
    : QObject(parent)
    , m_parallel(std::max(1, parallel))
{
    m_slots.reserve(static_cast<size_t>(items.size()));
    for (BulkActivation::Item& item : items) {
        auto slot = std::make_unique<Slot>();
        slot->result.site = item.request.site.name;
        slot->result.entry = item.entry;
        slot->result.system = item.request.system;
        if (!item.request.certificate.isNull())
            slot->result.expectedSha256 =
                remote::Fingerprint::format(item.request.certificate.sha256Fingerprint());
        slot->item = std::move(item);
        m_slots.push_back(std::move(slot));
    }
}

BulkPreflight::~BulkPreflight() = default;

void BulkPreflight::start()
{
    if (m_running || m_finishedFlag)
        return;
    m_running = true;
    // Compliance first, for every site: it needs no network, and a certificate that breaks a
    // rule blocks its sites without a single connection.
    for (int i = 0; i < size(); ++i) {
        Slot& slot = *m_slots[static_cast<size_t>(i)];
        const remote::ActivationJob::Request& request = slot.item.request;
        PreflightResult& r = slot.result;
        if (request.certificate.isNull() || !request.key) {
            r.verdict = Verdict::Blocked;
            r.problem = QStringLiteral("no-key");
            r.message = tr("The store entry \"%1\" has no certificate with its private key: only "
                           "complete server certificates can be uploaded.")
                            .arg(slot.item.entry);
            continue;
        }
        const auto report = remote::ActivationJob::checkCompliance(request);
        if (!report) {
            r.verdict = Verdict::Blocked;
            r.problem = QStringLiteral("policy");
            r.message = report.error().message;
            continue;
        }
        for (const policy::Finding& f : report->findings()) {
            if (f.severity != policy::Severity::Info)
                r.findings << findingLine(f);
        }
        if (report->hasErrors()) {
            r.verdict = Verdict::Blocked;
            r.problem = QStringLiteral("policy");
            r.message = tr("The certificate \"%1\" breaks %n rule(s) of OpenScape Business V3: "
                           "the system would refuse it.",
                           nullptr, report->count(policy::Severity::Error))
                            .arg(slot.item.entry);
        }
    }
    for (int i = 0; i < size(); ++i) {
        if (m_slots[static_cast<size_t>(i)]->result.isDone()) {
            m_slots[static_cast<size_t>(i)]->started = true;
            emit siteChecked(i);
        }
    }
    emit progressChanged(checkedCount(), size());
    // Later, so that a caller connecting after start() still sees every signal in order.
    QTimer::singleShot(0, this, [this] { pump(); });
}

void BulkPreflight::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    QList<QPointer<remote::ConnectionTest>> running;
    for (int i = 0; i < size(); ++i) {
        Slot& slot = *m_slots[static_cast<size_t>(i)];
        if (slot.result.isDone())
            continue;
        if (slot.test) {
            running.append(slot.test);
            continue;
        }
        slot.started = true;
        slot.result.verdict = Verdict::Canceled;
        slot.result.problem = QStringLiteral("canceled");
        slot.result.message = tr("Canceled before it was checked.");
        emit siteChecked(i);
    }
    // Each ends synchronously and is counted by complete(); the last one finishes the batch.
    for (const QPointer<remote::ConnectionTest>& test : running) {
        if (test)
            test->cancel();
    }
    pump();
}

void BulkPreflight::pump()
{
    if (!m_running)
        return;
    for (int i = 0; i < size() && m_active < m_parallel && !m_canceled; ++i) {
        if (!m_slots[static_cast<size_t>(i)]->started)
            launch(i);
    }
    if (m_active == 0 && checkedCount() == size()) {
        m_running = false;
        m_finishedFlag = true;
        emit progressChanged(checkedCount(), size());
        emit finished();
    }
}

void BulkPreflight::launch(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    slot.started = true;
    const remote::ActivationJob::Request& request = slot.item.request;
    remote::ConnectionTest::Request test;
    test.site = request.site;
    test.system = request.system;
    test.password = request.password;
    test.keychainService = request.keychainService;
    test.timeout = std::min(request.requestTimeout, request.probeTimeout);
    slot.test = new remote::ConnectionTest(std::move(test), this);
    ++m_active;
    connect(slot.test, &remote::ConnectionTest::finished, this, [this, index] { complete(index); });
    slot.test->start();
}

void BulkPreflight::complete(int index)
{
    Slot& slot = *m_slots[static_cast<size_t>(index)];
    if (!slot.test)
        return;
    const remote::ConnectionTest::Outcome outcome = slot.test->outcome();
    slot.test->deleteLater();
    slot.test = nullptr;
    --m_active;
    PreflightResult& r = slot.result;
    r.presentedSha256 = outcome.presentedSha256;
    if (outcome.info) {
        const bool booster = r.system == remote::AdminPortalProtocol::boosterSystem();
        r.activeName = booster ? outcome.info->activeBooster : outcome.info->activeTelephony;
        r.softwareVersion = outcome.info->softwareVersion;
    }
    if (outcome.problem == QLatin1String("canceled")) {
        r.verdict = Verdict::Canceled;
        r.problem = outcome.problem;
        r.message = outcome.message;
    } else if (!outcome.ok) {
        r.verdict = Verdict::Blocked;
        r.problem = outcome.problem;
        r.message = outcome.message;
    } else if (!r.expectedSha256.isEmpty() && r.presentedSha256 == r.expectedSha256) {
        r.verdict = Verdict::AlreadyActive;
        r.message = tr("Already serves the certificate \"%1\": nothing to do.").arg(r.entry);
    } else {
        r.verdict = Verdict::Ready;
        r.message = r.findings.isEmpty() ? outcome.message
                                         : tr("%1 The certificate has %n warning(s).", nullptr,
                                              static_cast<int>(r.findings.size()))
                                               .arg(outcome.message);
    }
    emit siteChecked(index);
    emit progressChanged(checkedCount(), size());
    pump();
}

int BulkPreflight::checkedCount() const
{
    return static_cast<int>(std::count_if(m_slots.begin(), m_slots.end(),
                                          [](const auto& s) { return s->result.isDone(); }));
}

const PreflightResult& BulkPreflight::site(int index) const
{
    return m_slots.at(static_cast<size_t>(index))->result;
}

QList<PreflightResult> BulkPreflight::results() const
{
    QList<PreflightResult> list;
    for (const auto& s : m_slots)
        list.append(s->result);
    return list;
}

int BulkPreflight::count(PreflightResult::Verdict verdict) const
{
    return static_cast<int>(std::count_if(m_slots.begin(), m_slots.end(), [verdict](const auto& s) {
        return s->result.verdict == verdict;
    }));
}

bool BulkPreflight::allClear() const
{
    return std::all_of(m_slots.begin(), m_slots.end(),
                       [](const auto& s) { return s->result.passed(); });
}

QList<BulkActivation::Item> BulkPreflight::passedItems(bool includeActive) const
{
    QList<BulkActivation::Item> items;
    for (const auto& s : m_slots) {
        if (s->result.verdict == Verdict::Ready ||
            (includeActive && s->result.verdict == Verdict::AlreadyActive))
            items.append(s->item);
    }
    return items;
}

} // namespace certdesk::bulk
