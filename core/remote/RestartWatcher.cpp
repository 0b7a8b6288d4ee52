#include "core/remote/RestartWatcher.h"

#include "core/remote/Fingerprint.h"
#include "core/remote/TlsProbe.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace certdesk::remote {

RestartWatcher::RestartWatcher(QString host, quint16 port, QByteArray oldSha256,
                               std::chrono::seconds timeout, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_oldSha256(std::move(oldSha256))
    , m_timeout(timeout)
    , m_pauseTimer(new QTimer(this))
    , m_ticker(new QTimer(this))
{
    m_pauseTimer->setSingleShot(true);
    connect(m_pauseTimer, &QTimer::timeout, this, &RestartWatcher::probe);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, [this] {
        const qint64 left = remainingMs();
        emit remainingSeconds(static_cast<int>((std::max<qint64>(left, 0) + 999) / 1000));
    });
}

qint64 RestartWatcher::remainingMs() const
{
    return m_deadline - QDateTime::currentMSecsSinceEpoch();
}

void RestartWatcher::start(Callback done)
{
    m_done = std::move(done);
    m_deadline = QDateTime::currentMSecsSinceEpoch() + std::chrono::milliseconds(m_timeout).count();
    emit remainingSeconds(static_cast<int>(m_timeout.count()));
    m_ticker->start();
    schedule();
}

void RestartWatcher::schedule()
{
    const qint64 left = remainingMs();
    if (left <= 0) {
        Outcome o;
        if (m_lastUpWasOld) {
            // It answered all along, with the old certificate: report what it serves.
            o.kind = Outcome::Kind::Up;
            o.leaf = m_lastLeaf;
            o.sawDown = m_sawDown;
        } else {
            o.kind = Outcome::Kind::TimedOut;
            o.sawDown = m_sawDown;
            o.lastProblem = m_lastProblem;
        }
        finish(o);
        return;
    }
    m_pauseTimer->start(std::chrono::milliseconds(std::min<qint64>(m_pause.count(), left)));
    m_pause = std::min(maxPause, std::chrono::milliseconds(m_pause.count() * 3 / 2));
}

void RestartWatcher::probe()
{
    const qint64 left = std::max<qint64>(remainingMs(), 1000);
    const auto probeTimeout = std::chrono::milliseconds(std::min<qint64>(left, 5000));
    m_probe = TlsProbe::start(m_host, m_port, probeTimeout, this, [this](ProbeResult r) {
        m_probe = nullptr;
        if (m_finished)
            return;
        if (!r.reached()) {
            // Refused, cut, timed out: the web server is away (or on its way).
            m_lastProblem = r.failure ? r.failure->message : QString();
            m_lastUpWasOld = false;
            if (!m_sawDown) {
                m_sawDown = true;
                // Coming back is what matters now: look again soon.
                m_pause = firstPause * 2;
                emit listenerDown();
            }
            schedule();
            return;
        }
        const bool isOld = Fingerprint::ofCertificate(r.leaf()) == m_oldSha256;
        if (m_sawDown || !isOld) {
            emit listenerUp();
            Outcome o;
            o.kind = Outcome::Kind::Up;
            o.leaf = r.leaf();
            o.sawDown = m_sawDown;
            finish(o);
            return;
        }
        m_lastUpWasOld = true;
        m_lastLeaf = r.leaf();
        schedule();
    });
}

void RestartWatcher::cancel()
{
    Outcome o;
    o.kind = Outcome::Kind::Canceled;
    finish(o);
}

void RestartWatcher::finish(Outcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_ticker->stop();
    m_pauseTimer->stop();
    if (m_probe)
        m_probe->abort();
    if (m_done) {
        Callback done = std::move(m_done);
        done(std::move(outcome));
    }
}

} // namespace certdesk::remote
