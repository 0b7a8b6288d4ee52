#include "tests/sim/SimSystem.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/PrivateKey.h"
#include "core/remote/AdminPortalProtocol.h"
#include "tests/sim/CertificateImport.h"
#include "tests/sim/MultipartForm.h"
#include "tests/sim/SimListener.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

#include <cstdio>

namespace certdesk::sim {

using remote::AdminPortalProtocol;

namespace {

// The activation's reply leaves before the listener goes away: a restarting web server
// finishes the request that asked for the restart.
constexpr int replyGraceMs = 300;

QString hexFingerprint(const QSslCertificate& certificate)
{
    return certificate.isNull() ? QString()
                                : crypto::colonHex(certificate.digest(QCryptographicHash::Sha256));
}

QByteArray sessionCookieHeader(const QByteArray& id)
{
    return AdminPortalProtocol::sessionCookie() + '=' + id + "; Path=/management; Secure; HttpOnly";
}

const QByteArray loginForm =
    "<!DOCTYPE html>\n<html><head><title>OpenScape Business Assistant</title></head><body>\n"
    "<form method=\"post\" action=\"jsp/j_security_check\">\n"
    "<input type=\"text\" name=\"j_username\"><input type=\"password\" name=\"j_password\">\n"
    "<input type=\"submit\" value=\"Login\"></form></body></html>\n";

} // namespace

SimSystem::SimSystem(SimSystemConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_guard = std::make_unique<LoginGuard>(m_config.user, m_config.password, m_config.lockoutAfter,
                                           m_config.lockoutSeconds);
    if (m_config.slowRestartSeconds <= 0)
        m_config.slowRestartSeconds = 3 * m_config.restartSeconds + 5;
}

SimSystem::~SimSystem() = default;

quint16 SimSystem::port() const
{
    return m_telephony ? m_telephony->port() : m_config.port;
}

std::optional<quint16> SimSystem::boosterPort() const
{
    if (m_booster)
        return m_booster->port();
    return m_config.boosterPort;
}

SimListener* SimSystem::listener(const QString& system) const
{
    if (system == AdminPortalProtocol::telephonySystem())
        return m_telephony;
    if (system == AdminPortalProtocol::boosterSystem())
        return m_booster;
    return nullptr;
}

Status SimSystem::serve(SimListener* target, const SimCertificate& certificate)
{
    QList<QSslCertificate> chain = QSslCertificate::fromData(certificate.certificatePem, QSsl::Pem);
    chain += QSslCertificate::fromData(certificate.chainPem, QSsl::Pem);
    const QSslKey key(certificate.keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return Error::failure(
            QStringLiteral("The certificate \"%1\" cannot be served.").arg(certificate.name));
    target->setIdentity(chain, key);
    return {};
}

Status SimSystem::start()
{
    const QString address = m_config.address.toString();
    auto store =
        SimCertificateStore::open(m_config.stateDir, address, m_config.boosterPort.has_value());
    if (!store)
        return store.error();
    m_store = std::move(*store);

    m_telephony = new SimListener(AdminPortalProtocol::telephonySystem(), m_config.address,
                                  m_config.port, true, this);
    m_telephony->setHandlers(
        [this](HttpConnection* c, const HttpRequest& r) { return headersArrived(c, r); },
        [this](HttpConnection* c, const HttpRequest& r) { handlePortal(c, r); });
    if (m_config.boosterPort) {
        m_booster = new SimListener(AdminPortalProtocol::boosterSystem(), m_config.address,
                                    *m_config.boosterPort, true, this);
        m_booster->setHandlers(
            {}, [this](HttpConnection* c, const HttpRequest& r) { handleBooster(c, r); });
    }
    for (SimListener* l : {m_telephony, m_booster}) {
        if (!l)
            continue;
        const auto active = m_store->find(m_store->active(l->name()));
        if (!active)
            return Error::failure(QStringLiteral("No active certificate for %1.").arg(l->name()));
        if (Status s = serve(l, *active); !s)
            return s;
        if (Status s = l->start(); !s)
            return s;
    }
    return {};
}

QString SimSystem::operationOf(const HttpRequest& request) const
{
    const QString path = request.path;
    if (path == AdminPortalProtocol::loginPath())
        return QStringLiteral("login");
    if (path == AdminPortalProtocol::systemInfoPath())
        return QStringLiteral("system");
    if (path == AdminPortalProtocol::certificatesPath())
        return QStringLiteral("list");
    if (path.startsWith(AdminPortalProtocol::certificatesPath() + QLatin1Char('/')))
        return request.method == "DELETE" ? QStringLiteral("delete") : QStringLiteral("view");
    if (path == AdminPortalProtocol::importPkcs12Path() ||
        path == AdminPortalProtocol::importPemPath())
        return QStringLiteral("import");
    if (path == AdminPortalProtocol::activatePath())
        return QStringLiteral("activate");
    return {};
}

bool SimSystem::headersArrived(HttpConnection*, const HttpRequest& request)
{
    const QString operation = operationOf(request);
    if (operation == QLatin1String("import")) {
        count(QStringLiteral("importRequests"));
        if (m_faults.has(QStringLiteral("drop-upload"))) {
            count(QStringLiteral("droppedUploads"));
            std::fprintf(stderr, "osbiz-sim[%d]: fault drop-upload: cutting %s\n", m_config.index,
                         request.target.constData());
            return false;
        }
    } else if (operation == QLatin1String("activate")) {
        count(QStringLiteral("activateRequests"));
        if (m_faults.has(QStringLiteral("drop-activate"))) {
            count(QStringLiteral("droppedActivations"));
            std::fprintf(stderr, "osbiz-sim[%d]: fault drop-activate: cutting %s\n", m_config.index,
                         request.target.constData());
            return false;
        }
    }
    return true;
}

void SimSystem::reply(HttpConnection* connection, const HttpRequest& request,
                      const HttpResponse& response)
{
    // The log never shows bodies: they carry passwords and passphrases.
    std::fprintf(stderr, "osbiz-sim[%d]: %s %s -> %d\n", m_config.index, request.method.constData(),
                 request.target.constData(), response.status);
    connection->respond(response);
}

void SimSystem::handlePortal(HttpConnection* connection, const HttpRequest& request)
{
    count(QStringLiteral("requests"));
    const QString operation = operationOf(request);
    if (!operation.isEmpty()) {
        if (m_faults.has(QStringLiteral("stall"), operation)) {
            count(QStringLiteral("stalled"));
            std::fprintf(stderr, "osbiz-sim[%d]: fault stall: no answer to %s %s\n", m_config.index,
                         request.method.constData(), request.target.constData());
            return; // the connection stays open, unanswered, until the client gives up
        }
        if (m_faults.has(QStringLiteral("http-500"), operation)) {
            reply(connection, request,
                  HttpResponse::error(
                      500, QStringLiteral("Internal Server Error (simulated fault http-500)")));
            return;
        }
        if (m_faults.has(QStringLiteral("http-503"), operation)) {
            reply(connection, request,
                  HttpResponse::error(
                      503, QStringLiteral(
                               "Service temporarily unavailable (simulated fault http-503)")));
            return;
        }
    }

    const QString path = request.path;
    const QByteArray method = request.method;
    const auto wrongMethod = [&] {
        reply(connection, request,
              HttpResponse::error(405, QStringLiteral("Method %1 is not allowed here.")
                                           .arg(QString::fromLatin1(method))));
    };
    if (path == AdminPortalProtocol::loginPagePath()) {
        if (method != "GET")
            return wrongMethod();
        return reply(connection, request, loginPage(request));
    }
    if (path == AdminPortalProtocol::loginPath()) {
        if (method != "POST")
            return wrongMethod();
        return reply(connection, request, login(request));
    }
    if (path == AdminPortalProtocol::logoutPath())
        return reply(connection, request, logout(request));
    if (operation.isEmpty())
        return reply(connection, request,
                     HttpResponse::error(404, QStringLiteral("Not found: %1").arg(path)));

    if (!m_guard->user(request.cookie(AdminPortalProtocol::sessionCookie()))) {
        count(QStringLiteral("unauthenticated"));
        return reply(
            connection, request,
            HttpResponse::error(AdminPortalProtocol::notLoggedInStatus,
                                QStringLiteral("Not logged in: the session has expired or was "
                                               "never opened. Log in again.")));
    }

    if (operation == QLatin1String("system"))
        return method == "GET" ? reply(connection, request, systemInfo()) : wrongMethod();
    if (operation == QLatin1String("list"))
        return method == "GET" ? reply(connection, request, list()) : wrongMethod();
    if (operation == QLatin1String("view") || operation == QLatin1String("delete")) {
        const QString name = path.mid(AdminPortalProtocol::certificatesPath().size() + 1);
        if (method == "GET")
            return reply(connection, request, view(name));
        if (method == "DELETE")
            return reply(connection, request, remove(name));
        return wrongMethod();
    }
    if (operation == QLatin1String("import")) {
        if (method != "POST")
            return wrongMethod();
        return reply(connection, request,
                     importCertificate(request, path == AdminPortalProtocol::importPkcs12Path()));
    }
    if (operation == QLatin1String("activate")) {
        if (method != "POST")
            return wrongMethod();
        QString restartSystem;
        const HttpResponse response = activate(request, restartSystem);
        if (m_faults.has(QStringLiteral("lost-activate-answer"))) {
            // Done, but the answer never arrives: the client cannot tell this from drop-activate.
            count(QStringLiteral("lostActivateAnswers"));
            std::fprintf(stderr, "osbiz-sim[%d]: fault lost-activate-answer: %s -> %d not sent\n",
                         m_config.index, request.target.constData(), response.status);
            connection->drop();
        } else {
            reply(connection, request, response);
        }
        if (!restartSystem.isEmpty()) {
            QTimer::singleShot(replyGraceMs, this,
                               [this, restartSystem] { restart(restartSystem); });
        }
        return;
    }
    reply(connection, request, HttpResponse::error(404, QStringLiteral("Not found: %1").arg(path)));
}

void SimSystem::handleBooster(HttpConnection* connection, const HttpRequest& request)
{
    count(QStringLiteral("boosterRequests"));
    reply(connection, request,
          HttpResponse::html(200,
                             "<!DOCTYPE html>\n<html><body>OpenScape Business UC Booster Server"
                             "</body></html>\n"));
}

HttpResponse SimSystem::loginPage(const HttpRequest& request)
{
    const QByteArray id = request.cookie(AdminPortalProtocol::sessionCookie());
    if (m_guard->user(id))
        return HttpResponse::html(200, "<!DOCTYPE html>\n<html><body>OpenScape Business Assistant: "
                                       "logged in</body></html>\n");
    HttpResponse response = HttpResponse::html(200, loginForm);
    const QByteArray session = m_guard->hasSession(id) ? id : m_guard->newSession();
    response.setHeader("Set-Cookie", sessionCookieHeader(session));
    return response;
}

HttpResponse SimSystem::login(const HttpRequest& request)
{
    count(QStringLiteral("loginAttempts"));
    const QMap<QString, QString> form = request.form();
    const QString user = form.value(AdminPortalProtocol::userField());
    QByteArray password = form.value(AdminPortalProtocol::passwordField()).toUtf8();
    const LoginGuard::Attempt attempt =
        m_guard->login(request.cookie(AdminPortalProtocol::sessionCookie()), user, password);
    password.fill('\0');
    switch (attempt.outcome) {
    case LoginGuard::Outcome::NoSession:
        return HttpResponse::error(400,
                                   QStringLiteral("The login session is missing or has expired. "
                                                  "Open the login page first."));
    case LoginGuard::Outcome::BadCredentials:
        count(QStringLiteral("failedLogins"));
        return HttpResponse::error(AdminPortalProtocol::loginFailedStatus,
                                   QStringLiteral("Login failed: wrong user name or password."));
    case LoginGuard::Outcome::LockedOut:
        count(QStringLiteral("failedLogins"));
        return HttpResponse::error(
            AdminPortalProtocol::lockedOutStatus,
            QStringLiteral("The account %1 is locked after %2 failed logins. "
                           "Try again in %3 seconds.")
                .arg(LoginGuard::normalizeUser(m_config.user))
                .arg(m_config.lockoutAfter)
                .arg(attempt.lockedSeconds));
    case LoginGuard::Outcome::LoggedIn:
        break;
    }
    count(QStringLiteral("logins"));
    HttpResponse response = HttpResponse::redirect(AdminPortalProtocol::loginPagePath().toLatin1());
    response.setHeader("Set-Cookie", sessionCookieHeader(attempt.sessionId));
    return response;
}

HttpResponse SimSystem::logout(const HttpRequest& request)
{
    m_guard->logout(request.cookie(AdminPortalProtocol::sessionCookie()));
    return HttpResponse::redirect(AdminPortalProtocol::loginPagePath().toLatin1());
}

QJsonObject SimSystem::summary(const SimCertificate& c) const
{
    QJsonObject o{{AdminPortalProtocol::certNameKey(), c.name},
                  {AdminPortalProtocol::certTypeKey(), c.type},
                  {AdminPortalProtocol::certActiveForKey(),
                   QJsonArray::fromStringList(m_store->activeFor(c.name))}};
    const auto certificate = crypto::Certificate::fromPem(c.certificatePem);
    if (certificate) {
        const crypto::CertificateDetails d = crypto::CertificateDetails::of(*certificate);
        o.insert(AdminPortalProtocol::certSha256Key(), d.fingerprintSha256);
        o.insert(AdminPortalProtocol::certSha1Key(), d.fingerprintSha1);
        o.insert(AdminPortalProtocol::certSubjectKey(), d.subject.commonName);
        o.insert(AdminPortalProtocol::certIssuerKey(), d.issuer ? d.issuer->commonName : QString());
        o.insert(AdminPortalProtocol::certNotBeforeKey(), d.notBefore.toString(Qt::ISODate));
        o.insert(AdminPortalProtocol::certNotAfterKey(), d.notAfter.toString(Qt::ISODate));
    }
    return o;
}

HttpResponse SimSystem::systemInfo() const
{
    QJsonObject active;
    active.insert(AdminPortalProtocol::telephonySystem(),
                  m_store->active(AdminPortalProtocol::telephonySystem()));
    QJsonValue booster = QJsonValue::Null;
    if (m_booster) {
        active.insert(AdminPortalProtocol::boosterSystem(),
                      m_store->active(AdminPortalProtocol::boosterSystem()));
        booster =
            QJsonObject{{AdminPortalProtocol::boosterAddressKey(), m_config.address.toString()},
                        {AdminPortalProtocol::boosterPortKey(), m_booster->port()}};
    }
    return HttpResponse::json(
        200, QJsonObject{
                 {AdminPortalProtocol::modelKey(), m_config.model},
                 {AdminPortalProtocol::softwareVersionKey(), m_config.softwareVersion},
                 {AdminPortalProtocol::hostnameKey(),
                  QStringLiteral("osbiz-sim-%1").arg(m_config.index)},
                 {AdminPortalProtocol::boosterKey(), booster},
                 {AdminPortalProtocol::activeKey(), active},
             });
}

HttpResponse SimSystem::list() const
{
    QJsonArray array;
    for (const SimCertificate& c : m_store->certificates())
        array.append(summary(c));
    return HttpResponse::json(200, QJsonObject{{AdminPortalProtocol::certificatesKey(), array}});
}

HttpResponse SimSystem::view(const QString& name) const
{
    const auto c = m_store->find(name);
    if (!c)
        return HttpResponse::error(
            404, QStringLiteral("There is no certificate named \"%1\".").arg(name));
    QJsonObject o = summary(*c);
    if (const auto certificate = crypto::Certificate::fromPem(c->certificatePem))
        o.insert(AdminPortalProtocol::certDetailsKey(),
                 crypto::CertificateDetails::of(*certificate).toJson());
    return HttpResponse::json(200, o);
}

HttpResponse SimSystem::remove(const QString& name)
{
    const auto c = m_store->find(name);
    if (!c)
        return HttpResponse::error(
            404, QStringLiteral("There is no certificate named \"%1\".").arg(name));
    const QStringList systems = m_store->activeFor(name);
    if (!systems.isEmpty())
        return HttpResponse::error(
            409, QStringLiteral("The certificate \"%1\" is active (%2) and cannot be "
                                "deleted. Activate another certificate first.")
                     .arg(name, systems.join(QStringLiteral(", "))));
    if (Status s = m_store->remove(name); !s)
        return HttpResponse::error(500, s.error().message);
    count(QStringLiteral("deletes"));
    return HttpResponse::json(200, QJsonObject{{AdminPortalProtocol::certNameKey(), name}});
}

HttpResponse SimSystem::importCertificate(const HttpRequest& request, bool pkcs12)
{
    auto form = MultipartForm::parse(request.header("content-type"), request.body);
    if (!form)
        return HttpResponse::error(415, form.error().message);
    const auto field = [&](QByteArrayView name) {
        const auto part = form->part(name);
        return part ? part->data : QByteArray();
    };
    const QString name = QString::fromUtf8(field(AdminPortalProtocol::nameField()));
    if (Status s = CertificateImport::checkName(name); !s)
        return HttpResponse::error(400, s.error().message);
    if (m_store->find(name))
        return HttpResponse::error(409, QStringLiteral("A certificate named \"%1\" already exists. "
                                                       "Choose another name.")
                                            .arg(name));
    QByteArray passphraseBytes = field(AdminPortalProtocol::passphraseField());
    const crypto::SecretBytes passphrase(passphraseBytes);
    passphraseBytes.fill('\0');
    if (Status s = CertificateImport::checkPassphrase(passphrase); !s)
        return HttpResponse::error(400, s.error().message);

    Result<CertificateImport> imported = Error::failure(QString());
    if (pkcs12) {
        const QByteArray file = field(AdminPortalProtocol::pkcs12FileField());
        if (file.isEmpty())
            return HttpResponse::error(400,
                                       QStringLiteral("Choose a PKCS#12 file (.p12) to import."));
        imported = CertificateImport::fromPkcs12(file, passphrase);
    } else {
        const QByteArray certificate = field(AdminPortalProtocol::certificateFileField());
        const QByteArray key = field(AdminPortalProtocol::keyFileField());
        if (certificate.isEmpty() || key.isEmpty())
            return HttpResponse::error(
                400, QStringLiteral("Choose a certificate file and a key file to import."));
        imported = CertificateImport::fromPem(certificate, key, passphrase);
    }
    if (!imported)
        return HttpResponse::error(400, imported.error().message);

    auto keyPem = imported->key.toUnencryptedPem();
    if (!keyPem)
        return HttpResponse::error(500, keyPem.error().message);
    SimCertificate c;
    c.name = name;
    c.type = pkcs12 ? QStringLiteral("Imported Server Certificate (PKCS#12)")
                    : QStringLiteral("Imported Server Certificate (PEM)");
    c.certificatePem = imported->certificate.toPem();
    for (const crypto::Certificate& ca : imported->chain)
        c.chainPem += ca.toPem();
    c.keyPem = keyPem->view().toByteArray();
    c.imported = QDateTime::currentDateTimeUtc();
    if (Status s = m_store->add(c); !s)
        return HttpResponse::error(500, s.error().message);
    count(QStringLiteral("imports"));
    return HttpResponse::json(201, summary(c));
}

HttpResponse SimSystem::activate(const HttpRequest& request, QString& restartSystem)
{
    const QMap<QString, QString> form = request.form();
    const QString name = form.value(QString::fromLatin1(AdminPortalProtocol::nameField()));
    const QString system = form.value(QString::fromLatin1(AdminPortalProtocol::systemField()));
    SimListener* target = listener(system);
    if (system != AdminPortalProtocol::telephonySystem() &&
        system != AdminPortalProtocol::boosterSystem())
        return HttpResponse::error(
            400, QStringLiteral("Unknown system \"%1\": choose telephony or booster.").arg(system));
    if (!target)
        return HttpResponse::error(400, QStringLiteral("No OpenScape Business UC Booster Server is "
                                                       "connected to this system."));
    const auto c = m_store->find(name);
    if (!c)
        return HttpResponse::error(
            404, QStringLiteral("There is no certificate named \"%1\".").arg(name));
    if (Status s = m_store->setActive(system, name); !s)
        return HttpResponse::error(500, s.error().message);
    count(QStringLiteral("activations"));
    restartSystem = system;
    HttpResponse response = HttpResponse::json(
        AdminPortalProtocol::activationAcceptedStatus,
        QJsonObject{{AdminPortalProtocol::certNameKey(), name},
                    {QString::fromLatin1(AdminPortalProtocol::systemField()), system},
                    {AdminPortalProtocol::restartSecondsKey(), m_config.restartSeconds}});
    response.closeAfter = true;
    return response;
}

void SimSystem::restart(const QString& system)
{
    SimListener* target = listener(system);
    if (!target)
        return;
    target->stop();
    emit event(QJsonObject{{QStringLiteral("event"), QStringLiteral("listener-down")},
                           {QStringLiteral("system"), m_config.index},
                           {QStringLiteral("listener"), system}});
    const bool slow = m_faults.has(QStringLiteral("slow-restart"));
    const int seconds = slow ? m_config.slowRestartSeconds : m_config.restartSeconds;
    QTimer::singleShot(seconds * 1000, this, [this, target, system] {
        if (m_faults.has(QStringLiteral("old-cert-after-restart"))) {
            // Keeps what it served before: the activation did not take.
        } else if (m_faults.has(QStringLiteral("attacker-cert-after-restart"))) {
            auto key = crypto::PrivateKey::generate(crypto::KeyAlgorithm::Rsa2048);
            crypto::CertificateSpec spec;
            spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
            spec.notAfter = spec.notBefore.addYears(1);
            spec.subject.commonName = m_config.address.toString();
            spec.subject.organization = QStringLiteral("Not Your PBX Ltd");
            auto certificate = key ? crypto::CertificateBuilder(spec).selfSign(*key)
                                   : Result<crypto::Certificate>(key.error());
            auto keyPem = key ? key->toUnencryptedPem() : Result<crypto::SecretBytes>(key.error());
            if (certificate && keyPem) {
                SimCertificate attacker;
                attacker.name = QStringLiteral("attacker");
                attacker.certificatePem = certificate->toPem();
                attacker.keyPem = keyPem->view().toByteArray();
                (void)serve(target, attacker);
            }
        } else if (const auto active = m_store->find(m_store->active(system))) {
            (void)serve(target, *active);
        }
        if (Status s = target->start(); !s) {
            std::fprintf(stderr, "osbiz-sim[%d]: %s\n", m_config.index,
                         s.error().message.toUtf8().constData());
            return;
        }
        emit event(QJsonObject{
            {QStringLiteral("event"), QStringLiteral("listener-up")},
            {QStringLiteral("system"), m_config.index},
            {QStringLiteral("listener"), system},
            {QStringLiteral("fingerprintSha256"), hexFingerprint(target->certificate())}});
    });
}

QJsonObject SimSystem::stateJson() const
{
    QJsonArray certificates;
    for (const SimCertificate& c : m_store->certificates())
        certificates.append(summary(c));
    QJsonObject listening;
    QJsonObject served;
    QJsonObject active;
    for (SimListener* l : {m_telephony, m_booster}) {
        if (!l)
            continue;
        listening.insert(l->name(), l->isListening());
        served.insert(l->name(), hexFingerprint(l->certificate()));
        active.insert(l->name(), m_store->active(l->name()));
    }
    QJsonObject counters;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        counters.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("index"), m_config.index},
        {QStringLiteral("port"), port()},
        {QStringLiteral("boosterPort"), boosterPort() ? QJsonValue(*boosterPort()) : QJsonValue()},
        {QStringLiteral("listening"), listening},
        {QStringLiteral("served"), served},
        {QStringLiteral("active"), active},
        {QStringLiteral("certificates"), certificates},
        {QStringLiteral("faults"), QJsonArray::fromStringList(m_faults.toStringList())},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("locked"), m_guard->isLocked()},
    };
}

} // namespace certdesk::sim
