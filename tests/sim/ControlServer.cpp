#include "tests/sim/ControlServer.h"

#include "tests/sim/SimListener.h"
#include "tests/sim/SimSystem.h"

#include <QJsonArray>

namespace certdesk::sim {

ControlServer::ControlServer(QHostAddress address, quint16 port, QList<SimSystem*> systems,
                             QObject* parent)
    : QObject(parent)
    , m_listener(new SimListener(QStringLiteral("control"), std::move(address), port, false, this))
    , m_systems(std::move(systems))
{
    m_listener->setHandlers({}, [this](HttpConnection* c, const HttpRequest& r) { handle(c, r); });
}

Status ControlServer::start()
{
    return m_listener->start();
}

quint16 ControlServer::port() const
{
    return m_listener->port();
}

void ControlServer::handle(HttpConnection* connection, const HttpRequest& request)
{
    if (request.path == QLatin1String("/state") && request.method == "GET")
        return connection->respond(state());
    if (request.path == QLatin1String("/faults") && request.method == "POST")
        return connection->respond(setFaults(request));
    connection->respond(
        HttpResponse::error(404, QStringLiteral("Control endpoints: GET /state, POST /faults.")));
}

HttpResponse ControlServer::state() const
{
    QJsonArray systems;
    for (const SimSystem* s : m_systems)
        systems.append(s->stateJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("systems"), systems}});
}

HttpResponse ControlServer::setFaults(const HttpRequest& request)
{
    QList<SimSystem*> targets = m_systems;
    if (request.query.hasQueryItem(QStringLiteral("system"))) {
        bool ok = false;
        const int index = request.query.queryItemValue(QStringLiteral("system")).toInt(&ok);
        if (!ok || index < 0 || index >= m_systems.size())
            return HttpResponse::error(400, QStringLiteral("No system with that index."));
        targets = {m_systems[index]};
    }
    const bool replace = request.query.hasQueryItem(QStringLiteral("set"));
    QStringList add;
    if (replace)
        add = request.query.queryItemValue(QStringLiteral("set"))
                  .split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (request.query.hasQueryItem(QStringLiteral("add")))
        add << request.query.queryItemValue(QStringLiteral("add"));
    for (SimSystem* s : targets) {
        if (replace || request.query.hasQueryItem(QStringLiteral("clear")))
            s->faults().clear();
        for (const QString& f : add) {
            if (Status st = s->faults().add(f); !st)
                return HttpResponse::error(400, st.error().message);
        }
    }
    return state();
}

} // namespace certdesk::sim
