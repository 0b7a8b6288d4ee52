#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"
#include "tests/sim/FaultSet.h"
#include "tests/sim/HttpConnection.h"
#include "tests/sim/LoginGuard.h"
#include "tests/sim/SimCertificateStore.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QMap>
#include <QObject>

#include <memory>
#include <optional>

namespace certdesk::sim {

class SimListener;

struct SimSystemConfig
{
    int index = 0;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 443;
    std::optional<quint16> boosterPort; // no value: no UC Booster Server
    QString stateDir;
    QString user = QStringLiteral("administrator@system");
    crypto::SecretBytes password;
    int restartSeconds = 150;
    int slowRestartSeconds = 0; // the "slow-restart" fault's time away
    int lockoutAfter = 5;
    int lockoutSeconds = 300;
    QString model = QStringLiteral("OpenScape Business X3W");
    QString softwareVersion = QStringLiteral("V3R3.0.0 (osbiz-sim)");
};

// One simulated OpenScape Business system: the Admin Portal on the telephony listener (form
// login, system information, the server certificate list, import, delete, activate), and
// optionally the UC Booster Server's own TLS listener. Activation answers first, then takes
// the activated system's listener away for the restart time and brings it back serving the
// activated certificate - or, with a fault, something else.
class SimSystem : public QObject
{
    Q_OBJECT

public:
    explicit SimSystem(SimSystemConfig config, QObject* parent = nullptr);
    ~SimSystem() override;

    Status start();
    FaultSet& faults() { return m_faults; }
    QJsonObject stateJson() const;
    quint16 port() const;
    std::optional<quint16> boosterPort() const;
    int index() const { return m_config.index; }

signals:
    // {"event": "listener-down" | "listener-up", "system": index, "listener": name, …}
    void event(const QJsonObject& event);

private:
    SimListener* listener(const QString& system) const;
    Status serve(SimListener* listener, const SimCertificate& certificate);
    bool headersArrived(HttpConnection* connection, const HttpRequest& request);
    void handlePortal(HttpConnection* connection, const HttpRequest& request);
    void handleBooster(HttpConnection* connection, const HttpRequest& request);
    void reply(HttpConnection* connection, const HttpRequest& request,
               const HttpResponse& response);
    QString operationOf(const HttpRequest& request) const;

    HttpResponse loginPage(const HttpRequest& request);
    HttpResponse login(const HttpRequest& request);
    HttpResponse logout(const HttpRequest& request);
    HttpResponse systemInfo() const;
    HttpResponse list() const;
    HttpResponse view(const QString& name) const;
    HttpResponse remove(const QString& name);
    HttpResponse importCertificate(const HttpRequest& request, bool pkcs12);
    HttpResponse activate(const HttpRequest& request, QString& restartSystem);
    void restart(const QString& system);
    QJsonObject summary(const SimCertificate& certificate) const;
    void count(const QString& counter) { ++m_counters[counter]; }

    SimSystemConfig m_config;
    std::optional<SimCertificateStore> m_store;
    std::unique_ptr<LoginGuard> m_guard;
    FaultSet m_faults;
    SimListener* m_telephony = nullptr;
    SimListener* m_booster = nullptr;
    QMap<QString, int> m_counters;
};

} // namespace certdesk::sim
