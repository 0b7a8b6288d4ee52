#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

#include <chrono>
#include <functional>

class QTimer;

namespace certdesk::remote {

class TlsProbe;

// Watches a listener go away and come back after an activation: TLS handshakes (TlsProbe,
// nothing sent) with growing pauses, bounded by a timeout that ticks down in whole seconds.
//
// The listener may restart so quickly that no probe sees it away; so "back" means: it was
// seen away and answers again, or it answers with a certificate other than the old one. A
// listener that keeps presenting the old certificate without ever going away is watched
// until the timeout, and then reported as it is.
class RestartWatcher : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        enum class Kind { Up, TimedOut, Canceled };
        Kind kind = Kind::TimedOut;
        QSslCertificate leaf; // Up: what it presents now
        bool sawDown = false;
        QString lastProblem; // TimedOut: the last probe's failure
    };
    using Callback = std::function<void(Outcome)>;

    static constexpr std::chrono::milliseconds firstPause{250};
    static constexpr std::chrono::milliseconds maxPause{5000};

    RestartWatcher(QString host, quint16 port, QByteArray oldSha256, std::chrono::seconds timeout,
                   QObject* parent = nullptr);

    void start(Callback done);
    void cancel();

signals:
    void remainingSeconds(int seconds);
    void listenerDown();
    void listenerUp();

private:
    void probe();
    void schedule();
    void finish(Outcome outcome);
    qint64 remainingMs() const;

    QString m_host;
    quint16 m_port;
    QByteArray m_oldSha256;
    std::chrono::seconds m_timeout;
    qint64 m_deadline = 0; // ms since epoch
    std::chrono::milliseconds m_pause = firstPause;
    QTimer* m_pauseTimer;
    QTimer* m_ticker;
    QPointer<TlsProbe> m_probe;
    Callback m_done;
    bool m_sawDown = false;
    bool m_lastUpWasOld = false;
    QSslCertificate m_lastLeaf;
    QString m_lastProblem;
    bool m_finished = false;
};

} // namespace certdesk::remote
