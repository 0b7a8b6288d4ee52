#pragma once

// Starts a real osbiz-sim process on free loopback ports and talks to its control endpoint.
// The password reaches the simulator through a file, never its command line. The one place
// that starts the simulator: tests/bulk/MultiSim builds on it.

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace remotetest {

inline const QByteArray kSimPassword = "sim-Passw0rd+&=%";
inline const QString kSimUser = QStringLiteral("administrator");

class SimProcess
{
public:
    struct Options
    {
        bool booster = true;
        int restartSeconds = 1;
        int slowRestartSeconds = 4; // 0: the simulator's default (3 x restart + 5)
        int lockoutAfter = 5;
        QStringList faults;
        QString stateDir; // empty: a fresh folder owned by this object
        int port = 0;     // 0: a free one
        int boosterPort = 0;
        int count = 1; // --count: systems on consecutive ports from `port`
        // Standard error into sim.log in this object's folder instead of memory: many systems
        // log a lot, and a file needs no event loop to be drained.
        bool logToFile = false;
        QStringList extraArguments;
    };

    SimProcess() = default;
    ~SimProcess() { stop(); }
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // Starts the simulator and waits for its "ready" line; false with `error` set on failure.
    bool start(const Options& options, QString* error);
    void stop();
    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }

    quint16 port() const { return m_port; }
    quint16 boosterPort() const { return m_boosterPort; }
    QList<quint16> ports() const { return m_ports; }               // every system's telephony port
    QList<quint16> boosterPorts() const { return m_boosterPorts; } // empty without Booster
    quint16 controlPort() const { return m_controlPort; }
    QString stateDir() const { return m_stateDir; }
    QStringList arguments() const { return m_arguments; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString passwordFile() const;
    QString log() const; // what it wrote to stderr so far

    // GET /state of the control endpoint: every system's object, or one system's.
    QList<QJsonObject> states() const;
    QJsonObject state(int system = 0) const;
    int counter(const QString& name, int system = 0) const;
    QString served(const QString& listener = QStringLiteral("telephony")) const;
    // POST /faults: replace the faults of system 0, or of `system`.
    bool setFaults(const QStringList& faults) const { return setFaults(0, faults); }
    bool setFaults(int system, const QStringList& faults) const;
    // Waits until `listener` accepts TLS again (after a restart).
    bool waitListening(const QString& listener, int timeoutMs) const;

private:
    QByteArray control(const QByteArray& verb, const QString& pathAndQuery) const;

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_stateDir;
    QString m_logFile; // empty: standard error is kept in m_stderr
    QStringList m_arguments;
    quint16 m_port = 0;
    quint16 m_boosterPort = 0;
    quint16 m_controlPort = 0;
    QList<quint16> m_ports;
    QList<quint16> m_boosterPorts;
    mutable QByteArray m_stderr;
};

} // namespace remotetest
