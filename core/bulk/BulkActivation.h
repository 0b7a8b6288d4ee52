#pragma once

#include "core/bulk/BulkReport.h"
#include "core/bulk/BulkSiteResult.h"
#include "core/remote/ActivationJob.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <memory>
#include <vector>

class QTimer;

namespace certdesk::remote {
class TlsProbe;
}

namespace certdesk::bulk {

// Runs one ActivationJob per site, at most `parallel` in their network steps at once (login,
// upload, activate, verify; a site waiting for its restart does not hold a slot unless
// Options::waitingHoldsSlot), all on the event loop of the calling thread (no thread per
// site: waiting on a restart is a timer and a socket).
//
// - A transient failure before the activation was sent (login or upload: connection dropped
//   or refused, timeout, 5xx) starts the site's job again after an exponential backoff, at
//   most `retries` times.
// - An activation is never sent twice: "activate:outcome-unknown" is settled by handshakes
//   during the restart window - the site succeeds if it then serves the expected certificate
//   (and is re-pinned), and otherwise keeps that failure with what it served.
// - cancel(): sites not started, or waiting to retry, are canceled; running jobs still before
//   the activation stop; jobs that sent it finish waiting and verifying.
// - pause(): no new starts until resume(). rerunFailed(): the failed and canceled sites again;
//   one that failed at or after its activation is first checked by handshake and not activated
//   again if it already serves the certificate.
class BulkActivation : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int parallel = 32;
        int retries = 3;                         // further attempts after a transient failure
        std::chrono::milliseconds backoff{2000}; // first retry delay; doubles per retry
        std::chrono::milliseconds maxBackoff{60000};
        std::chrono::milliseconds settleInterval{2000}; // between settling handshakes
        std::chrono::seconds settleWindow{0};           // 0: the request's restartTimeout
        // A site waiting for its web server's restart (or settling a lost answer) holds no
        // connection, only a timer and a probe now and then: by default it does not count
        // against `parallel`, so the next sites start their logins and uploads meanwhile.
        bool waitingHoldsSlot = false;
    };

    struct Item
    {
        remote::ActivationJob::Request request;
        QString entry; // the store entry's name, for the report
    };

    BulkActivation(QList<Item> items, Options options, QObject* parent = nullptr);
    ~BulkActivation() override;

    void start();
    void pause();
    void resume();
    void cancel();
    // Puts the failed and canceled sites back in the queue and runs them; the number queued.
    int rerunFailed();

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_paused; }
    bool isCanceled() const { return m_canceled; }
    int size() const { return static_cast<int>(m_slots.size()); }
    int activeCount() const;  // sites holding a slot (see Options::waitingHoldsSlot)
    int runningCount() const; // sites started and not finished, waiting ones included
    int finishedCount() const;
    int peakActive() const { return m_peakActive; }
    const BulkSiteResult& site(int index) const;
    BulkReport report() const;
    const Options& options() const { return m_options; }

    // A failure worth another attempt: before the activation, and of a passing kind.
    static bool isTransient(const remote::ActivationJob::Outcome& outcome);

signals:
    void siteChanged(int index);
    void siteProgress(int index, const QString& message);
    void retryScheduled(int index, int attempt, const QString& failure, int delayMs);
    void progressChanged(int finished, int total);
    void finished();

private:
    struct Slot
    {
        Item item;
        BulkSiteResult result;
        QPointer<remote::ActivationJob> job;
        QTimer* retryTimer = nullptr;
        QPointer<remote::TlsProbe> probe;
        QElapsedTimer stepClock;
        QString currentStep;
        QElapsedTimer settleClock;
        // Re-run of a site whose activation may have been sent: a handshake first, and no new
        // activation if it already serves the certificate.
        bool checkServedFirst = false;
    };

    void pump();
    void launch(int index);
    void checkServed(int index);
    void startJob(int index);
    void onStep(int index, remote::ActivationJob::Step step);
    void onJobFinished(int index);
    void closeStep(Slot& slot);
    void scheduleRetry(int index);
    void settle(int index);
    void settleProbe(int index);
    void finishSite(int index, BulkSiteResult::State state);
    void repin(Slot& slot, const QSslCertificate& leaf);
    void maybeFinish();
    void reloadSite(Slot& slot);

    std::vector<std::unique_ptr<Slot>> m_slots;
    Options m_options;
    QDateTime m_started;
    QDateTime m_ended;
    bool m_running = false;
    bool m_paused = false;
    bool m_canceled = false;
    bool m_pumpQueued = false;
    int m_peakActive = 0;
    void queuePump();
};

} // namespace certdesk::bulk
