#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace certdesk::crypto {

// Bytes that must not outlive their use: passphrases and exported plaintext keys.
// The buffer is wiped with OPENSSL_cleanse when the object goes away.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArrayView bytes);
    static SecretBytes fromUtf8(const QString& text);
    SecretBytes(const SecretBytes& other);
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    const char* data() const { return m_bytes.data(); }
    char* data() { return m_bytes.data(); }
    qsizetype size() const { return static_cast<qsizetype>(m_bytes.size()); }
    bool isEmpty() const { return m_bytes.empty(); }
    QByteArrayView view() const { return QByteArrayView(data(), size()); }

    // Passphrase rules count characters (Unicode code points), not bytes.
    qsizetype characterCount() const;
    // Drops one trailing "\n" or "\r\n", as left by `echo` or an editor in a passphrase file.
    void chopLineEnding();
    void clear();

private:
    void wipe();
    std::vector<char> m_bytes;
};

} // namespace certdesk::crypto
