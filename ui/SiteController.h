#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"
#include "core/remote/ActivationJob.h"
#include "core/remote/RemoteCertificate.h"
#include "core/remote/RemoteResult.h"
#include "core/remote/SharedCredential.h"
#include "core/remote/Site.h"
#include "core/remote/SiteRegistry.h"
#include "core/remote/SystemInfo.h"
#include "core/remote/TlsProbe.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>

#include <functional>
#include <optional>

namespace certdesk::ui {

// The sites as the window sees them: sites.json (SiteRegistry), the passwords in the keychain
// (SecretStore), and the asynchronous remote operations of core/remote, each started on the
// UI thread's event loop and answered there. No network logic of its own: it only composes
// TlsProbe, AdminPortalClient and ActivationJob as the CLI verbs do.
class SiteController : public QObject
{
    Q_OBJECT
public:
    // Subject, issuer, validity (GMT) and SHA-256 fingerprint, as the technician compares them
    // with what the system itself shows.
    struct CertificateSummary
    {
        QString subject;
        QString issuer;
        QString notBefore;
        QString notAfter;
        QString sha256;
    };

    struct TestReport
    {
        bool ok = false;
        QStringList lines; // what was found, for people
        std::optional<remote::SystemInfo> info;
    };

    using StatusCallback = std::function<void(Status)>;
    using ProbeCallback = std::function<void(remote::ProbeResult)>;
    using ListCallback =
        std::function<void(remote::RemoteResult<QList<remote::RemoteCertificate>>)>;
    using TestCallback = std::function<void(TestReport)>;

    // `keychainService` empty: SecretStore::defaultService().
    explicit SiteController(QString registryPath, QString keychainService = QString(),
                            QObject* parent = nullptr);

    QString registryPath() const { return m_registryPath; }
    QString keychainService() const;

    // Read from sites.json each time (the CLI may have changed it); an unreadable file is an
    // empty list and lastError() says why.
    QList<remote::Site> sites() const;
    std::optional<remote::Site> find(const QString& name) const;
    // The shared credentials a site may log in with (names and users; passwords stay in the
    // keychain).
    QList<remote::SharedCredential> credentials() const;
    QString lastError() const { return m_lastError; }

    // A new site (`isNew`) or changed settings of an existing one. The password, when given,
    // goes to the keychain first; a site whose password could not be stored is not saved.
    // An edited site keeps its pins unless its address changed.
    void save(const remote::Site& site, std::optional<crypto::SecretBytes> password, bool isNew,
              QObject* context, StatusCallback done);
    // Removes the site and its keychain password.
    void remove(const QString& name, QObject* context, StatusCallback done);

    // The sites of an inventory file (CSV or JSON, as `site export` writes it): new names only,
    // all or none. They have no password of their own: a "credential" column gives them a
    // shared one, or each is edited. Synchronous: a small local file.
    Result<remote::SiteRegistry::ImportCounts> importInventory(const QString& path);
    // `sites` (all when empty) to `path`, CSV unless the name ends in .json; owner-only.
    Status exportInventory(const QString& path) const;

    // A new shared credential (`isNew`, password required) or a changed user and/or password
    // of an existing one. The password goes to the keychain first.
    void saveCredential(const remote::SharedCredential& credential,
                        std::optional<crypto::SecretBytes> password, bool isNew, QObject* context,
                        StatusCallback done);
    // Refused while sites use it; removes its keychain password too.
    void removeCredential(const QString& name, QObject* context, StatusCallback done);

    // The certificate the listener of `system` ("telephony"/"booster") presents, untrusted.
    void probe(const QString& name, const QString& system, QObject* context, ProbeCallback done);
    // Pins `leaf` for `system` (trust on first use, after the technician confirmed it).
    Status trust(const QString& name, const QString& system, const QSslCertificate& leaf);

    // Handshake against the pins, login, system information.
    void test(const QString& name, QObject* context, TestCallback done);
    // Login, then the system's Server Certificates.
    void listCertificates(const QString& name, QObject* context, ListCallback done);

    // A job for `request` (sites file and keychain filled in here), not started yet: connect to
    // it, then start(). Owned by the controller; deleted later once it has finished.
    remote::ActivationJob* createActivation(remote::ActivationJob::Request request);

    static CertificateSummary summarize(const QSslCertificate& certificate);

signals:
    void sitesChanged();
    void activationFinished(const QString& site);

private:
    void withPassword(const QString& name, QObject* context,
                      std::function<void(Result<crypto::SecretBytes>)> done);

    QString m_registryPath;
    QString m_keychainService;
    mutable QString m_lastError;
};

} // namespace certdesk::ui
