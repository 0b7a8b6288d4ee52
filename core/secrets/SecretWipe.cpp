#include "core/secrets/SecretWipe.h"

#include <cstddef>

namespace certdesk::secrets {

namespace {

void wipe(const void* data, qsizetype size)
{
    // Writing through const is deliberate: data() would detach and wipe a fresh copy instead
    // of the buffer that also holds the secret.
    volatile char* p = static_cast<volatile char*>(const_cast<void*>(data));
    for (qsizetype i = 0; i < size; ++i)
        p[i] = 0;
}

} // namespace

void SecretWipe::bytes(QByteArray& data)
{
    // capacity() is 0 for literal or fromRawData() bytes: read-only memory, not ours to wipe.
    if (!data.isEmpty() && data.capacity() > 0)
        wipe(data.constData(), data.size());
    data.clear();
}

void SecretWipe::text(QString& text)
{
    if (!text.isEmpty() && text.capacity() > 0)
        wipe(text.constData(), text.size() * static_cast<qsizetype>(sizeof(QChar)));
    text.clear();
}

} // namespace certdesk::secrets
