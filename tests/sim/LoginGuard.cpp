#include "tests/sim/LoginGuard.h"

#include <QRandomGenerator>

namespace certdesk::sim {

LoginGuard::LoginGuard(QString user, crypto::SecretBytes password, int maxFailures, int lockSeconds)
    : m_user(normalizeUser(user))
    , m_password(std::move(password))
    , m_maxFailures(maxFailures)
    , m_lockSeconds(lockSeconds)
{
}

QString LoginGuard::normalizeUser(const QString& user)
{
    const QString trimmed = user.trimmed();
    return trimmed.contains(QLatin1Char('@')) ? trimmed : trimmed + QStringLiteral("@system");
}

QByteArray LoginGuard::newSession()
{
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(raw.data()), raw.size() / 4);
    const QByteArray id = raw.toHex().toUpper();
    m_sessions.insert(id, QString());
    return id;
}

bool LoginGuard::isLocked() const
{
    return m_lockedUntil.isValid() && QDateTime::currentDateTimeUtc() < m_lockedUntil;
}

LoginGuard::Attempt LoginGuard::login(const QByteArray& sessionId, const QString& user,
                                      const QByteArray& password)
{
    Attempt attempt;
    if (!m_sessions.contains(sessionId)) {
        attempt.outcome = Outcome::NoSession;
        return attempt;
    }
    if (isLocked()) {
        attempt.outcome = Outcome::LockedOut;
        attempt.lockedSeconds = QDateTime::currentDateTimeUtc().secsTo(m_lockedUntil);
        return attempt;
    }
    // Compared in full whatever differs first: the simulator has no timing to hide, but it
    // should not teach the opposite.
    const QByteArrayView expected = m_password.view();
    bool same = expected.size() == password.size();
    unsigned char diff = 0;
    for (qsizetype i = 0; i < password.size(); ++i)
        diff |= static_cast<unsigned char>(password[i] ^ (i < expected.size() ? expected[i] : 0));
    same = same && diff == 0 && normalizeUser(user) == m_user;
    if (!same) {
        if (++m_failures >= m_maxFailures) {
            m_lockedUntil = QDateTime::currentDateTimeUtc().addSecs(m_lockSeconds);
            m_failures = 0;
            attempt.outcome = Outcome::LockedOut;
            attempt.lockedSeconds = m_lockSeconds;
            return attempt;
        }
        attempt.outcome = Outcome::BadCredentials;
        return attempt;
    }
    m_failures = 0;
    m_sessions.remove(sessionId);
    attempt.sessionId = newSession();
    m_sessions.insert(attempt.sessionId, m_user);
    attempt.outcome = Outcome::LoggedIn;
    return attempt;
}

std::optional<QString> LoginGuard::user(const QByteArray& sessionId) const
{
    const auto it = m_sessions.constFind(sessionId);
    if (it == m_sessions.cend() || it->isEmpty())
        return std::nullopt;
    return *it;
}

} // namespace certdesk::sim
