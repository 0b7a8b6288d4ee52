#include "core/secrets/KeychainAvailability.h"

#include "core/secrets/BlockingWait.h"
#include "core/secrets/KeychainError.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>

#include <qt6keychain/keychain.h>

#include <utility>

namespace certdesk::secrets {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("KeychainAvailability", text);
}

} // namespace

QString KeychainAvailability::probeKey()
{
    return QStringLiteral("keychain-probe");
}

void KeychainAvailability::probe(const QString& service, QObject* context,
                                 std::function<void(Status)> done)
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    if (Status usable = BlockingWait::canRun(); !usable) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done), error = usable.error()] { done(error); },
            Qt::QueuedConnection);
        return;
    }

    // No parent: a job must live until libsecret answers, even if `context` dies earlier,
    // because libsecret's callback holds a raw pointer into it.
    auto* job = new QKeychain::ReadPasswordJob(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(probeKey());
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job* finished) {
                         const QString details = finished->errorString();
                         switch (KeychainError::classify(finished->error(), details)) {
                         case KeychainError::Kind::None:
                         case KeychainError::Kind::NotFound:
                             done(Status());
                             return;
                         case KeychainError::Kind::Locked: {
                             // Here the caller may still fall back to a passphrase: say so.
                             QString message =
                                 tr("The keychain is locked or refused access. Unlock it (for "
                                    "example in Seahorse or KeePassXC), or set "
                                    "CERTDESK_STORE_PASSPHRASE / type a store passphrase at "
                                    "start.");
                             if (!details.isEmpty())
                                 message +=
                                     QLatin1Char(' ') + tr("(Keychain said: %1)").arg(details);
                             done(Error::failure(message));
                             return;
                         }
                         case KeychainError::Kind::Unavailable:
                         case KeychainError::Kind::Other:
                             // Whatever the reason, a keychain that cannot answer a lookup
                             // cannot be used: same advice.
                             done(unavailableError(details));
                             return;
                         }
                     });
    job->start();
}

Status KeychainAvailability::check(const QString& service, std::chrono::milliseconds timeout)
{
    if (Status usable = BlockingWait::canRun(); !usable)
        return usable;
    std::optional<Status> answer = BlockingWait::run<Status>(
        [&service](QObject* context, auto deliver) { probe(service, context, deliver); }, timeout);
    if (!answer)
        return unavailableError(BlockingWait::timeoutError(timeout).message);
    return std::move(*answer);
}

Error KeychainAvailability::unavailableError(const QString& details)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QString message =
        tr("No keychain is available (no Secret Service on the session bus). Start "
           "gnome-keyring or KeePassXC's Secret Service, or set CERTDESK_STORE_PASSPHRASE / "
           "type a store passphrase at start.");
#else
    QString message = tr("No keychain is available. Set CERTDESK_STORE_PASSPHRASE or type a "
                         "store passphrase at start.");
#endif
    if (!details.isEmpty())
        message += QLatin1Char(' ') + tr("(Keychain said: %1)").arg(details);
    return Error::failure(message);
}

Error KeychainAvailability::lockedError(const QString& details)
{
    // No passphrase advice here: once the keychain answers, CertDesk keeps using it, so a
    // store passphrase would not help; unlocking does.
    QString message = tr("The keychain is locked or refused access. Unlock it (for example in "
                         "Seahorse or KeePassXC) and try again.");
    if (!details.isEmpty())
        message += QLatin1Char(' ') + tr("(Keychain said: %1)").arg(details);
    return Error::failure(message);
}

} // namespace certdesk::secrets
