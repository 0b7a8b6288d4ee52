#include "app/cli/GenerateCertificateCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/AdminPortalFiles.h"
#include "core/crypto/CertificateDetails.h"

#include <QCoreApplication>
#include <QDir>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GenerateCertificateCommand", text);
}

bool isCa(crypto::CertificateSpec::Profile profile)
{
    return profile == crypto::CertificateSpec::Profile::CertificateAuthority;
}
} // namespace

GenerateCertificateCommand::GenerateCertificateCommand(crypto::CertificateSpec::Profile profile)
    : m_profile(profile)
    , m_name(QStringLiteral("name"),
             tr("Name of the Certificate: written as NAME.crt and NAME.key."),
             QStringLiteral("NAME"))
    , m_store(QStringLiteral("store"),
              tr("Create the certificate as an entry of the local store instead of writing files."))
    // A technician's own CA lives long (the Admin Portal suggests 10 years); server
    // certificates stay within the one year clients increasingly enforce.
    , m_validity(isCa(profile) ? 3650 : 365)
{
}

QString GenerateCertificateCommand::name() const
{
    return isCa(m_profile) ? QStringLiteral("ca") : QStringLiteral("self-signed");
}

QString GenerateCertificateCommand::summary() const
{
    return isCa(m_profile)
               ? tr("Generate CA Certificate: a root CA (basicConstraints CA:TRUE, keyCertSign, "
                    "cRLSign) written as NAME.crt and its encrypted key NAME.key.")
               : tr("Generate Self-Signed Certificate: a server certificate signed by its own key, "
                    "written as NAME.crt and its encrypted key NAME.key.");
}

void GenerateCertificateCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_name);
    m_subject.addTo(parser);
    m_validity.addTo(parser);
    m_key.addTo(parser, true);
    m_output.addTo(parser);
    parser.addOption(m_store);
}

Status GenerateCertificateCommand::execute(const QCommandLineParser& parser)
{
    auto name = OutputOptions::checkedName(parser.value(m_name));
    if (!name)
        return name.error();
    crypto::CertificateSpec spec;
    spec.profile = m_profile;
    auto choice = m_subject.read(parser);
    if (!choice)
        return choice.error();
    spec.subject = choice->subject;
    spec.subjectAltNames = choice->subjectAltNames;
    spec.digest = choice->digest;
    if (Status s = m_validity.apply(parser, spec); !s)
        return s;

    if (parser.isSet(m_store)) {
        auto target = StoreAccess::open(true);
        if (!target)
            return target.error();
        if (Status s = target->checkNewName(*name); !s)
            return s;
        auto key = m_key.key(parser);
        if (!key)
            return key.error();
        auto certificate = crypto::CertificateBuilder(spec).selfSign(*key);
        if (!certificate)
            return certificate.error();
        store::EntryMaterial material;
        material.certificate = *certificate;
        material.key = *key;
        auto entry = target->add(
            *name, isCa(m_profile) ? store::EntryType::CaCertificate : store::EntryType::SelfSigned,
            material);
        if (!entry)
            return entry.error();
        out(tr("Stored \"%1\" (%2, valid until %3, SHA-256 %4)")
                .arg(entry->name, store::entryTypeLabel(entry->type),
                     entry->notAfter.toUTC().toString(Qt::ISODate), entry->fingerprintSha256));
        return {};
    }

    auto protection = m_key.protection(parser);
    if (!protection)
        return protection.error();
    auto writer = m_output.writer(parser);
    if (!writer)
        return writer.error();

    auto key = m_key.key(parser);
    if (!key)
        return key.error();
    auto certificate = crypto::CertificateBuilder(spec).selfSign(*key);
    if (!certificate)
        return certificate.error();
    auto keyPem = protection->encode(*key);
    if (!keyPem)
        return keyPem.error();

    const QString certPath = m_output.pathFor(parser, crypto::AdminPortalFiles::certificate(*name));
    const QString keyPath = m_output.pathFor(parser, crypto::AdminPortalFiles::key(*name));
    writer->add(certPath, certificate->toPem());
    writer->add(keyPath, *keyPem);
    if (Status s = writer->commit(); !s)
        return s;

    const auto details = crypto::CertificateDetails::of(*certificate);
    out(tr("Wrote %1 (%2, serial %3, valid until %4, SHA-256 %5)")
            .arg(QDir::toNativeSeparators(certPath), details.certificateType, details.serialDecimal,
                 details.notAfter.toUTC().toString(Qt::ISODate), details.fingerprintSha256));
    out(protection->passphrase
            ? tr("Wrote %1 (private key, encrypted)").arg(QDir::toNativeSeparators(keyPath))
            : tr("Wrote %1 (private key, NOT encrypted)").arg(QDir::toNativeSeparators(keyPath)));
    return {};
}

} // namespace certdesk::cli
