#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/policy/ComplianceReport.h"
#include "core/remote/RemoteError.h"
#include "core/remote/Site.h"
#include "core/remote/UploadBundle.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

#include <chrono>
#include <optional>

namespace certdesk::remote {

class AdminPortalClient;
class RestartWatcher;
class TlsProbe;

// Puts a certificate from the store onto a site and proves it is served:
//
//   preflight (osbiz-v3 rules, site trusted) -> login -> upload (skipped if the very same
//   certificate is already there under that name) -> activate -> wait for the listener to
//   go away and come back (bounded, ticking) -> handshake and compare fingerprints -> re-pin
//   -> done
//
// or a named failure at the step where it stopped ("upload:connection-dropped",
// "verify:old-certificate" …). Cancel works at every step. Nothing is retried: an upload or
// activation that fails is reported, and an activation whose answer was lost is reported as
// "activate:outcome-unknown" and never sent again.
class ActivationJob : public QObject
{
    Q_OBJECT

public:
    enum class Step { Preflight, Login, Upload, Activate, WaitForRestart, Verify, Repin, Done };
    Q_ENUM(Step)

    struct Request
    {
        Site site;
        // sites.json to re-pin in (and to note a pending pin in); empty: the job only reports.
        QString registryPath;
        QString system;     // "telephony" or "booster"
        QString remoteName; // "Name of the Certificate" on the system
        crypto::Certificate certificate;
        QList<crypto::Certificate> chain;
        std::optional<crypto::PrivateKey> key;
        UploadBundle::Form form = UploadBundle::Form::Pkcs12;
        std::optional<crypto::SecretBytes> passphrase; // none: a fresh random one
        bool activate = true;                          // false: upload only
        bool wait = true; // false: stop once the system accepted the activation
        std::chrono::milliseconds requestTimeout{30000};
        std::chrono::seconds restartTimeout{300}; // the real restart takes 2-3 minutes
        std::chrono::milliseconds probeTimeout{10000};
        // The site's password; none: read from the keychain (SecretStore::sitePasswordKey).
        std::optional<crypto::SecretBytes> password;
        QString keychainService; // empty: SecretStore::defaultService()
    };

    struct Outcome
    {
        bool success = false;
        Step step = Step::Preflight; // Done on success, else where it stopped
        QString reason;              // failure reason id: "policy", "connection-dropped" …
        QString message;
        QString remoteName;
        bool uploaded = false;
        bool alreadyPresent = false;
        bool activationAccepted = false;
        bool verified = false;
        bool repinned = false;
        int restartSeconds = 0;  // as the system announced
        QString expectedSha256;  // the certificate that should be served
        QString presentedSha256; // what the listener presented at the end
        QString previousSha256;  // what it served before

        QString failureName() const; // "<step>:<reason>", empty on success
        QJsonObject toJson() const;
    };

    explicit ActivationJob(Request request, QObject* parent = nullptr);
    ~ActivationJob() override;

    void start();
    void cancel();
    Step step() const { return m_step; }
    bool isFinished() const { return m_finished; }
    const Outcome& outcome() const { return m_outcome; }

    // The OpenScape Business V3 rules applied to what `request` would upload (the preflight's
    // check; BulkPreflight runs it for a whole batch before anything is sent).
    static Result<policy::ComplianceReport> checkCompliance(const Request& request);

    static QString stepId(Step step);    // "preflight", "login", … (stable)
    static QString stepLabel(Step step); // translated

signals:
    void stepChanged(certdesk::remote::ActivationJob::Step step);
    void progress(const QString& message);
    void remainingSeconds(int seconds);
    void finished();

private:
    void enter(Step step);
    void fail(const QString& reason, const QString& message);
    void fail(const RemoteError& error);
    void succeed();
    void preflight();
    void login();
    void loginWith(const crypto::SecretBytes& password);
    void upload();
    void activate();
    void waitForRestart();
    void verify(bool sawDown);
    void repin(const QSslCertificate& leaf);
    void notePending();

    Request m_request;
    Step m_step = Step::Preflight;
    Outcome m_outcome;
    std::optional<UploadBundle> m_bundle;
    AdminPortalClient* m_client = nullptr;
    QPointer<RestartWatcher> m_watcher;
    QPointer<TlsProbe> m_probe;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace certdesk::remote
