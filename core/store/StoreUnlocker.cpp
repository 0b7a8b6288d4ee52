#include "core/store/StoreUnlocker.h"

#include "core/crypto/KeyDerivation.h"
#include "core/io/SecureFileWriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QObject>

#include <memory>

namespace certdesk::store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StoreUnlocker", text);
}

struct KeyInfo
{
    QString source; // "keychain" or "passphrase"; empty: not yet created
    QByteArray salt;
    int iterations = crypto::KeyDerivation::defaultIterations;
    QByteArray check; // SHA-256 over a label and the key: tells a wrong passphrase apart
};

QString keyInfoPath(const QString& root)
{
    return QDir(root).filePath(QStringLiteral("keyinfo.json"));
}

QByteArray checkValue(const crypto::SecretBytes& key)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("certdesk-store-key-check-v1"));
    hash.addData(key.view());
    return hash.result();
}

KeyInfo readKeyInfo(const QString& root)
{
    KeyInfo info;
    QFile file(keyInfoPath(root));
    if (!file.open(QIODevice::ReadOnly))
        return info;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    info.source = o.value(QStringLiteral("source")).toString();
    info.salt = QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1());
    info.iterations = o.value(QStringLiteral("iterations")).toInt(info.iterations);
    info.check = QByteArray::fromBase64(o.value(QStringLiteral("check")).toString().toLatin1());
    return info;
}

Status writeKeyInfo(const QString& root, const KeyInfo& info)
{
    const QJsonObject o{{QStringLiteral("source"), info.source},
                        {QStringLiteral("salt"), QString::fromLatin1(info.salt.toBase64())},
                        {QStringLiteral("iterations"), info.iterations},
                        {QStringLiteral("check"), QString::fromLatin1(info.check.toBase64())}};
    io::SecureFileWriter writer;
    writer.setOverwrite(true);
    writer.add(keyInfoPath(root), QJsonDocument(o).toJson());
    return writer.commit();
}

} // namespace

StoreUnlocker::StoreUnlocker(QString root)
    : m_root(std::move(root))
{
}

Result<CertificateStore> StoreUnlocker::openBlocking(bool needKey) const
{
    auto store = CertificateStore::open(m_root);
    if (!store || !needKey)
        return store;

    KeyInfo info = readKeyInfo(store->root());
    const bool fresh = info.source.isEmpty();
    if (info.salt.isEmpty()) {
        auto salt = crypto::KeyDerivation::randomSalt();
        if (!salt)
            return salt.error();
        info.salt = *salt;
    }

    secrets::StoreKeyProvider provider(m_secrets);
    provider.setPassphraseSalt(info.salt);
    provider.setIterations(info.iterations);
    provider.setPassphrasePrompt(m_prompt);
    if (info.source == QLatin1String("keychain"))
        provider.setPolicy(secrets::StoreKeyProvider::Policy::KeychainOnly);
    else if (info.source == QLatin1String("passphrase"))
        provider.setPolicy(secrets::StoreKeyProvider::Policy::PassphraseOnly);
    else
        provider.setPolicy(secrets::StoreKeyProvider::Policy::KeychainOrPassphrase);

    auto key = provider.obtainBlocking();
    if (!key)
        return key.error();

    const QByteArray check = checkValue(key->key);
    if (!fresh && !info.check.isEmpty() && info.check != check)
        return Error::failure(
            info.source == QLatin1String("passphrase")
                ? tr("The store passphrase is wrong: it does not open this "
                     "certificate store. Check CERTDESK_STORE_PASSPHRASE or "
                     "type it again.")
                : tr("The keychain holds a different store key than the one "
                     "this certificate store was created with. Was the "
                     "keychain reset? Restore it, or use another CERTDESK_HOME."));
    if (fresh || info.check.isEmpty()) {
        info.source = key->source == secrets::StoreKeyProvider::Source::Keychain
                          ? QStringLiteral("keychain")
                          : QStringLiteral("passphrase");
        info.check = check;
        if (Status s = writeKeyInfo(store->root(), info); !s)
            return s.error();
    }
    store->setStoreKey(std::move(key->key));
    return store;
}

void StoreUnlocker::open(QObject* context, OpenCallback done) const
{
    Q_ASSERT(context != nullptr);
    if (context == nullptr)
        return;
    auto opened = CertificateStore::open(m_root);
    if (!opened) {
        QMetaObject::invokeMethod(
            context, [done, error = opened.error()] { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto store = std::make_shared<CertificateStore>(std::move(*opened));

    auto info = std::make_shared<KeyInfo>(readKeyInfo(store->root()));
    const bool fresh = info->source.isEmpty();
    if (info->salt.isEmpty()) {
        auto salt = crypto::KeyDerivation::randomSalt();
        if (!salt) {
            QMetaObject::invokeMethod(
                context, [done, error = salt.error()] { done(error); }, Qt::QueuedConnection);
            return;
        }
        info->salt = *salt;
    }

    secrets::StoreKeyProvider provider(m_secrets);
    provider.setPassphraseSalt(info->salt);
    provider.setIterations(info->iterations);
    provider.setPassphrasePrompt(m_prompt);
    if (info->source == QLatin1String("keychain"))
        provider.setPolicy(secrets::StoreKeyProvider::Policy::KeychainOnly);
    else if (info->source == QLatin1String("passphrase"))
        provider.setPolicy(secrets::StoreKeyProvider::Policy::PassphraseOnly);
    else
        provider.setPolicy(secrets::StoreKeyProvider::Policy::KeychainOrPassphrase);

    provider.obtain(context, [store, info, fresh,
                              done](Result<secrets::StoreKeyProvider::StoreKey> key) {
        if (!key) {
            done(key.error());
            return;
        }
        const QByteArray check = checkValue(key->key);
        if (!fresh && !info->check.isEmpty() && info->check != check) {
            done(Error::failure(info->source == QLatin1String("passphrase")
                                    ? tr("The store passphrase is wrong: it does not open this "
                                         "certificate store. Check CERTDESK_STORE_PASSPHRASE or "
                                         "type it again.")
                                    : tr("The keychain holds a different store key than the one "
                                         "this certificate store was created with. Was the "
                                         "keychain reset? Restore it, or use another "
                                         "CERTDESK_HOME.")));
            return;
        }
        if (fresh || info->check.isEmpty()) {
            info->source = key->source == secrets::StoreKeyProvider::Source::Keychain
                               ? QStringLiteral("keychain")
                               : QStringLiteral("passphrase");
            info->check = check;
            if (Status s = writeKeyInfo(store->root(), *info); !s) {
                done(s.error());
                return;
            }
        }
        store->setStoreKey(std::move(key->key));
        done(std::move(*store));
    });
}

} // namespace certdesk::store
