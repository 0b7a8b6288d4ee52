#include "app/cli/KeyOptions.h"

#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("KeyOptions", text);
}
} // namespace

KeyOptions::KeyOptions()
    : m_keyType(QStringLiteral("key-type"),
                tr("Key to generate: rsa2048 (default; the only one the PBX accepts), rsa3072, "
                   "rsa4096, ec-p256, ec-p384."),
                QStringLiteral("TYPE"), QStringLiteral("rsa2048"))
    , m_existingKey(QStringLiteral("key"),
                    tr("Use this existing private key instead of a new one."),
                    QStringLiteral("FILE"))
    , m_existingKeyPassphrase(QStringLiteral("key-"), tr("passphrase of the --key file"))
    , m_passphrase(QString(), tr("passphrase that encrypts the written key (7-32 characters)"))
    , m_noEncrypt(QStringLiteral("no-encrypt-key"),
                  tr("Write the private key unencrypted (only if you must; keep it safe)."))
    , m_kdf(QStringLiteral("kdf"),
            tr("Key derivation for the encrypted key: pbkdf2 (default) or scrypt."),
            QStringLiteral("KDF"), QStringLiteral("pbkdf2"))
{
}

void KeyOptions::addTo(QCommandLineParser& parser, bool allowExistingKey) const
{
    parser.addOption(m_keyType);
    if (allowExistingKey) {
        parser.addOption(m_existingKey);
        m_existingKeyPassphrase.addTo(parser);
    }
    m_passphrase.addTo(parser);
    parser.addOption(m_noEncrypt);
    parser.addOption(m_kdf);
}

bool KeyOptions::usesExistingKey(const QCommandLineParser& parser) const
{
    return parser.isSet(m_existingKey);
}

Result<crypto::PrivateKey> KeyOptions::key(const QCommandLineParser& parser) const
{
    if (parser.isSet(m_existingKey)) {
        if (parser.isSet(m_keyType))
            return Error::usage(tr("Give either --key or --key-type, not both."));
        auto passphrase = m_existingKeyPassphrase.read(parser);
        if (!passphrase)
            return passphrase.error();
        const crypto::SecretBytes* p = passphrase->has_value() ? &**passphrase : nullptr;
        auto file = crypto::CryptoFile::load(parser.value(m_existingKey), p);
        if (!file)
            return file.error();
        if (!file->key)
            return Error::failure(tr("%1 holds no private key. Give the key file with --key.")
                                      .arg(parser.value(m_existingKey)));
        return *file->key;
    }
    const auto algorithm = crypto::parseKeyAlgorithm(parser.value(m_keyType));
    if (!algorithm)
        return Error::usage(tr("\"%1\" is not a key type. Use one of: %2.")
                                .arg(parser.value(m_keyType),
                                     crypto::keyAlgorithmNames().join(QStringLiteral(", "))));
    return crypto::PrivateKey::generate(*algorithm);
}

Result<KeyOptions::Protection> KeyOptions::protection(const QCommandLineParser& parser) const
{
    Protection protection;
    if (parser.isSet(m_noEncrypt)) {
        if (m_passphrase.isSet(parser))
            return Error::usage(tr("Give either a passphrase or --no-encrypt-key, not both."));
        return protection;
    }
    const QString kdf = parser.value(m_kdf).toLower();
    if (kdf != QLatin1String("pbkdf2") && kdf != QLatin1String("scrypt"))
        return Error::usage(tr("--kdf takes pbkdf2 or scrypt."));
    protection.kdf = kdf == QLatin1String("scrypt") ? crypto::PrivateKey::Kdf::Scrypt
                                                    : crypto::PrivateKey::Kdf::Pbkdf2;
    auto passphrase = m_passphrase.require(
        parser, tr("The private key is written encrypted and needs a passphrase (or "
                   "--no-encrypt-key to write it unencrypted)"));
    if (!passphrase)
        return passphrase.error();
    // The Admin Portal imports keys only with a passphrase of 7 to 32 characters.
    if (Status s = crypto::checkPkcs12Passphrase(*passphrase); !s)
        return Error::usage(s.error().message);
    protection.passphrase = std::move(*passphrase);
    return protection;
}

Result<QByteArray> KeyOptions::Protection::encode(const crypto::PrivateKey& key) const
{
    if (!passphrase) {
        auto plain = key.toUnencryptedPem();
        if (!plain)
            return plain.error();
        return plain->view().toByteArray();
    }
    return key.toEncryptedPem(*passphrase, kdf);
}

} // namespace certdesk::cli
