#include "MultiSim.h"

#include <QNetworkProxy>
#include <QNetworkReply>
#include <QUrl>

namespace bulktest {

bool MultiSim::start(const Options& options, QString* error)
{
    stop();
    // A fresh object, so a fresh folder: every start begins with the systems' defaults.
    m_sim = std::make_unique<remotetest::SimProcess>();
    remotetest::SimProcess::Options o;
    o.count = options.count;
    o.restartSeconds = options.restartSeconds;
    o.slowRestartSeconds = 0;
    o.lockoutAfter = 1000; // many logins, some failing on purpose, must not lock anyone out
    o.booster = options.booster;
    o.logToFile = true;
    o.extraArguments = options.extraArguments;
    if (!m_sim->start(o, error))
        return false;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    return true;
}

void MultiSim::stop()
{
    m_nam.reset();
    if (m_sim)
        m_sim->stop();
}

QList<QJsonObject> MultiSim::states() const
{
    return m_sim ? m_sim->states() : QList<QJsonObject>();
}

QString MultiSim::served(int system, const QString& listener) const
{
    return state(system).value(QStringLiteral("served")).toObject().value(listener).toString();
}

bool MultiSim::setFaults(int system, const QStringList& faults) const
{
    return m_sim && m_sim->setFaults(system, faults);
}

void MultiSim::clearFaultsLater(int system)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/faults?system=%2&clear=1")
                                     .arg(m_sim->controlPort())
                                     .arg(system)));
    QNetworkReply* reply = m_nam->sendCustomRequest(request, "POST");
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace bulktest
