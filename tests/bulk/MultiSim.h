#pragma once

// One osbiz-sim process serving many systems (--count) on consecutive loopback ports, with
// its control endpoint for per-system faults and state. The password reaches the simulator
// through a file, never its command line.

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace bulktest {

class MultiSim
{
public:
    struct Options
    {
        int count = 50;
        int restartSeconds = 3;
        QStringList extraArguments;
    };

    MultiSim() = default;
    ~MultiSim() { stop(); }
    MultiSim(const MultiSim&) = delete;
    MultiSim& operator=(const MultiSim&) = delete;

    bool start(const Options& options, QString* error);
    void stop();
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    QList<quint16> ports() const { return m_ports; }
    QString passwordFile() const;
    // GET /state: every system's object.
    QList<QJsonObject> states() const;
    QJsonObject state(int system) const { return states().value(system); }
    QString served(int system) const;
    // POST /faults for one system, blocking.
    bool setFaults(int system, const QStringList& faults) const;
    // POST /faults?clear=1 without waiting for the answer (from inside a running batch).
    void clearFaultsLater(int system);

private:
    QByteArray control(const QByteArray& verb, const QString& pathAndQuery) const;

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<quint16> m_ports;
    quint16 m_controlPort = 0;
};

} // namespace bulktest
