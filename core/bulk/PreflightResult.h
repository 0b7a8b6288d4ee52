#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace certdesk::bulk {

// What the preflight found for one site of a batch.
struct PreflightResult
{
    Q_DECLARE_TR_FUNCTIONS(PreflightResult)

public:
    enum class Verdict {
        Pending,       // not checked yet
        Ready,         // compliant certificate, trusted listener, login works
        AlreadyActive, // ready, and the listener already serves the assigned certificate
        Blocked,       // something must be fixed first: see `problem` and `message`
        Canceled
    };

    QString site;
    QString entry;
    QString system; // "telephony" or "booster"
    Verdict verdict = Verdict::Pending;
    // Stable id of what blocks the site: "policy", "no-key", "no-booster", "not-trusted",
    // "mismatch", "unreachable", "no-password", "keychain", "login" (+ RemoteError kinds).
    QString problem;
    QString message;         // for people: what is wrong and what to do
    QStringList findings;    // the compliance findings (errors and warnings), one line each
    QString presentedSha256; // what the listener presented
    QString expectedSha256;  // the assigned certificate
    QString activeName;      // the system's active certificate's name, from the login
    QString softwareVersion; // from the login

    bool isDone() const { return verdict != Verdict::Pending; }
    bool passed() const { return verdict == Verdict::Ready || verdict == Verdict::AlreadyActive; }

    static QString verdictId(Verdict verdict);    // "pending", "ready", … (stable)
    static QString verdictLabel(Verdict verdict); // translated
    QJsonObject toJson() const;
};

} // namespace certdesk::bulk
