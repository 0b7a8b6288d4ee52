#include "core/secrets/SecretStore.h"

#include "core/secrets/BlockingWait.h"
#include "core/secrets/KeychainError.h"
#include "core/secrets/SecretWipe.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QStringDecoder>

#include <qt6keychain/keychain.h>

#include <utility>

namespace certdesk::secrets {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SecretStore", text);
}

// Errors found before any job starts still reach the caller later, never from inside the
// call, so callers see one behaviour whatever went wrong.
template <typename Callback, typename Value>
void deliverLater(QObject* context, Callback done, Value value)
{
    QMetaObject::invokeMethod(
        context,
        [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); },
        Qt::QueuedConnection);
}

// Every job: no parent, because it must live until libsecret answers even if the caller's
// context dies earlier (libsecret's callback holds a raw pointer into the job); deleted by
// QtKeychain once finished; and no plaintext QSettings fallback, whatever the platform.
template <typename Job> Job* newJob(const QString& service, const QString& key)
{
    auto* job = new Job(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

Error jobError(const QKeychain::Job& job, const QString& what)
{
    const QString details = job.errorString();
    return KeychainError::toError(KeychainError::classify(job.error(), details), what, details);
}

} // namespace

QString SecretStore::defaultService()
{
    return QStringLiteral("CertDesk");
}

QString SecretStore::storeKeyName()
{
    return QStringLiteral("store-key");
}

QString SecretStore::sitePasswordKey(const QString& site)
{
    return QStringLiteral("site/%1/password").arg(site);
}

QString SecretStore::credentialPasswordKey(const QString& credential)
{
    return QStringLiteral("credential/%1/password").arg(credential);
}

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{
}

void SecretStore::read(const QString& key, QObject* context, ReadCallback done) const
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    if (Status usable = BlockingWait::canRun(); !usable) {
        deliverLater(context, std::move(done), ReadResult(usable.error()));
        return;
    }

    auto* job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [done = std::move(done), key](QKeychain::Job* finished) {
            auto* readJob = static_cast<QKeychain::ReadPasswordJob*>(finished);
            if (readJob->error() == QKeychain::EntryNotFound) {
                done(ReadResult(std::optional<crypto::SecretBytes>()));
                return;
            }
            if (readJob->error() != QKeychain::NoError) {
                done(jobError(*readJob, tr("Cannot read \"%1\" from the keychain").arg(key)));
                return;
            }
            // binaryData() shares the job's buffer: wiping our copy wipes the job's too.
            QByteArray data = readJob->binaryData();
            std::optional<crypto::SecretBytes> value(std::in_place, data);
            SecretWipe::bytes(data);
            done(ReadResult(std::move(value)));
        });
    job->start();
}

void SecretStore::write(const QString& key, const crypto::SecretBytes& value, Format format,
                        QObject* context, StatusCallback done) const
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    if (Status usable = BlockingWait::canRun(); !usable) {
        deliverLater(context, std::move(done), usable);
        return;
    }
    if (value.isEmpty()) {
        deliverLater(context, std::move(done),
                     Status(Error::usage(tr("Nothing to store in the keychain for \"%1\": the "
                                            "value is empty.")
                                             .arg(key))));
        return;
    }

    auto* job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    if (format == Format::Binary) {
        // setBinaryData() keeps a shared copy of this buffer; the wipe below reaches it.
        QByteArray bytes(value.data(), value.size());
        job->setBinaryData(bytes);
        QObject::connect(job, &QKeychain::Job::finished, job,
                         [bytes]() mutable { SecretWipe::bytes(bytes); });
    } else {
        // libsecret stores text as a C string: no NUL bytes, and it must be UTF-8.
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder(value.view());
        if (decoder.hasError() || value.view().contains('\0')) {
            SecretWipe::text(text);
            delete job;
            deliverLater(context, std::move(done),
                         Status(Error::usage(tr("The value for \"%1\" is not text; it cannot be "
                                                "stored as a password.")
                                                 .arg(key))));
            return;
        }
        // QtKeychain converts this to its own UTF-8 copy, which it frees unwiped when the job
        // is deleted; ours we can wipe.
        job->setTextData(text);
        SecretWipe::text(text);
    }
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [done = std::move(done), key](QKeychain::Job* finished) {
            if (finished->error() != QKeychain::NoError) {
                done(jobError(*finished, tr("Cannot store \"%1\" in the keychain").arg(key)));
                return;
            }
            done(Status());
        });
    job->start();
}

void SecretStore::remove(const QString& key, QObject* context, StatusCallback done) const
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    if (Status usable = BlockingWait::canRun(); !usable) {
        deliverLater(context, std::move(done), usable);
        return;
    }

    auto* job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    QObject::connect(
        job, &QKeychain::Job::finished, context,
        [done = std::move(done), key](QKeychain::Job* finished) {
            const QKeychain::Error code = finished->error();
            // Already gone is what the caller wanted.
            if (code == QKeychain::NoError || code == QKeychain::EntryNotFound) {
                done(Status());
                return;
            }
            done(jobError(*finished, tr("Cannot delete \"%1\" from the keychain").arg(key)));
        });
    job->start();
}

SecretStore::ReadResult SecretStore::readBlocking(const QString& key,
                                                  std::chrono::milliseconds timeout) const
{
    if (Status usable = BlockingWait::canRun(); !usable)
        return usable.error();
    std::optional<ReadResult> answer = BlockingWait::run<ReadResult>(
        [&](QObject* context, auto deliver) { read(key, context, deliver); }, timeout);
    if (!answer)
        return BlockingWait::timeoutError(timeout);
    return std::move(*answer);
}

Status SecretStore::writeBlocking(const QString& key, const crypto::SecretBytes& value,
                                  Format format, std::chrono::milliseconds timeout) const
{
    if (Status usable = BlockingWait::canRun(); !usable)
        return usable;
    std::optional<Status> answer = BlockingWait::run<Status>(
        [&](QObject* context, auto deliver) { write(key, value, format, context, deliver); },
        timeout);
    if (!answer)
        return BlockingWait::timeoutError(timeout);
    return std::move(*answer);
}

Status SecretStore::removeBlocking(const QString& key, std::chrono::milliseconds timeout) const
{
    if (Status usable = BlockingWait::canRun(); !usable)
        return usable;
    std::optional<Status> answer = BlockingWait::run<Status>(
        [&](QObject* context, auto deliver) { remove(key, context, deliver); }, timeout);
    if (!answer)
        return BlockingWait::timeoutError(timeout);
    return std::move(*answer);
}

} // namespace certdesk::secrets
