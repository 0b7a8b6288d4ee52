#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/remote/CertificatePin.h"
#include "core/remote/RemoteCertificate.h"
#include "core/remote/RemoteResult.h"
#include "core/remote/SystemInfo.h"
#include "core/remote/UploadBundle.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace certdesk::remote {

class OneShotHttpsRequest;

// The Admin Portal of one system over HTTPS (the paths and fields of AdminPortalProtocol).
// Asynchronous on the caller's event loop; every callback runs exactly once, later.
//
// Trust: every connection must present the pinned certificate (or, if the pin has one, a
// certificate with the pinned public key). The system trust store's verdict is only used to
// find out which errors to ignore, and only exactly those errors, only for the pinned
// certificate, are ignored. A certificate the trust store accepts is still refused if it is
// not the pinned one. Without a pin nothing is sent at all.
class AdminPortalClient : public QObject
{
    Q_OBJECT

public:
    template <typename T> using Callback = std::function<void(RemoteResult<T>)>;

    static constexpr std::chrono::milliseconds defaultTimeout{30000};

    AdminPortalClient(QString host, quint16 port, CertificatePin pin, QObject* parent = nullptr);
    ~AdminPortalClient() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    QString where() const; // "host:port"
    bool isLoggedIn() const { return m_loggedIn; }

    // The form login: opens a session (login page), then posts user and password. `user`
    // gets the "@system" suffix when it has none.
    void login(const QString& user, const crypto::SecretBytes& password, Callback<void> done);
    void systemInfo(Callback<SystemInfo> done);
    void listCertificates(Callback<QList<RemoteCertificate>> done);
    void viewCertificate(const QString& name, Callback<RemoteCertificate> done);
    void deleteCertificate(const QString& name, Callback<void> done);
    // The system's summary of the imported certificate.
    void upload(const UploadBundle& bundle, Callback<RemoteCertificate> done);
    // Asks the system to serve `name` on `system` ("telephony" or "booster"); the answer is
    // the restart time the system announces. Sent once, never repeated (OneShotHttpsRequest):
    // a failure with requestSent set means the activation may or may not have happened.
    void activate(const QString& name, const QString& system, Callback<int> done);

    // Aborts every request in flight; their callbacks report Canceled.
    void abortAll();

private:
    struct HttpAnswer
    {
        int status = 0;
        QByteArray body;
    };

    QNetworkRequest request(const QString& path) const;
    void track(QNetworkReply* reply, Callback<HttpAnswer> done);
    void postLoginForm(const QString& user, const crypto::SecretBytes& password,
                       Callback<void> done);
    template <typename T> void notTrusted(Callback<T> done);
    static QByteArray formEncode(const QList<QPair<QByteArray, QByteArray>>& fields);

    QString m_host;
    quint16 m_port;
    CertificatePin m_pin;
    QNetworkAccessManager* m_nam;
    std::chrono::milliseconds m_timeout = defaultTimeout;
    QByteArray m_session; // JSESSIONID value
    bool m_loggedIn = false;
    QList<QPointer<QNetworkReply>> m_replies;
    QList<QPointer<OneShotHttpsRequest>> m_oneShots;
};

} // namespace certdesk::remote
