#include "core/store/CertificateStore.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"
#include "core/io/SecureFileWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace certdesk::store {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CertificateStore", text);
}

const QString kCertificateFile = QStringLiteral("certificate.pem");
const QString kChainFile = QStringLiteral("chain.pem");
const QString kKeyFile = QStringLiteral("key.pem");
const QString kRequestFile = QStringLiteral("request.csr");
const QString kTrashInfoFile = QStringLiteral("entry.json");
constexpr int kIndexVersion = 1;

constexpr QFile::Permissions kOwnerDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

Status makePrivateDir(const QString& path)
{
    if (!QDir().mkpath(path))
        return Error::failure(tr("Cannot create the folder %1. Check that its parent is writable.")
                                  .arg(QDir::toNativeSeparators(path)));
    QFile::setPermissions(path, kOwnerDir);
    return {};
}

// Serialises writers across processes (CLI and GUI at once). Readers need no lock: the index
// is replaced atomically.
class StoreLock
{
public:
    explicit StoreLock(const QString& root)
        : m_lock(QDir(root).filePath(QStringLiteral(".lock")))
    {
        m_lock.setStaleLockTime(0); // a crashed writer's lock is detected by its dead PID
    }
    Status acquire()
    {
        if (m_lock.tryLock(10000))
            return {};
        return Error::failure(tr("The certificate store is busy (another CertDesk is writing to "
                                 "it). Try again in a moment."));
    }

private:
    QLockFile m_lock;
};

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The PKCS#8 passphrase for keys at rest: the store key in hex, built straight into wiped
// memory (no QString or QByteArray copy of the key lingers).
crypto::SecretBytes keyPassphrase(const crypto::SecretBytes& key)
{
    static const char digits[] = "0123456789abcdef";
    crypto::SecretBytes hex(QByteArray(key.size() * 2, '0'));
    for (qsizetype i = 0; i < key.size(); ++i) {
        const auto byte = static_cast<unsigned char>(key.data()[i]);
        hex.data()[2 * i] = digits[byte >> 4];
        hex.data()[2 * i + 1] = digits[byte & 0x0F];
    }
    return hex;
}

} // namespace

QString CertificateStore::defaultLocation()
{
    const QString env = qEnvironmentVariable("CERTDESK_HOME");
    if (!env.isEmpty())
        return env;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(data).filePath(QStringLiteral("CertDesk"));
}

Result<CertificateStore> CertificateStore::open(const QString& root)
{
    CertificateStore store(QDir(root).absolutePath());
    for (const QString& dir : {store.m_root, store.entriesDir(), store.trashDir()}) {
        if (Status s = makePrivateDir(dir); !s)
            return s.error();
    }
    if (Status s = store.readIndex(); !s)
        return s.error();
    store.collectOrphans();
    store.purgeTrash();
    return store;
}

QString CertificateStore::entriesDir() const
{
    return QDir(m_root).filePath(QStringLiteral("entries"));
}

QString CertificateStore::trashDir() const
{
    return QDir(m_root).filePath(QStringLiteral("trash"));
}

QString CertificateStore::indexPath() const
{
    return QDir(m_root).filePath(QStringLiteral("store.json"));
}

Status CertificateStore::reload()
{
    return readIndex();
}

Status CertificateStore::readIndex()
{
    m_entries.clear();
    QFile file(indexPath());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error::failure(tr("Cannot read the store index %1: %2.")
                                  .arg(QDir::toNativeSeparators(indexPath()), file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (doc.isNull() || !doc.isObject())
        return Error::failure(tr("The store index %1 is damaged (%2). Restore it from a backup; "
                                 "the certificate folders under entries/ are intact.")
                                  .arg(QDir::toNativeSeparators(indexPath()), error.errorString()));
    const int version = doc.object().value(QStringLiteral("version")).toInt();
    if (version > kIndexVersion)
        return Error::failure(tr("The store was written by a newer CertDesk (index version %1). "
                                 "Update CertDesk to open it.")
                                  .arg(version));
    for (const QJsonValue& v : doc.object().value(QStringLiteral("entries")).toArray()) {
        if (auto entry = StoreEntry::fromJson(v.toObject()))
            m_entries << *entry;
    }
    return {};
}

Status CertificateStore::writeIndex(const QList<StoreEntry>& entries) const
{
    QJsonArray array;
    for (const StoreEntry& e : entries)
        array.append(e.toJson());
    const QJsonObject root{{QStringLiteral("version"), kIndexVersion},
                           {QStringLiteral("entries"), array}};
    QSaveFile file(indexPath());
    if (!file.open(QIODevice::WriteOnly))
        return Error::failure(tr("Cannot write the store index: %1.").arg(file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error::failure(tr("Cannot write the store index: %1. Check the free disk space.")
                                  .arg(file.errorString()));
    return {};
}

std::optional<StoreEntry> CertificateStore::find(const QString& name) const
{
    for (const StoreEntry& e : m_entries) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return e;
    }
    return std::nullopt;
}

Status CertificateStore::checkName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return Error::usage(tr("Give the entry a name (the Admin Portal's \"Name of the "
                               "Certificate\")."));
    if (name != name.trimmed() || name.size() > 64)
        return Error::usage(tr("\"%1\" is not a usable name: at most 64 characters, without "
                               "leading or trailing spaces.")
                                .arg(name));
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return Error::usage(tr("\"%1\" is not a usable name: no slashes or control "
                                   "characters.")
                                    .arg(name));
    }
    return {};
}

Status CertificateStore::checkNewName(const QString& name) const
{
    if (Status s = checkName(name); !s)
        return s;
    if (find(name))
        return Error::failure(tr("An entry named \"%1\" already exists. Choose another name, or "
                                 "delete or rename the existing one.")
                                  .arg(name));
    return {};
}

Result<QByteArray> CertificateStore::encryptKey(const crypto::PrivateKey& key) const
{
    if (m_storeKey.isEmpty())
        return Error::failure(tr("The store key is not available, so no private key can be "
                                 "stored. Unlock the keychain or give the store passphrase."));
    return key.toEncryptedPem(keyPassphrase(m_storeKey));
}

Result<QString> CertificateStore::writeEntryFolder(const EntryMaterial& material,
                                                   const QString& keyPem) const
{
    const QString dirName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString dir = QDir(entriesDir()).filePath(dirName);
    if (Status s = makePrivateDir(dir); !s)
        return s.error();
    io::SecureFileWriter writer;
    if (!material.certificate.isNull())
        writer.add(QDir(dir).filePath(kCertificateFile), material.certificate.toPem());
    if (!material.chain.isEmpty()) {
        QByteArray chain;
        for (const crypto::Certificate& c : material.chain)
            chain += c.toPem();
        writer.add(QDir(dir).filePath(kChainFile), chain);
    }
    if (!keyPem.isEmpty())
        writer.add(QDir(dir).filePath(kKeyFile), keyPem.toLatin1());
    if (!material.request.isNull())
        writer.add(QDir(dir).filePath(kRequestFile), material.request.toPem());
    if (Status s = writer.commit(); !s) {
        QDir(dir).removeRecursively();
        return s.error();
    }
    return dirName;
}

void CertificateStore::fillSummary(StoreEntry& entry, const EntryMaterial& material)
{
    entry.hasKey = material.key.has_value();
    if (!material.certificate.isNull()) {
        const auto d = crypto::CertificateDetails::of(material.certificate);
        entry.commonName = d.subject.commonName;
        entry.notAfter = d.notAfter;
        entry.fingerprintSha256 = d.fingerprintSha256;
        entry.publicKeySha256 = d.publicKeySha256;
    } else if (!material.request.isNull()) {
        const auto d = crypto::CertificateDetails::of(material.request);
        entry.commonName = d.subject.commonName;
        entry.notAfter = QDateTime();
        entry.fingerprintSha256 = d.fingerprintSha256;
        entry.publicKeySha256 = d.publicKeySha256;
    }
}

Result<StoreEntry> CertificateStore::add(const QString& name, EntryType type,
                                         const EntryMaterial& material, const QString& notes)
{
    if (Status s = checkName(name); !s)
        return s.error();
    if (type == EntryType::CertificateRequest ? material.request.isNull()
                                              : material.certificate.isNull())
        return Error::usage(tr("Nothing to store for \"%1\".").arg(name));
    if (material.key && !material.certificate.isNull() &&
        !material.certificate.matches(*material.key))
        return Error::failure(tr("The private key does not belong to the certificate. Choose the "
                                 "key that was created with this certificate or its CSR."));
    if (material.key && !material.request.isNull() && !material.request.matches(*material.key))
        return Error::failure(tr("The private key does not belong to the request."));

    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s.error();
    if (Status s = readIndex(); !s)
        return s.error();
    if (Status s = checkNewName(name); !s)
        return s.error();

    QString keyPem;
    if (material.key) {
        auto encrypted = encryptKey(*material.key);
        if (!encrypted)
            return encrypted.error();
        keyPem = QString::fromLatin1(*encrypted);
    }
    auto dir = writeEntryFolder(material, keyPem);
    if (!dir)
        return dir.error();

    StoreEntry entry;
    entry.name = name;
    entry.type = type;
    entry.created = entry.updated = QDateTime::currentDateTimeUtc();
    entry.notes = notes;
    entry.directory = *dir;
    fillSummary(entry, material);
    QList<StoreEntry> updated = m_entries;
    updated << entry;
    if (Status s = writeIndex(updated); !s) {
        QDir(QDir(entriesDir()).filePath(*dir)).removeRecursively();
        return s.error();
    }
    m_entries = updated;
    return entry;
}

Result<EntryMaterial> CertificateStore::load(const QString& name, bool withKey) const
{
    const auto entry = find(name);
    if (!entry)
        return Error::failure(tr("There is no entry named \"%1\" in the store. 'store list' shows "
                                 "the names.")
                                  .arg(name));
    const QDir dir(QDir(entriesDir()).filePath(entry->directory));
    EntryMaterial material;
    const QByteArray cert = readFile(dir.filePath(kCertificateFile));
    if (!cert.isEmpty()) {
        auto c = crypto::Certificate::fromPem(cert);
        if (!c)
            return Error::failure(
                tr("The certificate file of \"%1\" is damaged: %2").arg(name, c.error().message));
        material.certificate = *c;
    }
    const QByteArray chain = readFile(dir.filePath(kChainFile));
    if (!chain.isEmpty()) {
        auto parsed = crypto::CryptoFile::parse(chain);
        if (!parsed)
            return Error::failure(
                tr("The chain file of \"%1\" is damaged: %2").arg(name, parsed.error().message));
        material.chain = parsed->certificates;
    }
    const QByteArray request = readFile(dir.filePath(kRequestFile));
    if (!request.isEmpty()) {
        auto r = crypto::CertificateRequest::fromPem(request);
        if (!r)
            return Error::failure(
                tr("The request file of \"%1\" is damaged: %2").arg(name, r.error().message));
        material.request = *r;
    }
    if (withKey && entry->hasKey) {
        if (m_storeKey.isEmpty())
            return Error::failure(tr("The store key is not available, so the private key of "
                                     "\"%1\" cannot be opened. Unlock the keychain or give the "
                                     "store passphrase.")
                                      .arg(name));
        const QByteArray keyPem = readFile(dir.filePath(kKeyFile));
        const crypto::SecretBytes passphrase = keyPassphrase(m_storeKey);
        auto key = crypto::PrivateKey::fromPem(keyPem, &passphrase);
        if (!key)
            return Error::failure(tr("The private key of \"%1\" cannot be opened with this store "
                                     "key: %2 Was the store created with another keychain or "
                                     "store passphrase?")
                                      .arg(name, key.error().message));
        material.key = *key;
    }
    return material;
}

Result<StoreEntry> CertificateStore::importSigned(const QString& name,
                                                  const QList<crypto::Certificate>& answer)
{
    if (answer.isEmpty())
        return Error::failure(tr("The file holds no certificate. Choose the CA's answer (.cer, "
                                 ".crt, .pem, .der or .p7b)."));
    const QList<crypto::Certificate> ordered = crypto::orderChain(answer);

    // Which entry does the answer belong to? Match every certificate against the entries'
    // public keys: a CA may put the chain in any order.
    std::optional<StoreEntry> target;
    crypto::Certificate leaf;
    for (const crypto::Certificate& c : ordered) {
        const QString keyHash = crypto::colonHex(c.publicKey().sha256());
        for (const StoreEntry& e : m_entries) {
            if (!e.hasKey || e.publicKeySha256 != keyHash)
                continue;
            if (!name.isEmpty() && e.name.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            target = e;
            leaf = c;
            break;
        }
        if (target)
            break;
    }
    if (!target) {
        if (!name.isEmpty() && find(name))
            return Error::failure(tr("The certificate does not match the key of \"%1\": it was "
                                     "issued for a different key. Check that the CA answered "
                                     "this CSR and not another one.")
                                      .arg(name));
        if (!name.isEmpty())
            return Error::failure(tr("There is no entry named \"%1\" in the store.").arg(name));
        return Error::failure(tr("The certificate matches no key in the store: it was issued for "
                                 "a CSR that was not made here. Import it together with its key "
                                 "instead."));
    }

    auto material = load(target->name, true);
    if (!material)
        return material.error();
    if (!material->key || !leaf.matches(*material->key))
        return Error::failure(
            tr("The certificate does not match the key of \"%1\".").arg(target->name));
    EntryMaterial updated = *material;
    updated.certificate = leaf;
    updated.chain.clear();
    for (const crypto::Certificate& c : ordered) {
        if (!(c == leaf))
            updated.chain << c;
    }
    updated.chain = crypto::orderChain(QList<crypto::Certificate>{leaf} + updated.chain).mid(1);

    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s.error();
    if (Status s = readIndex(); !s)
        return s.error();
    const auto current = find(target->name);
    if (!current || current->directory != target->directory)
        return Error::failure(
            tr("\"%1\" was changed by another CertDesk meanwhile. Try again.").arg(target->name));
    // The key file is copied as it is: still encrypted, never decrypted to disk.
    const QString oldDir = QDir(entriesDir()).filePath(current->directory);
    const QString keyPem = QString::fromLatin1(readFile(QDir(oldDir).filePath(kKeyFile)));
    auto dir = writeEntryFolder(updated, keyPem);
    if (!dir)
        return dir.error();
    StoreEntry entry = *current;
    entry.directory = *dir;
    entry.updated = QDateTime::currentDateTimeUtc();
    if (entry.type == EntryType::CertificateRequest)
        entry.type = leaf.isSelfSigned() ? EntryType::SelfSigned : EntryType::CaSigned;
    fillSummary(entry, updated);
    QList<StoreEntry> entries = m_entries;
    for (StoreEntry& e : entries) {
        if (e.name == entry.name)
            e = entry;
    }
    if (Status s = writeIndex(entries); !s) {
        QDir(QDir(entriesDir()).filePath(*dir)).removeRecursively();
        return s.error();
    }
    m_entries = entries;
    // The superseded folder goes to the trash like a deleted entry: recoverable for 30 days.
    // If this fails the folder is an orphan, and the next open moves it to the trash.
    static_cast<void>(moveToTrash(*current, QStringLiteral("replaced")));
    return entry;
}

Status CertificateStore::moveToTrash(const StoreEntry& entry, const QString& reason) const
{
    const QString source = QDir(entriesDir()).filePath(entry.directory);
    const QString id =
        QStringLiteral("%1-%2-%3")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmsszzz")),
                 reason, entry.directory);
    const QString target = QDir(trashDir()).filePath(id);
    io::SecureFileWriter info;
    info.setOverwrite(true);
    QJsonObject json = entry.toJson();
    json.insert(QStringLiteral("removed"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    info.add(QDir(source).filePath(kTrashInfoFile), QJsonDocument(json).toJson());
    if (Status s = info.commit(); !s)
        return s;
    if (!QDir().rename(source, target))
        return Error::failure(
            tr("Cannot move %1 to the trash.").arg(QDir::toNativeSeparators(source)));
    return {};
}

Status CertificateStore::remove(const QString& name)
{
    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s;
    if (Status s = readIndex(); !s)
        return s;
    const auto entry = find(name);
    if (!entry)
        return Error::failure(tr("There is no entry named \"%1\" in the store.").arg(name));
    QList<StoreEntry> entries;
    for (const StoreEntry& e : m_entries) {
        if (e.name != entry->name)
            entries << e;
    }
    // Index first: if we die before the folder moves, it is an orphan and goes to the trash
    // at the next open, so the copy is kept either way.
    if (Status s = writeIndex(entries); !s)
        return s;
    m_entries = entries;
    return moveToTrash(*entry, QStringLiteral("deleted"));
}

Status CertificateStore::rename(const QString& from, const QString& to)
{
    if (Status s = checkName(to); !s)
        return s;
    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s;
    if (Status s = readIndex(); !s)
        return s;
    const auto entry = find(from);
    if (!entry)
        return Error::failure(tr("There is no entry named \"%1\" in the store.").arg(from));
    const auto clash = find(to);
    if (clash && clash->name != entry->name)
        return Error::failure(tr("An entry named \"%1\" already exists.").arg(to));
    QList<StoreEntry> entries = m_entries;
    for (StoreEntry& e : entries) {
        if (e.name == entry->name) {
            e.name = to;
            e.updated = QDateTime::currentDateTimeUtc();
        }
    }
    if (Status s = writeIndex(entries); !s)
        return s;
    m_entries = entries;
    return {};
}

Status CertificateStore::setNotes(const QString& name, const QString& notes)
{
    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s;
    if (Status s = readIndex(); !s)
        return s;
    if (!find(name))
        return Error::failure(tr("There is no entry named \"%1\" in the store.").arg(name));
    QList<StoreEntry> entries = m_entries;
    for (StoreEntry& e : entries) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0) {
            e.notes = notes;
            e.updated = QDateTime::currentDateTimeUtc();
        }
    }
    if (Status s = writeIndex(entries); !s)
        return s;
    m_entries = entries;
    return {};
}

void CertificateStore::collectOrphans()
{
    StoreLock lock(m_root);
    if (!lock.acquire())
        return; // another writer is busy; its folders are not orphans
    if (!readIndex())
        return;
    QSet<QString> referenced;
    for (const StoreEntry& e : m_entries)
        referenced.insert(e.directory);
    const QStringList dirs = QDir(entriesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& d : dirs) {
        if (referenced.contains(d))
            continue;
        StoreEntry orphan;
        orphan.name = d;
        orphan.directory = d;
        static_cast<void>(moveToTrash(orphan, QStringLiteral("orphan"))); // retried next open
    }
    // Temporary files of an interrupted index write.
    for (const QString& f : QDir(m_root).entryList({QStringLiteral("store.json.*")}, QDir::Files))
        QFile::remove(QDir(m_root).filePath(f));
}

QList<TrashItem> CertificateStore::trash() const
{
    QList<TrashItem> items;
    for (const QString& id :
         QDir(trashDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QByteArray info =
            readFile(QDir(QDir(trashDir()).filePath(id)).filePath(kTrashInfoFile));
        const QJsonObject json = QJsonDocument::fromJson(info).object();
        TrashItem item;
        item.id = id;
        item.removed =
            QDateTime::fromString(json.value(QStringLiteral("removed")).toString(), Qt::ISODate);
        if (auto entry = StoreEntry::fromJson(json))
            item.entry = *entry;
        if (!item.removed.isValid())
            item.removed = QFileInfo(QDir(trashDir()).filePath(id)).lastModified().toUTC();
        items << item;
    }
    return items;
}

Result<StoreEntry> CertificateStore::restore(const QString& trashId)
{
    StoreLock lock(m_root);
    if (Status s = lock.acquire(); !s)
        return s.error();
    if (Status s = readIndex(); !s)
        return s.error();
    TrashItem item;
    bool found = false;
    for (const TrashItem& t : trash()) {
        if (t.id == trashId) {
            item = t;
            found = true;
        }
    }
    if (!found || item.entry.name.isEmpty())
        return Error::failure(tr("There is no restorable item \"%1\" in the trash.").arg(trashId));
    if (find(item.entry.name))
        return Error::failure(
            tr("An entry named \"%1\" exists again; rename it first.").arg(item.entry.name));
    const QString dirName = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString target = QDir(entriesDir()).filePath(dirName);
    if (!QDir().rename(QDir(trashDir()).filePath(trashId), target))
        return Error::failure(tr("Cannot move the item back from the trash."));
    QFile::remove(QDir(target).filePath(kTrashInfoFile));
    StoreEntry entry = item.entry;
    entry.directory = dirName;
    QList<StoreEntry> entries = m_entries;
    entries << entry;
    if (Status s = writeIndex(entries); !s)
        return s.error();
    m_entries = entries;
    return entry;
}

int CertificateStore::purgeTrash(const QDateTime& now)
{
    int purged = 0;
    for (const TrashItem& item : trash()) {
        if (item.removed.isValid() && item.removed.daysTo(now) > trashDays) {
            if (QDir(QDir(trashDir()).filePath(item.id)).removeRecursively())
                ++purged;
        }
    }
    return purged;
}

} // namespace certdesk::store
