#pragma once

#include "core/Result.h"
#include "core/secrets/StoreKeyProvider.h"
#include "core/store/CertificateStore.h"

#include <QString>

#include <functional>

class QObject;

namespace certdesk::store {

// Opens the certificate store together with its key. The key comes from the keychain; a store
// created where no keychain was available uses a key derived from the store passphrase
// (CERTDESK_STORE_PASSPHRASE or the prompt) instead, and keeps using that source. Which source,
// the salt and a check value live in keyinfo.json beside the index: never the key itself.
class StoreUnlocker
{
public:
    explicit StoreUnlocker(QString root = CertificateStore::defaultLocation());

    void setPassphrasePrompt(secrets::StoreKeyProvider::PassphrasePrompt prompt)
    {
        m_prompt = std::move(prompt);
    }
    void setSecretStore(secrets::SecretStore store) { m_secrets = std::move(store); }

    // Without `needKey` the store opens for listing and viewing only, without asking the
    // keychain. Blocking (local event loop): for the CLI and for start-up.
    Result<CertificateStore> openBlocking(bool needKey) const;

    // Asynchronous, for the desktop application: opens the store and obtains its key from the
    // keychain (or the passphrase) without blocking the event loop. `done` runs once in
    // `context`'s thread unless `context` is destroyed first. The passphrase prompt, if one
    // is needed, is called from within the chain on that thread.
    using OpenCallback = std::function<void(Result<CertificateStore>)>;
    void open(QObject* context, OpenCallback done) const;

private:
    QString m_root;
    secrets::SecretStore m_secrets;
    secrets::StoreKeyProvider::PassphrasePrompt m_prompt;
};

} // namespace certdesk::store
