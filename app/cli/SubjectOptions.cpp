#include "app/cli/SubjectOptions.h"

#include <QCoreApplication>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SubjectOptions", text);
}
} // namespace

SubjectOptions::SubjectOptions()
    : m_country(QStringLiteral("country"), tr("Country (C): two-letter code, e.g. DE."),
                QStringLiteral("CC"))
    , m_state(QStringLiteral("state"), tr("State or province (ST)."), QStringLiteral("ST"))
    , m_locality(QStringLiteral("locality"), tr("Locality / city (L)."), QStringLiteral("L"))
    , m_org(QStringLiteral("org"), tr("Organization (O)."), QStringLiteral("O"))
    , m_orgUnit(QStringLiteral("org-unit"), tr("Organization Unit (OU)."), QStringLiteral("OU"))
    , m_commonName(QStringLiteral("common-name"), tr("Common Name (CN), usually the host name."),
                   QStringLiteral("CN"))
    , m_email(QStringLiteral("email"), tr("E-mail address in the subject (emailAddress)."),
              QStringLiteral("ADDR"))
    , m_san(QStringLiteral("san"),
            tr("Subject Alternative Name, repeatable: DNS:name, IP:address (v4 or v6), "
               "EMAIL:address or URI:uri."),
            QStringLiteral("TYPE:VALUE"))
    , m_sig(QStringLiteral("sig"),
            tr("Type of signature algorithm: sha256 (default), sha384, sha512."),
            QStringLiteral("ALG"), QStringLiteral("sha256"))
{
}

void SubjectOptions::addTo(QCommandLineParser& parser) const
{
    for (const QCommandLineOption* o : {&m_country, &m_org, &m_orgUnit, &m_commonName, &m_state,
                                        &m_locality, &m_email, &m_san, &m_sig})
        parser.addOption(*o);
}

Result<SubjectOptions::Choice> SubjectOptions::read(const QCommandLineParser& parser) const
{
    auto dn = subject(parser);
    if (!dn)
        return dn.error();
    auto sans = subjectAltNames(parser);
    if (!sans)
        return sans.error();
    auto sig = digest(parser);
    if (!sig)
        return sig.error();
    return Choice{*dn, *sans, *sig};
}

Result<crypto::DistinguishedName> SubjectOptions::subject(const QCommandLineParser& parser) const
{
    return subject(parser, crypto::DistinguishedName());
}

Result<crypto::DistinguishedName> SubjectOptions::subject(const QCommandLineParser& parser,
                                                          crypto::DistinguishedName dn) const
{
    const auto take = [&parser](const QCommandLineOption& option, QString& field) {
        if (parser.isSet(option))
            field = parser.value(option).trimmed();
    };
    take(m_country, dn.country);
    dn.country = dn.country.toUpper();
    take(m_state, dn.state);
    take(m_locality, dn.locality);
    take(m_org, dn.organization);
    take(m_orgUnit, dn.organizationalUnit);
    take(m_commonName, dn.commonName);
    take(m_email, dn.email);
    if (Status s = dn.validate(); !s)
        return Error::usage(s.error().message);
    return dn;
}

Result<QList<crypto::GeneralName>>
SubjectOptions::subjectAltNames(const QCommandLineParser& parser) const
{
    QList<crypto::GeneralName> names;
    for (const QString& value : parser.values(m_san)) {
        auto name = crypto::GeneralName::parse(value);
        if (!name)
            return Error::usage(name.error().message);
        if (!names.contains(*name))
            names << *name;
    }
    return names;
}

Result<crypto::SignatureDigest> SubjectOptions::digest(const QCommandLineParser& parser) const
{
    const auto digest = crypto::parseSignatureDigest(parser.value(m_sig));
    if (!digest)
        return Error::usage(tr("\"%1\" is not a signature algorithm the PBX accepts. Use sha256, "
                               "sha384 or sha512.")
                                .arg(parser.value(m_sig)));
    return *digest;
}

} // namespace certdesk::cli
