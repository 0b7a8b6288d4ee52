#include "core/remote/AdminPortalClient.h"

#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/OneShotHttpsRequest.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace certdesk::remote {

using P = AdminPortalProtocol;

AdminPortalClient::AdminPortalClient(QString host, quint16 port, CertificatePin pin,
                                     QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port)
    , m_pin(std::move(pin))
    , m_nam(new QNetworkAccessManager(this))
{
    // A PBX sits on the customer's LAN: a proxy would only stand between the pin and the
    // system. Redirects are read, not followed: a successful login is one.
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setStrictTransportSecurityEnabled(false);
}

AdminPortalClient::~AdminPortalClient()
{
    // Whoever owns this client is going away too (usually its parent): no callback may run
    // into it now. Cut the requests silently; the replies and one-shots are our children.
    for (const QPointer<QNetworkReply>& r : std::as_const(m_replies)) {
        if (r) {
            disconnect(r, nullptr, this, nullptr);
            r->abort();
        }
    }
}

QString AdminPortalClient::where() const
{
    return QStringLiteral("%1:%2").arg(m_host).arg(m_port);
}

QNetworkRequest AdminPortalClient::request(const QString& path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(path, QUrl::TolerantMode);
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    r.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // The session cookie is ours to keep: one per client, never in a shared jar.
    r.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    r.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!m_session.isEmpty())
        r.setRawHeader("Cookie", P::sessionCookie() + '=' + m_session);
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    r.setSslConfiguration(ssl);
    return r;
}

template <typename T> void AdminPortalClient::notTrusted(Callback<T> done)
{
    RemoteError e;
    e.kind = RemoteError::Kind::NotTrusted;
    e.message =
        tr("%1 is not trusted yet: check and trust its certificate first (certdesk-cli site "
           "trust).")
            .arg(where());
    QMetaObject::invokeMethod(
        this, [done = std::move(done), e] { done(e); }, Qt::QueuedConnection);
}

void AdminPortalClient::track(QNetworkReply* reply, Callback<HttpAnswer> done)
{
    m_replies.append(reply);
    struct State
    {
        std::optional<RemoteError> pinError;
        bool timedOut = false;
        bool canceled = false;
    };
    auto state = std::make_shared<State>();
    const auto checkPin = [this, reply, state](const QSslCertificate& leaf) {
        if (m_pin.matches(leaf))
            return true;
        state->pinError =
            RemoteError::pinMismatch(where(), Fingerprint::format(Fingerprint::ofCertificate(leaf)),
                                     m_pin.certificateFingerprint());
        reply->abort();
        return false;
    };
    connect(reply, &QNetworkReply::sslErrors, this,
            [reply, checkPin](const QList<QSslError>& errors) {
                QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
                if (leaf.isNull() && !errors.isEmpty())
                    leaf = errors.first().certificate();
                // Exactly these errors, for exactly the pinned certificate: never a blanket ignore.
                if (checkPin(leaf))
                    reply->ignoreSslErrors(errors);
            });
    // Also when the system trust store accepted the certificate: the pin decides, not the CA.
    connect(reply, &QNetworkReply::encrypted, this,
            [reply, checkPin] { checkPin(reply->sslConfiguration().peerCertificate()); });
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    timer->start(m_timeout);
    reply->setProperty("certdesk.canceled", false);
    connect(reply, &QNetworkReply::finished, this, [this, reply, state, done = std::move(done)] {
        m_replies.removeAll(reply);
        reply->deleteLater();
        if (state->pinError)
            return done(*state->pinError);
        if (state->timedOut)
            return done(
                RemoteError::timeout(where(), static_cast<int>((m_timeout.count() + 999) / 1000)));
        if (reply->property("certdesk.canceled").toBool())
            return done(RemoteError::canceled());
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return done(
                RemoteError::fromNetworkError(reply->error(), where(), reply->errorString()));
        for (const QNetworkCookie& cookie :
             reply->header(QNetworkRequest::SetCookieHeader).value<QList<QNetworkCookie>>()) {
            if (cookie.name() == P::sessionCookie())
                m_session = cookie.value();
        }
        done(HttpAnswer{status.toInt(), reply->readAll()});
    });
}

QByteArray AdminPortalClient::formEncode(const QList<QPair<QByteArray, QByteArray>>& fields)
{
    // Every reserved character percent-encoded, '+' included: a '+' left as is would reach
    // the server as a space.
    QByteArray out;
    for (const auto& [name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(QString::fromUtf8(name)) + '=' +
               QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    return out;
}

void AdminPortalClient::login(const QString& user, const crypto::SecretBytes& password,
                              Callback<void> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    m_loggedIn = false;
    m_session.clear();
    const QString portalUser =
        user.contains(QLatin1Char('@')) ? user.trimmed() : user.trimmed() + P::userSuffix();
    // The servlet container ties the login to the session the login page opened.
    QNetworkReply* reply = m_nam->get(request(P::loginPagePath()));
    track(reply, [this, portalUser, password,
                  done = std::move(done)](RemoteResult<HttpAnswer> page) mutable {
        if (!page)
            return done(page.error());
        if (page->status != 200)
            return done(RemoteError::fromHttpStatus(page->status, page->body, where()));
        if (m_session.isEmpty()) {
            RemoteError e;
            e.kind = RemoteError::Kind::BadReply;
            e.message = tr("%1 did not open a login session (no %2 cookie): is this an OpenScape "
                           "Business Admin Portal?")
                            .arg(where(), QString::fromLatin1(P::sessionCookie()));
            return done(e);
        }
        postLoginForm(portalUser, password, std::move(done));
    });
}

void AdminPortalClient::postLoginForm(const QString& user, const crypto::SecretBytes& password,
                                      Callback<void> done)
{
    QByteArray secret = password.view().toByteArray();
    QByteArray body = formEncode(
        {{P::userField().toUtf8(), user.toUtf8()}, {P::passwordField().toUtf8(), secret}});
    secret.fill('\0');
    QNetworkRequest r = request(P::loginPath());
    r.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply* reply = m_nam->post(r, body);
    body.fill('\0');
    track(reply, [this, user, done = std::move(done)](RemoteResult<HttpAnswer> answer) {
        if (!answer)
            return done(answer.error());
        const int status = answer->status;
        if (status == 302 || status == 303) {
            m_loggedIn = true;
            return done({});
        }
        // 401, or the servlet container's form-error page (200): the credentials are wrong.
        if (status == P::loginFailedStatus || status == 200 || status == 403) {
            RemoteError e;
            e.kind = RemoteError::Kind::BadCredentials;
            e.httpStatus = status;
            e.serverMessage = RemoteError::serverText(answer->body);
            e.message =
                tr("%1 refused the login of %2: wrong user name or password. Check them with "
                   "certdesk-cli site add (the system locks the user out after repeated "
                   "failures). The system says: %3")
                    .arg(where(), user, e.serverMessage);
            return done(e);
        }
        done(RemoteError::fromHttpStatus(status, answer->body, where()));
    });
}

void AdminPortalClient::systemInfo(Callback<SystemInfo> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    track(m_nam->get(request(P::systemInfoPath())),
          [this, done = std::move(done)](RemoteResult<HttpAnswer> a) {
              if (!a)
                  return done(a.error());
              if (a->status != 200)
                  return done(RemoteError::fromHttpStatus(a->status, a->body, where()));
              done(SystemInfo::fromJson(QJsonDocument::fromJson(a->body).object()));
          });
}

void AdminPortalClient::listCertificates(Callback<QList<RemoteCertificate>> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    track(m_nam->get(request(P::certificatesPath())),
          [this, done = std::move(done)](RemoteResult<HttpAnswer> a) {
              if (!a)
                  return done(a.error());
              if (a->status != 200)
                  return done(RemoteError::fromHttpStatus(a->status, a->body, where()));
              const QJsonDocument doc = QJsonDocument::fromJson(a->body);
              if (!doc.isObject() || !doc.object().value(P::certificatesKey()).isArray()) {
                  RemoteError e;
                  e.kind = RemoteError::Kind::BadReply;
                  e.message =
                      tr("%1 answered the certificate list with something CertDesk does not "
                         "understand.")
                          .arg(where());
                  return done(e);
              }
              QList<RemoteCertificate> list;
              for (const QJsonValue& v : doc.object().value(P::certificatesKey()).toArray())
                  list.append(RemoteCertificate::fromJson(v.toObject()));
              done(list);
          });
}

void AdminPortalClient::viewCertificate(const QString& name, Callback<RemoteCertificate> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    track(m_nam->get(request(P::certificatePath(name))),
          [this, done = std::move(done)](RemoteResult<HttpAnswer> a) {
              if (!a)
                  return done(a.error());
              if (a->status != 200)
                  return done(RemoteError::fromHttpStatus(a->status, a->body, where()));
              done(RemoteCertificate::fromJson(QJsonDocument::fromJson(a->body).object()));
          });
}

void AdminPortalClient::deleteCertificate(const QString& name, Callback<void> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    track(m_nam->deleteResource(request(P::certificatePath(name))),
          [this, done = std::move(done)](RemoteResult<HttpAnswer> a) {
              if (!a)
                  return done(a.error());
              if (a->status != 200 && a->status != 204)
                  return done(RemoteError::fromHttpStatus(a->status, a->body, where()));
              done({});
          });
}

void AdminPortalClient::upload(const UploadBundle& bundle, Callback<RemoteCertificate> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    auto* form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    const auto field = [form](const QByteArray& name, const QByteArray& value) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"" + name + '"'));
        part.setBody(value);
        form->append(part);
    };
    const auto file = [form](const QByteArray& name, const QString& fileName,
                             const QByteArray& type, const QByteArray& data) {
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
                       QByteArray("form-data; name=\"" + name + "\"; filename=\"" +
                                  QUrl::toPercentEncoding(fileName, " .-_") + '"'));
        part.setHeader(QNetworkRequest::ContentTypeHeader, type);
        part.setBody(data);
        form->append(part);
    };
    field(P::nameField(), bundle.name.toUtf8());
    // The multipart body keeps its own copy of the passphrase until the request is done; the
    // passphrase is single-use, made for this upload.
    field(P::passphraseField(), bundle.passphrase.view().toByteArray());
    QString path;
    if (bundle.form == UploadBundle::Form::Pkcs12) {
        path = P::importPkcs12Path();
        file(P::pkcs12FileField(), bundle.name + QStringLiteral(".p12"),
             QByteArrayLiteral("application/x-pkcs12"), bundle.pkcs12);
    } else {
        path = P::importPemPath();
        file(P::certificateFileField(), bundle.name + QStringLiteral(".crt"),
             QByteArrayLiteral("application/x-pem-file"), bundle.certificatePem);
        file(P::keyFileField(), bundle.name + QStringLiteral(".key"),
             QByteArrayLiteral("application/x-pem-file"), bundle.keyPem);
    }
    QNetworkReply* reply = m_nam->post(request(path), form);
    form->setParent(reply);
    track(reply, [this, done = std::move(done)](RemoteResult<HttpAnswer> a) {
        if (!a)
            return done(a.error());
        if (a->status != 200 && a->status != 201)
            return done(RemoteError::fromHttpStatus(a->status, a->body, where()));
        done(RemoteCertificate::fromJson(QJsonDocument::fromJson(a->body).object()));
    });
}

void AdminPortalClient::activate(const QString& name, const QString& system, Callback<int> done)
{
    if (m_pin.isNull())
        return notTrusted(std::move(done));
    auto* oneShot = new OneShotHttpsRequest(m_host, m_port, m_pin, this);
    m_oneShots.append(oneShot);
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    if (!m_session.isEmpty())
        headers.append({"Cookie", P::sessionCookie() + '=' + m_session});
    const QByteArray body =
        formEncode({{P::nameField(), name.toUtf8()}, {P::systemField(), system.toUtf8()}});
    oneShot->send("POST", P::activatePath(), headers, body, m_timeout,
                  [this, done = std::move(done)](RemoteResult<OneShotHttpsRequest::Response> r) {
                      if (!r)
                          return done(r.error());
                      if (r->status != P::activationAcceptedStatus && r->status != 200) {
                          RemoteError e = RemoteError::fromHttpStatus(r->status, r->body, where());
                          return done(e);
                      }
                      const QJsonObject o = QJsonDocument::fromJson(r->body).object();
                      // The real web server takes 2-3 minutes (SSL whitepaper §2.3).
                      done(o.value(P::restartSecondsKey()).toInt(150));
                  });
}

void AdminPortalClient::abortAll()
{
    const auto replies = m_replies;
    for (const QPointer<QNetworkReply>& r : replies) {
        if (r) {
            r->setProperty("certdesk.canceled", true);
            r->abort();
        }
    }
    const auto oneShots = m_oneShots;
    m_oneShots.clear();
    for (const QPointer<OneShotHttpsRequest>& o : oneShots) {
        if (o)
            o->abort();
    }
}

} // namespace certdesk::remote
