#include "app/cli/CheckCommand.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/CryptoFile.h"
#include "core/policy/CheckSubject.h"
#include "core/policy/ProfileSet.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CheckCommand", text);
}
} // namespace

CheckCommand::CheckCommand()
    : m_profile(QStringLiteral("profile"),
                tr("Comma-separated profiles: osbiz-v3, apple-tls, cabf-2026, expiry, or all "
                   "(default: osbiz-v3,expiry)."),
                QStringLiteral("LIST"), QStringLiteral("default"))
    , m_public(QStringLiteral("public"),
               tr("The certificate comes from a publicly trusted CA (stricter validity rules)."))
    , m_private(QStringLiteral("private"),
                tr("The certificate comes from your own CA (public-CA rules do not apply)."))
    , m_json(QStringLiteral("json"), tr("Print JSON."))
    , m_passphrase(QString(), tr("passphrase of a PKCS#12 file or encrypted key (also checked "
                                 "against the PBX's 7-32 character rule)"))
{
}

QString CheckCommand::summary() const
{
    return tr("Check a certificate file or store entry against the PBX (osbiz-v3), Apple "
              "clients (apple-tls), the CA/Browser Forum schedule (cabf-2026) and expiry. Exit 0 "
              "without errors, 1 with errors.");
}

void CheckCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("ENTRY|FILE"), tr("Store entry name or file."));
    parser.addOption(m_profile);
    parser.addOption(m_public);
    parser.addOption(m_private);
    m_passphrase.addTo(parser);
    parser.addOption(m_json);
}

Status CheckCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1)
        return Error::usage(tr("Give one store entry or file to check."));
    if (parser.isSet(m_public) && parser.isSet(m_private))
        return Error::usage(tr("Give either --public or --private, not both."));
    auto profiles = policy::ProfileSet::parse(parser.value(m_profile));
    if (!profiles)
        return Error::usage(profiles.error().message);
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();

    const QString target = parser.positionalArguments().constFirst();
    policy::CheckSubject subject;
    if (QFileInfo(target).isFile()) {
        auto file = crypto::CryptoFile::load(target, PassphraseOption::pointer(*passphrase));
        if (!file)
            return file.error();
        const QList<crypto::Certificate> chain = crypto::orderChain(file->certificates);
        if (chain.isEmpty())
            return Error::failure(tr("%1 holds no certificate to check.").arg(target));
        subject.certificate = chain.first();
        subject.chain = chain.mid(1);
        subject.key = file->key;
        subject.fileFormat = file->containerName();
        subject.passphrase = *passphrase;
    } else {
        auto store = StoreAccess::open(false);
        if (!store)
            return store.error();
        auto material = store->load(target, false);
        if (!material)
            return Error::failure(tr("%1 is neither a file nor a store entry: %2")
                                      .arg(target, material.error().message));
        if (material->certificate.isNull())
            return Error::failure(tr("\"%1\" is a CSR without a certificate yet; check it once "
                                     "the CA's answer is imported.")
                                      .arg(target));
        subject.certificate = material->certificate;
        subject.chain = material->chain;
    }
    if (parser.isSet(m_public))
        subject.publiclyTrusted = true;
    else if (parser.isSet(m_private) || subject.certificate.isSelfSigned())
        subject.publiclyTrusted = false;

    const policy::ComplianceReport report = profiles->check(subject);
    if (parser.isSet(m_json))
        out(QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented))
                .trimmed());
    else
        out(report.toText());
    if (report.hasErrors())
        return Error::failure(QCoreApplication::translate(
            "CheckCommand", "%n error(s): the certificate does not comply.", nullptr,
            report.count(policy::Severity::Error)));
    return {};
}

} // namespace certdesk::cli
