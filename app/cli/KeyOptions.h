#pragma once

#include "app/cli/PassphraseOption.h"
#include "core/Result.h"
#include "core/crypto/PrivateKey.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace certdesk::cli {

// A new key (--key-type) or an existing one (--key FILE), and how a written key is protected:
// encrypted with --passphrase-file/--passphrase-env (PKCS#8, AES-256-CBC, --kdf), or
// unencrypted only when --no-encrypt-key is asked for.
class KeyOptions
{
public:
    KeyOptions();
    void addTo(QCommandLineParser& parser, bool allowExistingKey) const;

    bool usesExistingKey(const QCommandLineParser& parser) const;
    Result<crypto::PrivateKey> key(const QCommandLineParser& parser) const;

    // How the written key is protected; read (and checked) before any work is done.
    struct Protection
    {
        std::optional<crypto::SecretBytes> passphrase; // none: --no-encrypt-key
        crypto::PrivateKey::Kdf kdf = crypto::PrivateKey::Kdf::Pbkdf2;

        Result<QByteArray> encode(const crypto::PrivateKey& key) const;
    };
    Result<Protection> protection(const QCommandLineParser& parser) const;

private:
    QCommandLineOption m_keyType;
    QCommandLineOption m_existingKey;
    PassphraseOption m_existingKeyPassphrase;
    PassphraseOption m_passphrase;
    QCommandLineOption m_noEncrypt;
    QCommandLineOption m_kdf;
};

} // namespace certdesk::cli
