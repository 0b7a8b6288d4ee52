#include "core/crypto/Pkcs12Bundle.h"

#include "core/crypto/OpenSslUtil.h"

#include <QCoreApplication>
#include <QStringList>

#include <openssl/err.h>
#include <openssl/evperr.h>
#include <openssl/pkcs12err.h>
#include <openssl/provider.h>

#include <cstring>

namespace certdesk::crypto {

namespace {

// Iterations for the PBE key derivation and for the MAC. 2048 is what `openssl pkcs12
// -export` writes and what appliances are known to read; more buys little for a file that is
// protected by a 7-32 character passphrase anyway.
constexpr int kIterations = 2048;

QString tr(const char* text)
{
    return QCoreApplication::translate("Pkcs12Bundle", text);
}

using LibCtxPtr = std::unique_ptr<OSSL_LIB_CTX, ossl::Deleter<OSSL_LIB_CTX_free>>;
using ProviderPtr = std::unique_ptr<OSSL_PROVIDER, ossl::Deleter<OSSL_PROVIDER_unload>>;

// A library context with the "legacy" provider (RC2, DES …) next to "default". It is only
// ever made the current default for the duration of one read, so nothing we write can pick
// up a legacy algorithm. Built once, on first need; lives until the program ends.
class LegacyContext
{
public:
    LegacyContext()
        : m_ctx(OSSL_LIB_CTX_new())
    {
        if (m_ctx) {
            m_default.reset(OSSL_PROVIDER_load(m_ctx.get(), "default"));
            m_legacy.reset(OSSL_PROVIDER_load(m_ctx.get(), "legacy"));
        }
        if (!m_default || !m_legacy) {
            m_legacy.reset();
            m_default.reset();
            m_ctx.reset();
        }
        ossl::clearErrors();
    }

    OSSL_LIB_CTX* get() const { return m_ctx.get(); }

private:
    // Declared first so that it is destroyed last, after the providers it holds.
    LibCtxPtr m_ctx;
    ProviderPtr m_default;
    ProviderPtr m_legacy;
};

OSSL_LIB_CTX* legacyContext()
{
    static const LegacyContext context; // thread-safe one-time initialisation
    return context.get();
}

// Makes `ctx` this thread's default library context until the scope ends. In OpenSSL 3.0
// the default is per thread, so other threads keep the normal context meanwhile. PKCS12_parse
// has no variant that takes a library context, hence this detour.
class DefaultContextScope
{
public:
    explicit DefaultContextScope(OSSL_LIB_CTX* ctx)
        : m_previous(OSSL_LIB_CTX_set0_default(ctx))
    {
    }
    ~DefaultContextScope()
    {
        if (m_previous)
            OSSL_LIB_CTX_set0_default(m_previous);
    }
    DefaultContextScope(const DefaultContextScope&) = delete;
    DefaultContextScope& operator=(const DefaultContextScope&) = delete;

    bool active() const { return m_previous != nullptr; }

private:
    OSSL_LIB_CTX* m_previous;
};

// OpenSSL takes PKCS#12 passphrases as C strings; SecretBytes carries no terminator.
SecretBytes terminated(const SecretBytes& passphrase)
{
    SecretBytes copy(QByteArray(passphrase.size() + 1, '\0'));
    if (!passphrase.isEmpty())
        std::memcpy(copy.data(), passphrase.data(), static_cast<size_t>(passphrase.size()));
    return copy;
}

// What the OpenSSL error queue says about a failed step. Empties the queue.
struct ErrorScan
{
    bool unsupported = false; // an algorithm is missing from the library context (RC2-40 …)
    QString reasons;
};

ErrorScan scanErrors()
{
    ErrorScan scan;
    QStringList reasons;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        const int reason = ERR_GET_REASON(code);
        if (reason == ERR_R_UNSUPPORTED || reason == ERR_R_FETCH_FAILED)
            scan.unsupported = true;
        if (ERR_GET_LIB(code) == ERR_LIB_EVP &&
            (reason == EVP_R_UNSUPPORTED_ALGORITHM || reason == EVP_R_UNSUPPORTED_CIPHER ||
             reason == EVP_R_UNSUPPORTED_KEY_DERIVATION_FUNCTION ||
             reason == EVP_R_UNSUPPORTED_PRF))
            scan.unsupported = true;
        const char* text = ERR_reason_error_string(code);
        const QString line =
            text ? QString::fromLatin1(text) : QStringLiteral("error %1").arg(code, 0, 16);
        if (!reasons.contains(line))
            reasons << line;
    }
    scan.reasons = reasons.join(QStringLiteral("; "));
    return scan;
}

// The DER header of an ASN.1 SEQUENCE claims more bytes than there are: the file was cut off.
bool looksTruncated(QByteArrayView der)
{
    if (der.size() < 2 || static_cast<unsigned char>(der[0]) != 0x30)
        return false;
    const auto first = static_cast<unsigned char>(der[1]);
    if (first == 0x80)
        return false; // indefinite length (BER): no length to compare with
    qsizetype header = 2;
    quint64 length = first;
    if (first & 0x80) {
        const int count = first & 0x7f;
        if (count > 4 || der.size() < 2 + count)
            return count <= 4;
        length = 0;
        for (int i = 0; i < count; ++i)
            length = (length << 8) | static_cast<unsigned char>(der[2 + i]);
        header += count;
    }
    return static_cast<quint64>(header) + length > static_cast<quint64>(der.size());
}

struct Attempt
{
    enum class Outcome { Parsed, WrongPassphrase, Unsupported, Damaged };
    Outcome outcome = Outcome::Damaged;
    ossl::PkeyPtr key;
    ossl::X509Ptr cert;
    ossl::X509StackPtr others;
    QString detail; // OpenSSL's reasons, for a damaged file
};

// One try at verifying the MAC and decrypting the contents, in whatever library context is
// the thread's default at the time.
Attempt attempt(PKCS12* p12, const SecretBytes& passphrase)
{
    Attempt result;
    const SecretBytes pass = terminated(passphrase);
    const char* password = pass.data();
    const bool macPresent = PKCS12_mac_present(p12) == 1;

    if (macPresent) {
        bool verified = false;
        if (passphrase.isEmpty()) {
            // No passphrase: some tools write an absent one, others an empty string.
            if (PKCS12_verify_mac(p12, nullptr, 0) == 1) {
                verified = true;
                password = nullptr;
            } else {
                verified = PKCS12_verify_mac(p12, "", 0) == 1;
            }
        } else {
            verified = PKCS12_verify_mac(p12, password, -1) == 1;
        }
        if (!verified) {
            // A MAC that does not match raises no error; failing to compute one does.
            const bool generationFailed = ERR_peek_error() != 0;
            const ErrorScan scan = scanErrors();
            if (scan.unsupported)
                result.outcome = Attempt::Outcome::Unsupported;
            else if (generationFailed)
                result.outcome = Attempt::Outcome::Damaged;
            else
                result.outcome = Attempt::Outcome::WrongPassphrase;
            result.detail = scan.reasons;
            return result;
        }
    }

    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* others = nullptr;
    if (PKCS12_parse(p12, password, &key, &cert, &others) != 1) {
        const ErrorScan scan = scanErrors();
        if (scan.unsupported)
            result.outcome = Attempt::Outcome::Unsupported;
        else if (!macPresent)
            // Without a MAC nothing checked the passphrase; a wrong one shows up only as
            // contents that do not decrypt, and that is by far the likeliest cause.
            result.outcome = Attempt::Outcome::WrongPassphrase;
        else
            result.outcome = Attempt::Outcome::Damaged;
        result.detail = scan.reasons;
        return result;
    }
    ossl::clearErrors();
    result.outcome = Attempt::Outcome::Parsed;
    result.key.reset(key);
    result.cert.reset(cert);
    result.others.reset(others);
    return result;
}

// Copies a key made in the legacy context into the normal one, so that nothing read from an
// old file keeps a reference to legacy algorithms. The DER in between is wiped.
ossl::PkeyPtr reimportKey(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int len = i2d_PrivateKey(key, &der);
    if (len <= 0)
        return nullptr;
    const unsigned char* p = der;
    ossl::PkeyPtr copy(d2i_AutoPrivateKey_ex(nullptr, &p, len, nullptr, nullptr));
    OPENSSL_clear_free(der, static_cast<size_t>(len));
    return copy;
}

// A certificate without aux data (alias, key id, trust): the DER alone, parsed afresh in the
// normal library context.
Result<Certificate> plainCopy(const X509* cert)
{
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert, &der);
    if (len <= 0)
        return ossl::failure(tr("Cannot encode a certificate"));
    Result<Certificate> copy =
        Certificate::fromDer(QByteArrayView(reinterpret_cast<const char*>(der), len));
    OPENSSL_free(der);
    return copy;
}

// The certificates above `leaf`, issuer first and root last, then any that belong to no
// chain through it.
QList<Certificate> chainAbove(const Certificate& leaf, const QList<Certificate>& others)
{
    QList<Certificate> all{leaf};
    all << others;
    QList<Certificate> ordered = orderChain(all);
    if (!ordered.isEmpty() && ordered.first() == leaf) {
        ordered.removeFirst();
        return ordered;
    }
    // orderChain() chose another leaf (an unrelated end-entity certificate rode along):
    // walk up from the certificate that belongs to the key.
    QList<Certificate> remaining = others;
    QList<Certificate> chain;
    Certificate current = leaf;
    while (!current.isSelfSigned()) {
        qsizetype next = -1;
        for (qsizetype i = 0; i < remaining.size(); ++i) {
            if (current.isIssuedBy(remaining[i])) {
                next = i;
                break;
            }
        }
        if (next < 0)
            break;
        current = remaining.takeAt(next);
        chain << current;
    }
    return chain << remaining;
}

} // namespace

std::optional<Pkcs12Format> parsePkcs12Format(const QString& text)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("modern"), Qt::CaseInsensitive) == 0)
        return Pkcs12Format::Modern;
    if (t.compare(QLatin1String("compat"), Qt::CaseInsensitive) == 0)
        return Pkcs12Format::Compat;
    return std::nullopt;
}

QString pkcs12FormatName(Pkcs12Format format)
{
    switch (format) {
    case Pkcs12Format::Modern:
        return QStringLiteral("modern");
    case Pkcs12Format::Compat:
        return QStringLiteral("compat");
    }
    return {};
}

Status checkPkcs12Passphrase(const SecretBytes& passphrase)
{
    const qsizetype count = passphrase.characterCount();
    if (count < 7 || count > 32)
        return Error::usage(tr("The passphrase must be 7 to 32 characters long (it has %1). "
                               "Choose another passphrase.")
                                .arg(count));
    return {};
}

Result<Pkcs12Bundle> Pkcs12Bundle::read(QByteArrayView der, const SecretBytes& passphrase)
{
    if (der.isEmpty())
        return Error::failure(tr("The PKCS#12 file is empty. Choose the .p12/.pfx file itself."));
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
    if (!p12) {
        ossl::clearErrors();
        if (looksTruncated(der))
            return Error::failure(tr("The PKCS#12 file is truncated: it ends before its data "
                                     "does. Copy the file again from its source."));
        return Error::failure(tr("This is not a PKCS#12 file (.p12/.pfx), or it is damaged. "
                                 "Check that you chose the right file."));
    }

    Attempt parsed = attempt(p12.get(), passphrase);
    bool legacy = false;
    if (parsed.outcome == Attempt::Outcome::Unsupported) {
        // Old encryption (RC2-40, single DES …): retry with the legacy provider, for this read
        // only.
        OSSL_LIB_CTX* ctx = legacyContext();
        if (!ctx)
            return Error::failure(tr("This PKCS#12 file uses old encryption (such as RC2) and "
                                     "the OpenSSL legacy provider is not available to read it. "
                                     "Export the file again with AES-256 or 3DES."));
        DefaultContextScope scope(ctx);
        if (!scope.active())
            return ossl::failure(tr("Cannot switch to the legacy algorithms to read this "
                                    "PKCS#12 file"));
        parsed = attempt(p12.get(), passphrase);
        legacy = true;
    }

    switch (parsed.outcome) {
    case Attempt::Outcome::Parsed:
        break;
    case Attempt::Outcome::WrongPassphrase:
        if (passphrase.isEmpty())
            return Error::failure(tr("This PKCS#12 file is protected by a passphrase. Give its "
                                     "passphrase to open it."));
        return Error::failure(tr("The passphrase does not open this PKCS#12 file. Check the "
                                 "passphrase and try again."));
    case Attempt::Outcome::Unsupported:
        return Error::failure(tr("This PKCS#12 file uses an encryption algorithm OpenSSL does "
                                 "not offer. Export the file again with AES-256 or 3DES."));
    case Attempt::Outcome::Damaged:
        return Error::failure(
            parsed.detail.isEmpty()
                ? tr("The PKCS#12 file is damaged: its contents cannot be decoded. Export it "
                     "again.")
                : tr("The PKCS#12 file is damaged: its contents cannot be decoded (OpenSSL: "
                     "%1). Export it again.")
                      .arg(parsed.detail));
    }

    if (!parsed.key)
        return Error::failure(tr("This PKCS#12 file holds no private key. Export it again with "
                                 "the private key included."));

    // All certificates, the one PKCS12_parse matched to the key first.
    QList<X509*> found;
    if (parsed.cert)
        found << parsed.cert.get();
    for (int i = 0; parsed.others && i < sk_X509_num(parsed.others.get()); ++i)
        found << sk_X509_value(parsed.others.get(), i);
    if (found.isEmpty())
        return Error::failure(tr("This PKCS#12 file holds no certificate, only a key. Export "
                                 "it again with the certificate included."));

    Pkcs12Bundle bundle;
    if (legacy) {
        ossl::PkeyPtr copy = reimportKey(parsed.key.get());
        if (!copy)
            return ossl::failure(tr("Cannot take over the private key from this PKCS#12 file"));
        bundle.key = PrivateKey::adopt(copy.release());
    } else {
        bundle.key = PrivateKey::adopt(parsed.key.release());
    }

    QList<Certificate> certificates;
    qsizetype leafIndex = -1;
    for (X509* x : found) {
        Result<Certificate> c = plainCopy(x);
        if (!c)
            return c.error();
        if (leafIndex < 0 && c->matches(bundle.key)) {
            leafIndex = certificates.size();
            // PKCS12_parse keeps the bag's friendlyName as the certificate's alias.
            int len = 0;
            const unsigned char* alias = X509_alias_get0(x, &len);
            if (alias && len > 0)
                bundle.friendlyName = QString::fromUtf8(reinterpret_cast<const char*>(alias), len);
        }
        certificates << *c;
    }
    if (leafIndex < 0)
        return Error::failure(tr("The private key in this PKCS#12 file does not match any of its "
                                 "certificates. Export the certificate together with its own "
                                 "private key."));
    bundle.certificate = certificates.takeAt(leafIndex);
    bundle.chain = chainAbove(bundle.certificate, certificates);
    return bundle;
}

Result<QByteArray> Pkcs12Bundle::write(const SecretBytes& passphrase, Pkcs12Format format) const
{
    if (Status s = checkPkcs12Passphrase(passphrase); !s)
        return s.error();
    if (key.isNull() || certificate.isNull())
        return Error::failure(tr("A PKCS#12 file needs a private key and its certificate. Give "
                                 "both."));
    if (!certificate.matches(key))
        return Error::failure(tr("The private key does not match the certificate (their public "
                                 "keys differ). Choose the key that belongs to this "
                                 "certificate."));

    // Fresh copies without aux data: PKCS12_create would otherwise add a second friendlyName
    // and local key id from an alias left over from reading.
    Result<Certificate> leaf = plainCopy(certificate.handle());
    if (!leaf)
        return leaf.error();
    ossl::X509StackPtr others(sk_X509_new_null());
    if (!others)
        return ossl::failure(tr("Out of memory"));
    for (const Certificate& c : chain) {
        if (c.isNull())
            continue;
        Result<Certificate> copy = plainCopy(c.handle());
        if (!copy)
            return copy.error();
        X509_up_ref(copy->handle());
        if (sk_X509_push(others.get(), copy->handle()) <= 0) {
            X509_free(copy->handle());
            return ossl::failure(tr("Out of memory"));
        }
    }

    const QByteArray name =
        (friendlyName.isEmpty() ? certificate.subjectCommonName() : friendlyName).toUtf8();
    const SecretBytes pass = terminated(passphrase);

    // Modern: PBES2 (PBKDF2 with hmacWithSHA256, AES-256-CBC) for key and certificates.
    // Compat: pbeWithSHA1And3-KeyTripleDES-CBC for both, which old Windows and many
    // appliances read; it needs no legacy provider.
    const int nid =
        format == Pkcs12Format::Modern ? NID_aes_256_cbc : NID_pbe_WithSHA1And3_Key_TripleDES_CBC;
    // mac_iter -1: no MAC yet, so the MAC digest can be chosen below.
    ossl::Pkcs12Ptr p12(PKCS12_create_ex(pass.data(), name.isEmpty() ? nullptr : name.constData(),
                                         key.handle(), leaf->handle(), others.get(), nid, nid,
                                         kIterations, -1, 0, nullptr, nullptr));
    if (!p12)
        return ossl::failure(tr("Cannot build the PKCS#12 file"));
    const EVP_MD* md = format == Pkcs12Format::Modern ? EVP_sha256() : EVP_sha1();
    if (PKCS12_set_mac(p12.get(), pass.data(), -1, nullptr, 0, kIterations, md) != 1)
        return ossl::failure(tr("Cannot protect the PKCS#12 file with a MAC"));

    unsigned char* der = nullptr;
    const int len = i2d_PKCS12(p12.get(), &der);
    if (len <= 0)
        return ossl::failure(tr("Cannot encode the PKCS#12 file"));
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace certdesk::crypto
