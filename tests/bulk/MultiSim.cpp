#include "MultiSim.h"

#include "../remote/SimProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>

namespace bulktest {

QString MultiSim::passwordFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("sim-password")) : QString();
}

bool MultiSim::start(const Options& options, QString* error)
{
    stop();
    const QString program = qEnvironmentVariable("OSBIZ_SIM");
    if (!QFile::exists(program)) {
        *error = QStringLiteral("OSBIZ_SIM must point at the osbiz-sim executable");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    QFile pw(passwordFile());
    if (!pw.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the password file");
        return false;
    }
    pw.write(remotetest::kSimPassword + '\n');
    pw.close();
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--count"),
                     QString::number(options.count),
                     QStringLiteral("--control-port"),
                     QStringLiteral("0"),
                     QStringLiteral("--restart-seconds"),
                     QString::number(options.restartSeconds),
                     QStringLiteral("--lockout-after"),
                     QStringLiteral("1000"),
                     QStringLiteral("--state-dir"),
                     m_dir->filePath(QStringLiteral("state")),
                     QStringLiteral("--user"),
                     remotetest::kSimUser,
                     QStringLiteral("--password-file"),
                     passwordFile()};
    args << options.extraArguments;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardErrorFile(m_dir->filePath(QStringLiteral("sim.log")));
    m_process->start(program, args);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("osbiz-sim did not start: %1").arg(m_process->errorString());
        return false;
    }
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine())
            m_process->waitForReadyRead(200);
        while (m_process->canReadLine()) {
            const QJsonObject o = QJsonDocument::fromJson(m_process->readLine()).object();
            if (o.value(QStringLiteral("event")).toString() != QLatin1String("ready"))
                continue;
            m_controlPort = static_cast<quint16>(o.value(QStringLiteral("control")).toInt());
            m_ports.clear();
            for (const QJsonValue& v : o.value(QStringLiteral("systems")).toArray())
                m_ports << static_cast<quint16>(v.toObject().value(QStringLiteral("port")).toInt());
            m_nam = std::make_unique<QNetworkAccessManager>();
            m_nam->setProxy(QNetworkProxy::NoProxy);
            return true;
        }
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("osbiz-sim exited");
            return false;
        }
    }
    *error = QStringLiteral("osbiz-sim did not get ready");
    return false;
}

void MultiSim::stop()
{
    m_nam.reset();
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

QByteArray MultiSim::control(const QByteArray& verb, const QString& pathAndQuery) const
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_controlPort).arg(pathAndQuery)));
    QNetworkReply* reply = nam.sendCustomRequest(request, verb);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    delete reply;
    return body;
}

QList<QJsonObject> MultiSim::states() const
{
    QList<QJsonObject> list;
    const QJsonObject o =
        QJsonDocument::fromJson(control("GET", QStringLiteral("/state"))).object();
    for (const QJsonValue& v : o.value(QStringLiteral("systems")).toArray())
        list.append(v.toObject());
    return list;
}

QString MultiSim::served(int system) const
{
    return state(system)
        .value(QStringLiteral("served"))
        .toObject()
        .value(QStringLiteral("telephony"))
        .toString();
}

bool MultiSim::setFaults(int system, const QStringList& faults) const
{
    const QByteArray body = control(
        "POST",
        QStringLiteral("/faults?system=%1&set=%2").arg(system).arg(faults.join(QLatin1Char(','))));
    return !QJsonDocument::fromJson(body).object().contains(QStringLiteral("error"));
}

void MultiSim::clearFaultsLater(int system)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/faults?system=%2&clear=1")
                                     .arg(m_controlPort)
                                     .arg(system)));
    QNetworkReply* reply = m_nam->sendCustomRequest(request, "POST");
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace bulktest
