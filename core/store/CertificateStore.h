#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/PrivateKey.h"
#include "core/crypto/SecretBytes.h"
#include "core/store/StoreEntry.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace certdesk::store {

// What an entry holds once opened.
struct EntryMaterial
{
    crypto::Certificate certificate;  // null for a CSR entry
    QList<crypto::Certificate> chain; // issuer first, root last
    std::optional<crypto::PrivateKey> key;
    crypto::CertificateRequest request; // kept for CSR entries (and after their answer)
};

// An entry moved to the trash by remove(); kept for 30 days.
struct TrashItem
{
    QString id; // folder name under trash/
    StoreEntry entry;
    QDateTime removed;
};

// The local certificate store: named entries shaped like the Admin Portal's lists, on disk as
// plain PEM files a technician can find, plus one index (store.json).
//
// Crash safety: an entry's files are written into a fresh folder first; the index, replaced
// atomically, is the single commit point. A process killed at any moment leaves either the
// old or the new index, both of which reference complete folders. Folders the index does not
// reference are moved to the trash (never deleted) the next time the store is opened.
// Private keys are only ever written encrypted (PKCS#8, AES-256-CBC) under the store key.
class CertificateStore
{
public:
    static constexpr int trashDays = 30;

    // CERTDESK_HOME if set, else the user's application data folder.
    static QString defaultLocation();
    // Creates the folders (0700) if needed and reads the index.
    static Result<CertificateStore> open(const QString& root);

    // The 32-byte key from the keychain (StoreKeyProvider); needed to add or open keys.
    void setStoreKey(crypto::SecretBytes key) { m_storeKey = std::move(key); }
    bool hasStoreKey() const { return !m_storeKey.isEmpty(); }

    QString root() const { return m_root; }
    QList<StoreEntry> entries() const { return m_entries; }
    std::optional<StoreEntry> find(const QString& name) const;
    Status reload();

    static Status checkName(const QString& name);
    // A usable name that no entry has yet. Checked before costly work (key generation), and
    // again by add() under the lock.
    Status checkNewName(const QString& name) const;

    Result<StoreEntry> add(const QString& name, EntryType type, const EntryMaterial& material,
                           const QString& notes = QString());
    Result<EntryMaterial> load(const QString& name, bool withKey) const;

    // "Import Updated Certificate / Certificate for CSR [X.509]": the CA's answer (with or
    // without chain, any order) is matched to the entry's key by public key. With an empty
    // `name` the entry is found by its key among all entries that have one.
    Result<StoreEntry> importSigned(const QString& name, const QList<crypto::Certificate>& answer);

    Status remove(const QString& name);
    Status rename(const QString& from, const QString& to);
    Status setNotes(const QString& name, const QString& notes);

    QList<TrashItem> trash() const;
    Result<StoreEntry> restore(const QString& trashId);
    // Removes trash older than trashDays; returns how many items went.
    int purgeTrash(const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    explicit CertificateStore(QString root)
        : m_root(std::move(root))
    {
    }

    QString entriesDir() const;
    QString trashDir() const;
    QString indexPath() const;
    Status readIndex();
    Status writeIndex(const QList<StoreEntry>& entries) const;
    Result<QString> writeEntryFolder(const EntryMaterial& material, const QString& keyPem) const;
    Result<QByteArray> encryptKey(const crypto::PrivateKey& key) const;
    Status moveToTrash(const StoreEntry& entry, const QString& reason) const;
    void collectOrphans();
    static void fillSummary(StoreEntry& entry, const EntryMaterial& material);

    QString m_root;
    QList<StoreEntry> m_entries;
    crypto::SecretBytes m_storeKey;
};

} // namespace certdesk::store
