#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/remote/Site.h"
#include "core/remote/SystemInfo.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <optional>

namespace certdesk::remote {

class AdminPortalClient;
class TlsProbe;

// "Test connection" before changing a system: the listener of `system` presents the pinned
// certificate (a handshake, nothing sent), the keychain holds the site's password (or its shared
// credential's), and a login on the Admin Portal works and tells the system's state. Stops at
// the first problem with a stable id and a message that says what to do. A login is only ever
// sent to a listener whose certificate matched its pin.
class ConnectionTest : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        Site site;
        QString system;                              // "telephony" or "booster"
        std::optional<crypto::SecretBytes> password; // none: from the keychain
        QString keychainService;                     // empty: SecretStore::defaultService()
        std::chrono::milliseconds timeout{10000};
    };

    struct Outcome
    {
        bool ok = false;
        // "" when ok; else "no-booster", "unreachable", "not-trusted", "mismatch",
        // "no-password", "keychain" or a RemoteError kind id of the login ("bad-credentials" …)
        QString problem;
        QString message;
        QString presentedSha256;
        std::optional<SystemInfo> info;
    };

    explicit ConnectionTest(Request request, QObject* parent = nullptr);
    ~ConnectionTest() override;

    void start();
    void cancel(); // ends with problem "canceled"
    bool isFinished() const { return m_finished; }
    const Outcome& outcome() const { return m_outcome; }

signals:
    void finished();

private:
    void probeListener();
    void readPassword();
    void login(const crypto::SecretBytes& password);
    void fail(const QString& problem, const QString& message);
    void succeed();

    Request m_request;
    Outcome m_outcome;
    QPointer<TlsProbe> m_probe;
    AdminPortalClient* m_client = nullptr;
    bool m_finished = false;
};

} // namespace certdesk::remote
