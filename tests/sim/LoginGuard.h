#pragma once

#include "core/crypto/SecretBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace certdesk::sim {

// The servlet container's side of the form login: session ids (JSESSIONID), the one
// configured user, and the lock-out after repeated failed logins.
class LoginGuard
{
public:
    enum class Outcome { LoggedIn, BadCredentials, LockedOut, NoSession };
    struct Attempt
    {
        Outcome outcome = Outcome::BadCredentials;
        QByteArray sessionId;     // LoggedIn: the new id (the old one is dropped, as Tomcat does)
        qint64 lockedSeconds = 0; // LockedOut: how long still
    };

    LoginGuard(QString user, crypto::SecretBytes password, int maxFailures, int lockSeconds);

    // "administrator" -> "administrator@system".
    static QString normalizeUser(const QString& user);

    QByteArray newSession();
    bool hasSession(const QByteArray& id) const { return m_sessions.contains(id); }
    Attempt login(const QByteArray& sessionId, const QString& user, const QByteArray& password);
    std::optional<QString> user(const QByteArray& sessionId) const;
    void logout(const QByteArray& sessionId) { m_sessions.remove(sessionId); }
    int failures() const { return m_failures; }
    bool isLocked() const;

private:
    QString m_user;
    crypto::SecretBytes m_password;
    int m_maxFailures;
    int m_lockSeconds;
    int m_failures = 0;
    QDateTime m_lockedUntil;
    QHash<QByteArray, QString> m_sessions; // id -> logged-in user, or empty before login
};

} // namespace certdesk::sim
