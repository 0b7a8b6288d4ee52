#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace certdesk::bulk {

// What happened on one site of a bulk activation: its state, the named failure, the
// fingerprints served before and after, times per step and the number of attempts.
struct BulkSiteResult
{
    Q_DECLARE_TR_FUNCTIONS(BulkSiteResult)

public:
    enum class State { Pending, Running, RetryWait, Settling, Succeeded, Failed, Canceled };

    QString site;
    QString host;
    quint16 port = 0;
    QString entry;      // the store entry assigned to the site
    QString remoteName; // its name on the system
    State state = State::Pending;
    QString step;    // the job's current (or last) step id: "login", "wait" …
    QString failure; // "<step>:<reason>", empty on success
    QString message; // for people: the job's result or error text
    QString expectedSha256;
    QString beforeSha256; // what the site served before (its pin)
    QString afterSha256;  // what a handshake saw at the end; empty if none was made
    QString settled;      // for "activate:outcome-unknown": how it was settled
    QDateTime started;
    QDateTime ended;
    int attempts = 0;
    QList<QPair<QString, qint64>> stepMs; // step id -> milliseconds, in the order first seen

    bool isFinal() const
    {
        return state == State::Succeeded || state == State::Failed || state == State::Canceled;
    }
    void addStepTime(const QString& stepId, qint64 ms);
    qint64 stepTime(const QString& stepId) const; // -1: never entered
    qint64 totalMs() const;

    static QString stateId(State state);    // "pending", "running", … (stable)
    static QString stateLabel(State state); // translated
    QJsonObject toJson() const;
};

} // namespace certdesk::bulk
