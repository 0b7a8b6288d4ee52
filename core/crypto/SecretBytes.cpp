#include "core/crypto/SecretBytes.h"

#include <openssl/crypto.h>

#include <utility>

namespace certdesk::crypto {

SecretBytes::SecretBytes(QByteArrayView bytes)
    : m_bytes(bytes.begin(), bytes.end())
{
}

SecretBytes SecretBytes::fromUtf8(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    SecretBytes secret(utf8);
    OPENSSL_cleanse(utf8.data(), static_cast<size_t>(utf8.size()));
    return secret;
}

SecretBytes::SecretBytes(const SecretBytes& other)
    : m_bytes(other.m_bytes)
{
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        wipe();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_bytes(std::exchange(other.m_bytes, {}))
{
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::exchange(other.m_bytes, {});
    }
    return *this;
}

SecretBytes::~SecretBytes()
{
    wipe();
}

qsizetype SecretBytes::characterCount() const
{
    // Count UTF-8 lead bytes: every byte that is not a continuation byte (10xxxxxx).
    qsizetype count = 0;
    for (const char c : m_bytes) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

void SecretBytes::chopLineEnding()
{
    if (!m_bytes.empty() && m_bytes.back() == '\n') {
        m_bytes.back() = 0;
        m_bytes.pop_back();
        if (!m_bytes.empty() && m_bytes.back() == '\r') {
            m_bytes.back() = 0;
            m_bytes.pop_back();
        }
    }
}

void SecretBytes::clear()
{
    wipe();
}

void SecretBytes::wipe()
{
    if (!m_bytes.empty())
        OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
    // Also wipe spare capacity that may hold bytes of an earlier, longer value.
    if (m_bytes.capacity() > m_bytes.size()) {
        const size_t used = m_bytes.size();
        m_bytes.resize(m_bytes.capacity());
        OPENSSL_cleanse(m_bytes.data() + used, m_bytes.size() - used);
    }
    m_bytes.clear();
}

} // namespace certdesk::crypto
