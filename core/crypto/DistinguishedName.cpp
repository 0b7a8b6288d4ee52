#include "core/crypto/DistinguishedName.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DistinguishedName", text);
}

// RFC 5280 upper bounds (ub-*) for the attributes we write.
constexpr qsizetype kMaxCommonName = 64;
constexpr qsizetype kMaxOrganization = 64;
constexpr qsizetype kMaxOrganizationalUnit = 64;
constexpr qsizetype kMaxStateOrLocality = 128;
constexpr qsizetype kMaxEmail = 255;

Status checkLength(const QString& value, qsizetype max, const QString& field)
{
    if (value.size() > max)
        return Error::usage(tr("%1 is %2 characters long; at most %3 are allowed. Shorten it.")
                                .arg(field)
                                .arg(value.size())
                                .arg(max));
    return {};
}

} // namespace

bool DistinguishedName::isEmpty() const
{
    return country.isEmpty() && state.isEmpty() && locality.isEmpty() && organization.isEmpty() &&
           organizationalUnit.isEmpty() && commonName.isEmpty() && email.isEmpty();
}

Status DistinguishedName::validate() const
{
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
    if (!country.isEmpty() && !twoLetters.match(country).hasMatch())
        return Error::usage(tr("Country (C) must be a two-letter country code in capitals, such "
                               "as DE or AT; \"%1\" is not.")
                                .arg(country));
    const struct
    {
        const QString& value;
        qsizetype max;
        const char* field;
    } limits[] = {
        {commonName, kMaxCommonName, "Common Name (CN)"},
        {organization, kMaxOrganization, "Organization (O)"},
        {organizationalUnit, kMaxOrganizationalUnit, "Organization Unit (OU)"},
        {state, kMaxStateOrLocality, "State (ST)"},
        {locality, kMaxStateOrLocality, "Locality (L)"},
        {email, kMaxEmail, "E-mail address"},
    };
    for (const auto& limit : limits) {
        if (Status s = checkLength(limit.value, limit.max, tr(limit.field)); !s)
            return s;
    }
    if (isEmpty())
        return Error::usage(tr("The subject is empty. Fill in at least the Common Name (CN)."));
    return {};
}

QString DistinguishedName::toString() const
{
    QStringList parts;
    const auto add = [&parts](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + value;
    };
    add("C", country);
    add("ST", state);
    add("L", locality);
    add("O", organization);
    add("OU", organizationalUnit);
    add("CN", commonName);
    add("emailAddress", email);
    return parts.join(QStringLiteral(", "));
}

} // namespace certdesk::crypto
