#include "core/crypto/GeneralName.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace certdesk::crypto {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("GeneralName", text);
}

bool isDnsName(const QString& name)
{
    // RFC 1035 labels (letters, digits, hyphen; 1–63 chars; no leading/trailing hyphen), at
    // most 253 characters; a leading "*." wildcard label is allowed.
    static const QRegularExpression label(
        QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    if (name.isEmpty() || name.size() > 253)
        return false;
    QStringList labels = name.split(QLatin1Char('.'));
    if (labels.first() == QLatin1String("*") && labels.size() > 2)
        labels.removeFirst();
    for (const QString& l : labels) {
        if (!label.match(l).hasMatch())
            return false;
    }
    return true;
}

bool isEmail(const QString& mail)
{
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$"));
    return mail.size() <= 254 && re.match(mail).hasMatch();
}

} // namespace

Result<GeneralName> GeneralName::parse(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return Error::usage(tr("\"%1\" has no type. Write it as DNS:name, IP:address, "
                               "EMAIL:address or URI:uri.")
                                .arg(text));
    const QString prefix = text.left(colon).trimmed().toUpper();
    GeneralName name;
    name.value = text.mid(colon + 1).trimmed();
    if (prefix == QLatin1String("DNS") || prefix == QLatin1String("DNS NAME"))
        name.kind = Kind::Dns;
    else if (prefix == QLatin1String("IP") || prefix == QLatin1String("IP ADDRESS"))
        name.kind = Kind::Ip;
    else if (prefix == QLatin1String("EMAIL") || prefix == QLatin1String("E-MAIL") ||
             prefix == QLatin1String("EMAIL ADDRESS"))
        name.kind = Kind::Email;
    else if (prefix == QLatin1String("URI"))
        name.kind = Kind::Uri;
    else
        return Error::usage(tr("\"%1\" is not a name type CertDesk knows. Use DNS, IP, EMAIL "
                               "or URI.")
                                .arg(text.left(colon)));
    if (Status s = name.validate(); !s)
        return s.error();
    return name;
}

Status GeneralName::validate() const
{
    switch (kind) {
    case Kind::Dns:
        if (!isDnsName(value))
            return Error::usage(tr("\"%1\" is not a valid DNS name. Use letters, digits, hyphens "
                                   "and dots, e.g. osbiz.example.com.")
                                    .arg(value));
        break;
    case Kind::Ip: {
        QHostAddress address;
        if (value.contains(QLatin1Char('%')) || !address.setAddress(value) ||
            (address.protocol() != QAbstractSocket::IPv4Protocol &&
             address.protocol() != QAbstractSocket::IPv6Protocol))
            return Error::usage(tr("\"%1\" is not an IP address. Write an IPv4 address like "
                                   "192.0.2.10 or an IPv6 address like 2001:db8::10.")
                                    .arg(value));
        // QHostAddress accepts some shorthand ("1.2.3"); require the full dotted form for v4.
        if (address.protocol() == QAbstractSocket::IPv4Protocol &&
            value.count(QLatin1Char('.')) != 3)
            return Error::usage(tr("\"%1\" is not an IP address. Write an IPv4 address with four "
                                   "numbers, like 192.0.2.10.")
                                    .arg(value));
        break;
    }
    case Kind::Email:
        if (!isEmail(value))
            return Error::usage(
                tr("\"%1\" is not an e-mail address. Write it like admin@example.com.").arg(value));
        break;
    case Kind::Uri: {
        const QUrl url(value, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty())
            return Error::usage(tr("\"%1\" is not a URI. Write it with a scheme, like "
                                   "http://pki.example.com/ca.crl.")
                                    .arg(value));
        break;
    }
    }
    return {};
}

QString GeneralName::toString() const
{
    switch (kind) {
    case Kind::Dns:
        return QStringLiteral("DNS:") + value;
    case Kind::Ip:
        return QStringLiteral("IP:") + value;
    case Kind::Email:
        return QStringLiteral("EMAIL:") + value;
    case Kind::Uri:
        return QStringLiteral("URI:") + value;
    }
    return value;
}

QString GeneralName::kindLabel() const
{
    switch (kind) {
    case Kind::Dns:
        return tr("DNS Name");
    case Kind::Ip:
        return tr("IP Address");
    case Kind::Email:
        return tr("Email Address");
    case Kind::Uri:
        return tr("URI");
    }
    return {};
}

} // namespace certdesk::crypto
