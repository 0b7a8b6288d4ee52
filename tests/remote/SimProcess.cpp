#include "SimProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace remotetest {

QString SimProcess::passwordFile() const
{
    return m_dir ? m_dir->filePath(QStringLiteral("sim-password")) : QString();
}

bool SimProcess::start(const Options& options, QString* error)
{
    stop();
    const QString program = qEnvironmentVariable("OSBIZ_SIM");
    if (!QFile::exists(program)) {
        *error = QStringLiteral("OSBIZ_SIM must point at the osbiz-sim executable");
        return false;
    }
    if (!m_dir)
        m_dir = std::make_unique<QTemporaryDir>();
    QFile pw(passwordFile());
    if (!pw.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the password file");
        return false;
    }
    pw.write(kSimPassword + '\n');
    pw.close();
    m_stateDir =
        options.stateDir.isEmpty() ? m_dir->filePath(QStringLiteral("state")) : options.stateDir;

    m_arguments = {QStringLiteral("--port"),
                   QString::number(options.port),
                   QStringLiteral("--control-port"),
                   QStringLiteral("0"),
                   QStringLiteral("--restart-seconds"),
                   QString::number(options.restartSeconds),
                   QStringLiteral("--lockout-after"),
                   QString::number(options.lockoutAfter),
                   QStringLiteral("--state-dir"),
                   m_stateDir,
                   QStringLiteral("--user"),
                   kSimUser,
                   QStringLiteral("--password-file"),
                   passwordFile()};
    if (options.slowRestartSeconds > 0)
        m_arguments << QStringLiteral("--slow-restart-seconds")
                    << QString::number(options.slowRestartSeconds);
    if (options.count != 1)
        m_arguments << QStringLiteral("--count") << QString::number(options.count);
    if (options.booster)
        m_arguments << QStringLiteral("--booster-port") << QString::number(options.boosterPort);
    for (const QString& f : options.faults)
        m_arguments << QStringLiteral("--fault") << f;
    m_arguments << options.extraArguments;

    m_process = std::make_unique<QProcess>();
    m_stderr.clear();
    m_logFile.clear();
    if (options.logToFile) {
        m_logFile = m_dir->filePath(QStringLiteral("sim.log"));
        m_process->setStandardErrorFile(m_logFile);
    } else {
        QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                         [this] { m_stderr += m_process->readAllStandardError(); });
    }
    m_process->start(program, m_arguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("osbiz-sim did not start: %1").arg(m_process->errorString());
        return false;
    }
    // Generous: with many systems the simulator makes a key for each before it is ready.
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
            m_boosterPorts.clear();
            for (const QJsonValue& v : o.value(QStringLiteral("systems")).toArray()) {
                const QJsonObject system = v.toObject();
                m_ports << static_cast<quint16>(system.value(QStringLiteral("port")).toInt());
                if (const QJsonValue b = system.value(QStringLiteral("boosterPort")); b.isDouble())
                    m_boosterPorts << static_cast<quint16>(b.toInt());
            }
            m_port = m_ports.value(0);
            m_boosterPort = m_boosterPorts.value(0);
            return true;
        }
        if (m_process->state() != QProcess::Running) {
            *error = QStringLiteral("osbiz-sim exited: %1").arg(log());
            return false;
        }
    }
    *error = QStringLiteral("osbiz-sim did not get ready: %1").arg(log());
    return false;
}

void SimProcess::stop()
{
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

QString SimProcess::log() const
{
    if (!m_logFile.isEmpty()) {
        QFile file(m_logFile);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

QByteArray SimProcess::control(const QByteArray& verb, const QString& pathAndQuery) const
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

QList<QJsonObject> SimProcess::states() const
{
    QList<QJsonObject> list;
    const QJsonObject o =
        QJsonDocument::fromJson(control("GET", QStringLiteral("/state"))).object();
    for (const QJsonValue& v : o.value(QStringLiteral("systems")).toArray())
        list.append(v.toObject());
    return list;
}

QJsonObject SimProcess::state(int system) const
{
    return states().value(system);
}

int SimProcess::counter(const QString& name, int system) const
{
    return state(system).value(QStringLiteral("counters")).toObject().value(name).toInt();
}

QString SimProcess::served(const QString& listener) const
{
    return state().value(QStringLiteral("served")).toObject().value(listener).toString();
}

bool SimProcess::setFaults(int system, const QStringList& faults) const
{
    const QByteArray body = control(
        "POST",
        QStringLiteral("/faults?system=%1&set=%2").arg(system).arg(faults.join(QLatin1Char(','))));
    return !QJsonDocument::fromJson(body).object().contains(QStringLiteral("error"));
}

bool SimProcess::waitListening(const QString& listener, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (state().value(QStringLiteral("listening")).toObject().value(listener).toBool())
            return true;
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

} // namespace remotetest
