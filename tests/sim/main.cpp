// osbiz-sim: a simulator of the OpenScape Business Admin Portal's certificate handling, for
// CertDesk's integration tests and for trying CertDesk without a PBX. See --help and
// docs/admin-portal-protocol.md.

#include "core/remote/AdminPortalProtocol.h"
#include "tests/sim/ControlServer.h"
#include "tests/sim/FaultSet.h"
#include "tests/sim/SimSystem.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>
#include <optional>

using namespace certdesk;
using namespace certdesk::sim;

namespace {

const char* const description =
    "Simulates the certificate handling of OpenScape Business systems over HTTPS, as CertDesk\n"
    "speaks to it (docs/admin-portal-protocol.md): form login under /management/ with\n"
    "lock-out, system information, the server certificate list, view, delete, import of\n"
    "PKCS#12 or certificate + key with the checks of the real system, and activation for the\n"
    "telephony server or the UC Booster Server, which restarts that listener and brings it back\n"
    "serving the activated certificate. Listens on loopback only.\n"
    "\n"
    "On start it prints one JSON line to standard output:\n"
    "  "
    "{\"event\":\"ready\",\"control\":PORT|null,\"systems\":[{\"index\":0,\"port\":N,"
    "\"boosterPort\":M|null}]}\n"
    "and later one line per listener restart (\"listener-down\", \"listener-up\" with the\n"
    "served certificate's SHA-256 fingerprint). Requests are logged to standard error,\n"
    "without bodies.\n"
    "\n"
    "Faults (--fault NAME[:SCOPE], repeatable, for every system):\n"
    "  drop-upload                  cut the connection of an import request after its headers\n"
    "  drop-activate                cut the connection of an activate request after its headers\n"
    "                               (the activation does not take place)\n"
    "  lost-activate-answer         perform an activate request (restart included) but cut the\n"
    "                               connection instead of answering\n"
    "  http-500, http-503           answer that status with an error body\n"
    "  stall                        read the request, never answer\n"
    "  slow-restart                 stay away --slow-restart-seconds after an activation\n"
    "  old-cert-after-restart       come back from an activation serving the old certificate\n"
    "  attacker-cert-after-restart  come back serving a certificate nobody uploaded\n"
    "http-500, http-503 and stall hit every certificate operation, or with :SCOPE only one of\n"
    "login, system, list, view, delete, import, activate.\n"
    "\n"
    "Control endpoint (--control-port, plain HTTP on loopback):\n"
    "  GET  /state                        all systems: certificates, active, served, counters\n"
    "  POST /faults?system=N&set=F1,F2    replace faults (add=F adds one, clear=1 clears)\n"
    "\n"
    "Example:\n"
    "  echo 'sim-password' > pw; osbiz-sim --port 8443 --booster-port 8444 \\\n"
    "      --restart-seconds 3 --state-dir /tmp/osbiz --password-file pw\n";

std::optional<quint16> parsePort(const QString& text, bool* ok)
{
    const uint value = text.toUInt(ok);
    if (!*ok || value > 65535) {
        *ok = false;
        return std::nullopt;
    }
    return static_cast<quint16>(value);
}

int fail(const QString& message)
{
    std::fprintf(stderr, "osbiz-sim: %s\n", message.toUtf8().constData());
    return 2;
}

void printLine(const QJsonObject& object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("osbiz-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(description));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Telephony server (Admin Portal) port; 0 picks a "
                                                 "free one. Default 443 (needs privileges)."),
                                  QStringLiteral("N"), QStringLiteral("443"));
    const QCommandLineOption boosterPort(
        QStringLiteral("booster-port"),
        QStringLiteral("Give the system a UC Booster Server listening on port M (0: a free one). "
                       "Default: no Booster."),
        QStringLiteral("M"));
    const QCommandLineOption restart(
        QStringLiteral("restart-seconds"),
        QStringLiteral("How long a listener is away after an activation. Default 150, as the real "
                       "web server."),
        QStringLiteral("S"), QStringLiteral("150"));
    const QCommandLineOption slowRestart(
        QStringLiteral("slow-restart-seconds"),
        QStringLiteral("Time away with the slow-restart fault. Default 3 x restart-seconds + 5."),
        QStringLiteral("S"));
    const QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QStringLiteral(
            "Keep certificates and activations in DIR (system-<i> per system), so a restarted "
            "simulator keeps them. Default: a temporary folder removed on exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("The Admin Portal user; '@system' is added when "
                                                 "missing. Default administrator@system."),
                                  QStringLiteral("U"), QStringLiteral("administrator@system"));
    const QCommandLineOption passwordFile(
        QStringLiteral("password-file"),
        QStringLiteral(
            "Read the user's password from the first line of F. Default: 'administrator'."),
        QStringLiteral("F"));
    const QCommandLineOption count(
        QStringLiteral("count"),
        QStringLiteral("Simulate K independent systems on consecutive ports from N (and M). With "
                       "port 0 each picks a free port."),
        QStringLiteral("K"), QStringLiteral("1"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("Inject a fault into every system (repeatable); see above."),
        QStringLiteral("NAME"));
    const QCommandLineOption control(
        QStringLiteral("control-port"),
        QStringLiteral("Serve the control endpoint on this port (0: a free one). Default: none."),
        QStringLiteral("C"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Loopback address to listen on: 127.0.0.1 (default) or ::1."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption lockoutAfter(
        QStringLiteral("lockout-after"),
        QStringLiteral("Lock the user out after this many failed logins in a row. Default 5."),
        QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption lockoutSeconds(
        QStringLiteral("lockout-seconds"),
        QStringLiteral("How long a lock-out lasts. Default 300."), QStringLiteral("S"),
        QStringLiteral("300"));
    parser.addOptions({port, boosterPort, restart, slowRestart, stateDir, user, passwordFile, count,
                       fault, control, listen, lockoutAfter, lockoutSeconds});
    parser.process(app);

    const QHostAddress address(parser.value(listen));
    if (address.isNull() || !address.isLoopback())
        return fail(QStringLiteral("--listen must be a loopback address (127.0.0.1 or ::1)."));
    bool ok = false;
    const auto firstPort = parsePort(parser.value(port), &ok);
    if (!ok)
        return fail(QStringLiteral("--port must be a port number."));
    std::optional<quint16> firstBoosterPort;
    if (parser.isSet(boosterPort)) {
        firstBoosterPort = parsePort(parser.value(boosterPort), &ok);
        if (!ok)
            return fail(QStringLiteral("--booster-port must be a port number."));
    }
    const int restartSeconds = parser.value(restart).toInt(&ok);
    if (!ok || restartSeconds < 0)
        return fail(QStringLiteral("--restart-seconds must be a number of seconds."));
    int slowSeconds = 0;
    if (parser.isSet(slowRestart)) {
        slowSeconds = parser.value(slowRestart).toInt(&ok);
        if (!ok || slowSeconds < 0)
            return fail(QStringLiteral("--slow-restart-seconds must be a number of seconds."));
    }
    const int systems = parser.value(count).toInt(&ok);
    if (!ok || systems < 1 || systems > 1000)
        return fail(QStringLiteral("--count must be between 1 and 1000."));
    const int lockAfter = parser.value(lockoutAfter).toInt(&ok);
    if (!ok || lockAfter < 1)
        return fail(QStringLiteral("--lockout-after must be at least 1."));
    const int lockSeconds = parser.value(lockoutSeconds).toInt(&ok);
    if (!ok || lockSeconds < 0)
        return fail(QStringLiteral("--lockout-seconds must be a number of seconds."));

    crypto::SecretBytes password(QByteArrayView("administrator"));
    if (parser.isSet(passwordFile)) {
        QFile file(parser.value(passwordFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(
                QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
        QByteArray bytes = file.readAll();
        const qsizetype newline = bytes.indexOf('\n');
        password = crypto::SecretBytes(newline >= 0 ? QByteArrayView(bytes).first(newline)
                                                    : QByteArrayView(bytes));
        bytes.fill('\0');
        if (!password.isEmpty() && password.data()[password.size() - 1] == '\r')
            password = crypto::SecretBytes(password.view().first(password.size() - 1));
        if (password.isEmpty())
            return fail(QStringLiteral("The password file is empty."));
    }

    std::unique_ptr<QTemporaryDir> temporary;
    QString stateRoot = parser.value(stateDir);
    if (stateRoot.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid())
            return fail(QStringLiteral("Cannot create a temporary state folder."));
        stateRoot = temporary->path();
    }

    FaultSet faults;
    for (const QString& f : parser.values(fault)) {
        if (Status s = faults.add(f); !s)
            return fail(s.error().message);
    }

    QList<SimSystem*> simulated;
    QJsonArray ready;
    for (int i = 0; i < systems; ++i) {
        SimSystemConfig config;
        config.index = i;
        config.address = address;
        config.port = *firstPort == 0 ? 0 : static_cast<quint16>(*firstPort + i);
        if (firstBoosterPort)
            config.boosterPort =
                *firstBoosterPort == 0 ? 0 : static_cast<quint16>(*firstBoosterPort + i);
        config.stateDir = QDir(stateRoot).filePath(QStringLiteral("system-%1").arg(i));
        config.user = parser.value(user);
        config.password = password;
        config.restartSeconds = restartSeconds;
        config.slowRestartSeconds = slowSeconds;
        config.lockoutAfter = lockAfter;
        config.lockoutSeconds = lockSeconds;
        auto* system = new SimSystem(config, &app);
        for (const QString& f : faults.toStringList())
            (void)system->faults().add(f);
        if (Status s = system->start(); !s) {
            std::fprintf(stderr, "osbiz-sim: %s\n", s.error().message.toUtf8().constData());
            return 1;
        }
        QObject::connect(system, &SimSystem::event, &app, &printLine);
        simulated.append(system);
        ready.append(QJsonObject{
            {QStringLiteral("index"), i},
            {QStringLiteral("port"), system->port()},
            {QStringLiteral("boosterPort"),
             system->boosterPort() ? QJsonValue(*system->boosterPort()) : QJsonValue()}});
    }

    QJsonValue controlPort;
    if (parser.isSet(control)) {
        const auto cp = parsePort(parser.value(control), &ok);
        if (!ok)
            return fail(QStringLiteral("--control-port must be a port number."));
        auto* server = new ControlServer(address, *cp, simulated, &app);
        if (Status s = server->start(); !s) {
            std::fprintf(stderr, "osbiz-sim: %s\n", s.error().message.toUtf8().constData());
            return 1;
        }
        controlPort = server->port();
    }
    printLine(QJsonObject{{QStringLiteral("event"), QStringLiteral("ready")},
                          {QStringLiteral("control"), controlPort},
                          {QStringLiteral("systems"), ready}});
    return app.exec();
}
