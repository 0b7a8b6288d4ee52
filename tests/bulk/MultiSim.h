#pragma once

// One osbiz-sim process serving many systems (--count) on free loopback ports, with its
// control endpoint for per-system faults and state: remotetest::SimProcess set up for bulk
// work (no lock-out, no Booster unless asked, the log in a file) and started afresh each time.

#include "../remote/SimProcess.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>

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
        bool booster = false; // give every system a UC Booster Server on a free port
    };

    MultiSim() = default;
    ~MultiSim() { stop(); }
    MultiSim(const MultiSim&) = delete;
    MultiSim& operator=(const MultiSim&) = delete;

    bool start(const Options& options, QString* error);
    void stop();
    qint64 pid() const { return m_sim ? m_sim->pid() : 0; }

    QList<quint16> ports() const { return m_sim ? m_sim->ports() : QList<quint16>(); }
    // Empty without Options::booster.
    QList<quint16> boosterPorts() const { return m_sim ? m_sim->boosterPorts() : QList<quint16>(); }
    QString passwordFile() const { return m_sim ? m_sim->passwordFile() : QString(); }
    // GET /state: every system's object.
    QList<QJsonObject> states() const;
    QJsonObject state(int system) const { return states().value(system); }
    // The SHA-256 fingerprint the simulator says `listener` ("telephony", "booster") serves.
    QString served(int system, const QString& listener = QStringLiteral("telephony")) const;
    // POST /faults for one system, blocking.
    bool setFaults(int system, const QStringList& faults) const;
    // POST /faults?clear=1 without waiting for the answer (from inside a running batch).
    void clearFaultsLater(int system);

private:
    std::unique_ptr<remotetest::SimProcess> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace bulktest
