#pragma once

#include "core/Result.h"
#include "core/store/CertificateStore.h"
#include "core/store/StoreUnlocker.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <optional>

namespace certdesk::ui {

// The certificate store as the window sees it. Listing comes from the index and needs no key;
// the store key arrives asynchronously from the keychain. Work on the store runs off the UI
// thread: writes one at a time in the order they were asked for, reads on a snapshot in
// parallel. Jobs that need the key wait for it.
class StoreController : public QObject
{
    Q_OBJECT
public:
    enum class KeyState { Closed, Pending, Ready, Failed };

    template <typename T> using Job = std::function<Result<T>(store::CertificateStore&)>;
    template <typename T> using Done = std::function<void(Result<T>)>;

    explicit StoreController(QObject* parent = nullptr);
    ~StoreController() override;

    // Reads the index (synchronous and quick: no key, no certificate parsing).
    Status open(const QString& root);
    // Obtains the store key without blocking; keyStateChanged() tells when it is there.
    void unlock(store::StoreUnlocker unlocker);

    bool isOpen() const { return m_store.has_value(); }
    QString root() const;
    QList<store::StoreEntry> entries() const;
    std::optional<store::StoreEntry> find(const QString& name) const;
    KeyState keyState() const { return m_keyState; }
    QString keyError() const { return m_keyError; }
    bool isBusy() const { return m_running > 0 || !m_waiting.isEmpty(); }

    // Changes the store. `done` runs on the UI thread unless `context` is gone by then.
    template <typename T>
    void write(const QString& what, bool needKey, QObject* context, Job<T> job, Done<T> done)
    {
        run<T>(true, what, needKey, context, std::move(job), std::move(done));
    }
    // Reads from a snapshot of the store; may run beside other reads and the current write.
    template <typename T>
    void read(const QString& what, bool needKey, QObject* context, Job<T> job, Done<T> done)
    {
        run<T>(false, what, needKey, context, std::move(job), std::move(done));
    }

signals:
    void entriesChanged();
    void keyStateChanged();
    void busyChanged(bool busy, const QString& what);

private:
    struct Waiting
    {
        std::function<void()> start;
        std::function<void(const Error&)> fail;
    };

    template <typename T>
    void run(bool writes, const QString& what, bool needKey, QObject* context, Job<T> job,
             Done<T> done);
    void enqueue(bool needKey, Waiting waiting);
    void jobStarted(const QString& what);
    void jobFinished(bool wroteStore);
    void keyArrived(Result<store::CertificateStore> opened);

    std::optional<store::CertificateStore> m_store;
    KeyState m_keyState = KeyState::Closed;
    QString m_keyError;
    QThreadPool m_writer; // one thread: writes in order
    int m_running = 0;
    QString m_current;
    QList<Waiting> m_waiting; // jobs that wait for the key
};

template <typename T>
void StoreController::run(bool writes, const QString& what, bool needKey, QObject* context,
                          Job<T> job, Done<T> done)
{
    QPointer<QObject> guard(context);
    auto start = [this, writes, what, job, done, guard]() {
        if (!m_store) {
            if (guard)
                done(Error::failure(tr("No certificate store is open.")));
            return;
        }
        store::CertificateStore snapshot = *m_store;
        jobStarted(what);
        auto work = [snapshot, job, writes]() mutable -> std::optional<Result<T>> {
            if (writes) {
                if (Status s = snapshot.reload(); !s)
                    return Result<T>(s.error());
            }
            return job(snapshot);
        };
        QFuture<std::optional<Result<T>>> future =
            writes ? QtConcurrent::run(&m_writer, std::move(work))
                   : QtConcurrent::run(QThreadPool::globalInstance(), std::move(work));
        future.then(this, [this, writes, done, guard](std::optional<Result<T>> result) {
            jobFinished(writes);
            if (guard)
                done(std::move(*result));
        });
    };
    auto fail = [done, guard](const Error& error) {
        if (guard)
            done(error);
    };
    enqueue(needKey, Waiting{std::move(start), std::move(fail)});
}

} // namespace certdesk::ui
