#include "core/crypto/CryptoFile.h"

#include "core/crypto/OpenSslUtil.h"
#include "core/crypto/Pkcs12Bundle.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <openssl/pem.h>

namespace certdesk::crypto {

namespace {

// Certificates, keys, requests and PKCS#12 files are a few kB; anything this large is not one
// of them and is not read into memory.
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("CryptoFile", text);
}

Error notRecognised()
{
    return Error::failure(tr("This file is not a certificate, certificate request, private key, "
                             "PKCS#7 or PKCS#12 file in a format CertDesk recognises (PEM or "
                             "DER). Check that you chose the right file."));
}

Error truncated(qsizetype have, quint64 need)
{
    if (need == 0)
        return Error::failure(tr("The file is truncated: it ends inside its first DER header. "
                                 "Copy the file again from its source."));
    return Error::failure(tr("The file is truncated: its DER data ends after %1 of %2 bytes. "
                             "Copy the file again from its source.")
                              .arg(have)
                              .arg(need));
}

Error needsPassphrase()
{
    return Error::failure(tr("The private key is protected by a passphrase. Give its passphrase "
                             "to open it."));
}

Error tooManyKeys()
{
    return Error::failure(tr("The file holds more than one private key. Keep one key per file "
                             "and open each one separately."));
}

// The length the outer DER SEQUENCE claims, header included; nullopt when it claims no
// definite length (BER indefinite form) or the header itself is cut off.
struct DerLength
{
    bool headerComplete = true;
    std::optional<quint64> total;
};

DerLength outerDerLength(QByteArrayView der)
{
    DerLength result;
    if (der.size() < 2) {
        result.headerComplete = false;
        return result;
    }
    const auto first = static_cast<unsigned char>(der[1]);
    if (first == 0x80)
        return result; // indefinite length
    if (!(first & 0x80)) {
        result.total = 2 + quint64{first};
        return result;
    }
    const int count = first & 0x7f;
    if (count > 8)
        return result; // nonsense; let the decoders reject it
    if (der.size() < 2 + count) {
        result.headerComplete = false;
        return result;
    }
    quint64 length = 0;
    for (int i = 0; i < count; ++i)
        length = (length << 8) | static_cast<unsigned char>(der[2 + i]);
    result.total = 2 + quint64(count) + length;
    return result;
}

// Certificates of a PKCS#7 SignedData (a .p7b "certs-only" bundle).
Result<QList<Certificate>> pkcs7Certificates(PKCS7* p7)
{
    STACK_OF(X509)* certs = nullptr;
    const int type = OBJ_obj2nid(p7->type);
    if (type == NID_pkcs7_signed && p7->d.sign)
        certs = p7->d.sign->cert;
    else if (type == NID_pkcs7_signedAndEnveloped && p7->d.signed_and_enveloped)
        certs = p7->d.signed_and_enveloped->cert;
    QList<Certificate> out;
    for (int i = 0; certs && i < sk_X509_num(certs); ++i) {
        X509* x = sk_X509_value(certs, i);
        X509_up_ref(x);
        out << Certificate::adopt(x);
    }
    if (out.isEmpty())
        return Error::failure(tr("The PKCS#7 data holds no certificates. Export the chain again "
                                 "with its certificates included."));
    return out;
}

Result<QList<Certificate>> pkcs7FromDer(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::Pkcs7Ptr p7(d2i_PKCS7(nullptr, &p, static_cast<long>(der.size())));
    if (!p7) {
        ossl::clearErrors();
        return Error::failure(tr("The PKCS#7 data is damaged. Export the chain again."));
    }
    return pkcs7Certificates(p7.get());
}

bool isDerPkcs7(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::Pkcs7Ptr p7(d2i_PKCS7(nullptr, &p, static_cast<long>(der.size())));
    ossl::clearErrors();
    return p7 != nullptr;
}

// ---- PEM -------------------------------------------------------------------------------

struct PemBlock
{
    QByteArray label;    // "CERTIFICATE", "ENCRYPTED PRIVATE KEY" …
    QByteArrayView text; // from "-----BEGIN" to the end of the "-----END …-----" line
    int number = 0;      // 1-based, for messages
};

Error damagedBlock(const PemBlock& block)
{
    return Error::failure(tr("PEM block %1 (%2) is damaged: its content cannot be decoded. Copy "
                             "the file again from its source.")
                              .arg(block.number)
                              .arg(QString::fromLatin1(block.label)));
}

// Splits PEM text into its blocks. Text between blocks (openssl's "Bag Attributes", comments)
// is skipped.
Result<QList<PemBlock>> pemBlocks(QByteArrayView data)
{
    static constexpr QByteArrayView kBegin("-----BEGIN ");
    static constexpr QByteArrayView kEnd("-----END ");
    static constexpr QByteArrayView kDashes("-----");

    QList<PemBlock> blocks;
    qsizetype pos = 0;
    while ((pos = data.indexOf(kBegin, pos)) >= 0) {
        const qsizetype labelStart = pos + kBegin.size();
        const qsizetype labelEnd = data.indexOf(kDashes, labelStart);
        const qsizetype lineEnd = data.indexOf('\n', labelStart);
        PemBlock block;
        block.number = static_cast<int>(blocks.size()) + 1;
        if (labelEnd < 0 || (lineEnd >= 0 && labelEnd > lineEnd)) {
            block.label = QByteArrayLiteral("?");
            return damagedBlock(block);
        }
        block.label = data.sliced(labelStart, labelEnd - labelStart).toByteArray();
        const QByteArray endLine = kEnd.toByteArray() + block.label + kDashes.toByteArray();
        const qsizetype end = data.indexOf(endLine, labelEnd);
        // Another BEGIN before this block's END: the block was cut off.
        const qsizetype nextBegin = data.indexOf(kBegin, labelEnd);
        if (end < 0 || (nextBegin >= 0 && nextBegin < end))
            return Error::failure(tr("PEM block %1 (%2) is damaged: its END line is missing. "
                                     "Copy the file again from its source.")
                                      .arg(block.number)
                                      .arg(QString::fromLatin1(block.label)));
        const qsizetype stop = end + endLine.size();
        block.text = data.sliced(pos, stop - pos);
        blocks << block;
        pos = stop;
    }
    return blocks;
}

// The base64 body of a block decoded, with the PEM headers (Proc-Type …) left aside; nullopt
// if the base64 is damaged. With `keep` false only the check is made: the body of a key block
// is key material and is wiped at once.
std::optional<QByteArray> pemBody(const PemBlock& block, bool keep = true)
{
    ossl::BioPtr bio = ossl::memoryBio(block.text);
    char* name = nullptr;
    char* header = nullptr;
    unsigned char* data = nullptr;
    long len = 0;
    if (PEM_read_bio(bio.get(), &name, &header, &data, &len) != 1) {
        ossl::clearErrors();
        return std::nullopt;
    }
    QByteArray body;
    if (keep)
        body = QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(len));
    OPENSSL_free(name);
    OPENSSL_free(header);
    OPENSSL_clear_free(data, static_cast<size_t>(len));
    return body;
}

bool isKeyLabel(const QByteArray& label)
{
    return label == "PRIVATE KEY" || label == "ENCRYPTED PRIVATE KEY" ||
           label == "RSA PRIVATE KEY" || label == "EC PRIVATE KEY";
}

Result<CryptoFile> parsePem(QByteArrayView data, const SecretBytes* passphrase)
{
    auto blocks = pemBlocks(data);
    if (!blocks)
        return blocks.error();
    if (blocks->isEmpty())
        return notRecognised();

    CryptoFile file;
    file.container = CryptoFile::Container::Pem;
    bool onlyPkcs7 = true;
    QStringList ignored;
    for (const PemBlock& block : *blocks) {
        const QByteArray& label = block.label;
        onlyPkcs7 = onlyPkcs7 && label == "PKCS7";
        if (label == "CERTIFICATE" || label == "X509 CERTIFICATE") {
            auto cert = Certificate::fromPem(block.text);
            if (!cert)
                return damagedBlock(block);
            file.certificates << *cert;
        } else if (label == "TRUSTED CERTIFICATE") {
            // OpenSSL's certificate with trust settings; Certificate::fromPem reads the
            // plain form only.
            ossl::BioPtr bio = ossl::memoryBio(block.text);
            X509* x = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr);
            if (!x) {
                ossl::clearErrors();
                return damagedBlock(block);
            }
            file.certificates << Certificate::adopt(x);
        } else if (label == "CERTIFICATE REQUEST" || label == "NEW CERTIFICATE REQUEST") {
            auto req = CertificateRequest::fromPem(block.text);
            if (!req)
                return damagedBlock(block);
            file.requests << *req;
        } else if (isKeyLabel(label)) {
            if (file.key)
                return tooManyKeys();
            // Check the base64 first, so a damaged block is not reported as a wrong passphrase.
            if (!pemBody(block, false))
                return damagedBlock(block);
            const bool encrypted =
                label == "ENCRYPTED PRIVATE KEY" ||
                block.text.indexOf(QByteArrayView("Proc-Type: 4,ENCRYPTED")) >= 0;
            if (encrypted && (!passphrase || passphrase->isEmpty()))
                return needsPassphrase();
            auto key = PrivateKey::fromPem(block.text, encrypted ? passphrase : nullptr);
            if (!key)
                return encrypted ? key.error() : damagedBlock(block);
            file.key = *key;
            file.keyWasEncrypted = encrypted;
        } else if (label == "PKCS7") {
            const std::optional<QByteArray> der = pemBody(block);
            if (!der)
                return damagedBlock(block);
            auto certs = pkcs7FromDer(*der);
            if (!certs)
                return certs.error();
            file.certificates << *certs;
        } else {
            // Parameters, public keys, CRLs …: nothing to hold on to, but worth naming if they
            // are all there is.
            ignored << QString::fromLatin1(label);
        }
    }
    if (file.isEmpty())
        return Error::failure(tr("The file holds no certificate, request or private key (only "
                                 "%1). Choose the file that holds the certificate or key.")
                                  .arg(ignored.join(QStringLiteral(", "))));
    if (onlyPkcs7)
        file.container = CryptoFile::Container::Pkcs7;
    return file;
}

// ---- DER -------------------------------------------------------------------------------

bool isDerPkcs12(QByteArrayView der, ossl::Pkcs12Ptr* out)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(der.size())));
    ossl::clearErrors();
    const bool ok = p12 != nullptr;
    if (out)
        *out = std::move(p12);
    return ok;
}

bool isEncryptedPkcs8(QByteArrayView der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    std::unique_ptr<X509_SIG, ossl::Deleter<X509_SIG_free>> sig(
        d2i_X509_SIG(nullptr, &p, static_cast<long>(der.size())));
    ossl::clearErrors();
    return sig != nullptr;
}

Result<CryptoFile> parseDer(QByteArrayView data, const SecretBytes* passphrase)
{
    // A cut-off file: the outer SEQUENCE claims more bytes than there are. Checked first, as
    // the decoders would only say "not a certificate".
    const DerLength length = outerDerLength(data);
    if (!length.headerComplete)
        return truncated(data.size(), 0);
    if (length.total && *length.total > static_cast<quint64>(data.size()))
        return truncated(data.size(), *length.total);

    CryptoFile file;
    file.container = CryptoFile::Container::Der;
    if (auto cert = Certificate::fromDer(data)) {
        file.certificates << *cert;
        return file;
    }
    if (auto req = CertificateRequest::fromDer(data)) {
        file.requests << *req;
        return file;
    }
    if (isDerPkcs7(data)) {
        auto certs = pkcs7FromDer(data);
        if (!certs)
            return certs.error();
        file.container = CryptoFile::Container::Pkcs7;
        file.certificates = *certs;
        return file;
    }
    ossl::Pkcs12Ptr p12;
    if (isDerPkcs12(data, &p12)) {
        file.container = CryptoFile::Container::Pkcs12;
        SecretBytes none;
        // Without a passphrase only a file protected by none (or an empty one) opens; say what
        // is needed rather than "wrong passphrase".
        if (!passphrase && PKCS12_mac_present(p12.get()) == 1 &&
            PKCS12_verify_mac(p12.get(), nullptr, 0) != 1 &&
            PKCS12_verify_mac(p12.get(), "", 0) != 1) {
            ossl::clearErrors();
            return Error::failure(tr("This PKCS#12 file is protected by a passphrase. Give its "
                                     "passphrase to open it."));
        }
        ossl::clearErrors();
        auto bundle = Pkcs12Bundle::read(data, passphrase ? *passphrase : none);
        if (!bundle)
            return bundle.error();
        file.key = bundle->key;
        file.keyWasEncrypted = passphrase && !passphrase->isEmpty();
        file.certificates << bundle->certificate << bundle->chain;
        return file;
    }
    if (isEncryptedPkcs8(data)) {
        if (!passphrase || passphrase->isEmpty())
            return needsPassphrase();
        auto key = PrivateKey::fromDer(data, passphrase);
        if (!key)
            return key.error();
        file.key = *key;
        file.keyWasEncrypted = true;
        return file;
    }
    // Unencrypted PKCS#8 or PKCS#1 (RSA) / SEC1 (EC).
    if (auto key = PrivateKey::fromDer(data, nullptr)) {
        file.key = *key;
        return file;
    }
    return notRecognised();
}

bool isBlank(QByteArrayView data)
{
    for (const char c : data) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return true;
}

} // namespace

Result<CryptoFile> CryptoFile::parse(QByteArrayView data, const SecretBytes* passphrase)
{
    if (isBlank(data))
        return Error::failure(tr("The file is empty. Choose the file that holds the certificate, "
                                 "key or request."));
    // PEM wherever a BEGIN line appears (openssl may put text before it); DER starts with a
    // SEQUENCE tag. A DER file that happens to contain "-----BEGIN " is not a realistic case.
    if (data.indexOf(QByteArrayView("-----BEGIN ")) >= 0)
        return parsePem(data, passphrase);
    if (static_cast<unsigned char>(data[0]) == 0x30)
        return parseDer(data, passphrase);
    return notRecognised();
}

Result<CryptoFile> CryptoFile::load(const QString& path, const SecretBytes* passphrase)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error::failure(
            tr("%1 does not exist. Check the path and the file name.").arg(shown));
    if (info.isDir())
        return Error::failure(tr("%1 is a folder. Choose the file itself.").arg(shown));
    if (info.size() > kMaxFileSize)
        return Error::failure(tr("%1 is too large (%2 bytes) to be a certificate, key or PKCS#12 "
                                 "file. Check that you chose the right file.")
                                  .arg(shown)
                                  .arg(info.size()));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::failure(
            tr("Cannot read %1: %2. Check that the file is readable.").arg(shown, f.errorString()));
    QByteArray data = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return Error::failure(
            tr("Cannot read %1: %2. Check that the file is readable.").arg(shown, f.errorString()));

    Result<CryptoFile> parsed = parse(data, passphrase);
    // The bytes may be an unencrypted key: do not leave them in freed memory.
    data.fill('\0');
    if (!parsed) {
        // Name the file: a command works on several at once.
        Error error = parsed.error();
        error.message = QStringLiteral("%1: %2").arg(shown, error.message);
        return error;
    }
    return parsed;
}

QString CryptoFile::containerName() const
{
    switch (container) {
    case Container::Pem:
        return QStringLiteral("PEM");
    case Container::Der:
        return QStringLiteral("DER");
    case Container::Pkcs7:
        return QStringLiteral("PKCS#7");
    case Container::Pkcs12:
        return QStringLiteral("PKCS#12");
    }
    return {};
}

bool CryptoFile::isEmpty() const
{
    return certificates.isEmpty() && requests.isEmpty() && !key;
}

} // namespace certdesk::crypto
