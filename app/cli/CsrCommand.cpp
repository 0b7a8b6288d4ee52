#include "app/cli/CsrCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/AdminPortalFiles.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CsrBuilder.h"

#include <QCoreApplication>
#include <QDir>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CsrCommand", text);
}
} // namespace

CsrCommand::CsrCommand()
    : m_name(QStringLiteral("name"),
             tr("Certificate Request Name: the CSR is written as NAME.csr."),
             QStringLiteral("NAME"))
    , m_noKeyUsage(QStringLiteral("no-key-usage"), tr("Do not request the key usage extension."))
    , m_noServerAuth(QStringLiteral("no-server-auth"),
                     tr("Do not request extended key usage serverAuth."))
    , m_store(QStringLiteral("store"),
              tr("Create the CSR as an entry of the local store (key encrypted under the store "
                 "key) instead of writing files."))
{
}

QString CsrCommand::summary() const
{
    return tr("Generate Certificate Signing Request (CSR): writes NAME.csr and the new key as "
              "key_csr.pem (encrypted). With --key, signs a request for an existing key and "
              "writes NAME.csr only.");
}

void CsrCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_name);
    m_subject.addTo(parser);
    parser.addOption(m_noKeyUsage);
    parser.addOption(m_noServerAuth);
    m_key.addTo(parser, true);
    m_output.addTo(parser);
    parser.addOption(m_store);
}

Status CsrCommand::execute(const QCommandLineParser& parser)
{
    auto name = OutputOptions::checkedName(parser.value(m_name));
    if (!name)
        return name.error();
    crypto::CsrSpec spec;
    auto choice = m_subject.read(parser);
    if (!choice)
        return choice.error();
    spec.subject = choice->subject;
    spec.subjectAltNames = choice->subjectAltNames;
    spec.digest = choice->digest;
    spec.requestKeyUsage = !parser.isSet(m_noKeyUsage);
    spec.requestServerAuth = !parser.isSet(m_noServerAuth);

    const bool newKey = !m_key.usesExistingKey(parser);
    const bool toStore = parser.isSet(m_store);
    std::optional<KeyOptions::Protection> protection;
    std::optional<store::CertificateStore> target;
    if (toStore) {
        auto opened = StoreAccess::open(true);
        if (!opened)
            return opened.error();
        if (Status s = opened->checkNewName(*name); !s)
            return s;
        target = std::move(*opened);
    } else if (newKey) {
        auto p = m_key.protection(parser);
        if (!p)
            return p.error();
        protection = std::move(*p);
    }
    auto writer = m_output.writer(parser);
    if (!writer)
        return writer.error();

    auto key = m_key.key(parser);
    if (!key)
        return key.error();
    auto request = crypto::CsrBuilder(spec).build(*key);
    if (!request)
        return request.error();

    if (target) {
        store::EntryMaterial material;
        material.request = *request;
        material.key = *key;
        auto entry = target->add(*name, store::EntryType::CertificateRequest, material);
        if (!entry)
            return entry.error();
        out(tr("Stored CSR \"%1\" (CN=%2, public key SHA-256 %3)")
                .arg(entry->name, entry->commonName, entry->publicKeySha256));
        return {};
    }

    const QString csrPath = m_output.pathFor(parser, crypto::AdminPortalFiles::csr(*name));
    writer->add(csrPath, request->toPem());
    QString keyPath;
    if (newKey) {
        auto keyPem = protection->encode(*key);
        if (!keyPem)
            return keyPem.error();
        keyPath = m_output.pathFor(parser, crypto::AdminPortalFiles::csrKey());
        writer->add(keyPath, *keyPem);
    }
    if (Status s = writer->commit(); !s)
        return s;

    const auto details = crypto::CertificateDetails::of(*request);
    out(tr("Wrote %1 (%2, %3, public key SHA-256 %4)")
            .arg(QDir::toNativeSeparators(csrPath), details.signatureAlgorithm,
                 QStringLiteral("%1 %2")
                     .arg(details.publicKeyAlgorithm)
                     .arg(details.publicKeyLength),
                 details.publicKeySha256));
    if (newKey)
        out(protection->passphrase
                ? tr("Wrote %1 (private key, encrypted)").arg(QDir::toNativeSeparators(keyPath))
                : tr("Wrote %1 (private key, NOT encrypted)")
                      .arg(QDir::toNativeSeparators(keyPath)));
    return {};
}

} // namespace certdesk::cli
