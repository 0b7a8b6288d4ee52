#pragma once

#include "core/Result.h"
#include "tests/sim/HttpConnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

namespace certdesk::sim {

class SimListener;
class SimSystem;

// The simulator's control endpoint for tests and scripts: plain HTTP on a loopback port,
// separate from the systems' TLS listeners so that it stays reachable while a system restarts
// and needs no trust decision of its own.
//
//   GET  /state                               every system's state (certificates, active,
//                                             served fingerprints, faults, counters)
//   POST /faults?system=N&set=F1,F2           replace system N's faults (all systems without N)
//   POST /faults?system=N&add=F               add one fault
//   POST /faults?system=N&clear=1             clear the faults
class ControlServer : public QObject
{
    Q_OBJECT

public:
    ControlServer(QHostAddress address, quint16 port, QList<SimSystem*> systems,
                  QObject* parent = nullptr);
    Status start();
    quint16 port() const;

private:
    void handle(HttpConnection* connection, const HttpRequest& request);
    HttpResponse state() const;
    HttpResponse setFaults(const HttpRequest& request);

    SimListener* m_listener;
    QList<SimSystem*> m_systems;
};

} // namespace certdesk::sim
