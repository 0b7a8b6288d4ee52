#pragma once

#include "core/bulk/BulkActivation.h"
#include "core/bulk/PreflightResult.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace certdesk::remote {
class ConnectionTest;
}

namespace certdesk::bulk {

// Checks a whole batch before anything is uploaded anywhere: for each site the certificate
// assigned to it against the OpenScape Business V3 rules (what ActivationJob's preflight
// checks), and a connection test (remote::ConnectionTest: the listener presents its pinned
// certificate, the keychain holds the password, the login works). At most `parallel` tests
// at once, all on the calling thread's event loop. Sends nothing but a login, and that only to
// a listener that matched its pin.
class BulkPreflight : public QObject
{
    Q_OBJECT

public:
    BulkPreflight(QList<BulkActivation::Item> items, int parallel = 32, QObject* parent = nullptr);
    ~BulkPreflight() override;

    void start();
    void cancel(); // sites not checked yet end as "canceled"; finished() follows
    bool isRunning() const { return m_running; }
    bool isFinished() const { return m_finishedFlag; }

    int size() const { return static_cast<int>(m_slots.size()); }
    int checkedCount() const;
    const PreflightResult& site(int index) const;
    QList<PreflightResult> results() const;
    int count(PreflightResult::Verdict verdict) const;
    // Every site is Ready or AlreadyActive: the batch may run.
    bool allClear() const;
    // The items whose site passed (Ready or, with `includeActive`, AlreadyActive).
    QList<BulkActivation::Item> passedItems(bool includeActive = false) const;

signals:
    void siteChecked(int index);
    void progressChanged(int checked, int total);
    void finished();

private:
    struct Slot
    {
        BulkActivation::Item item;
        PreflightResult result;
        QPointer<remote::ConnectionTest> test;
        bool started = false;
    };

    void pump();
    void launch(int index);
    void complete(int index);

    std::vector<std::unique_ptr<Slot>> m_slots;
    int m_parallel = 32;
    int m_active = 0;
    bool m_running = false;
    bool m_finishedFlag = false;
    bool m_canceled = false;
};

} // namespace certdesk::bulk
