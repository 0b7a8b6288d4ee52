#include "app/cli/SiteImportCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/Fingerprint.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteImportCommand", text);
}

// One CSV line, with "quoted, fields" and "" for a quote inside them.
QStringList splitCsv(const QString& line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() &&
                line.at(i + 1) == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current.trimmed();
    return fields;
}

Result<QList<remote::Site>> parseJson(const QByteArray& contents)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(contents, &error);
    if (error.error != QJsonParseError::NoError)
        return Error::usage(tr("The inventory is not valid JSON: %1.").arg(error.errorString()));
    const QJsonArray list =
        doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("sites")).toArray();
    QList<remote::Site> sites;
    for (const QJsonValue& v : list) {
        auto site = remote::Site::fromJson(v.toObject());
        if (!site)
            return site.error();
        sites.append(*site);
    }
    return sites;
}

Result<QList<remote::Site>> parseCsv(const QByteArray& contents)
{
    const QStringList lines = QString::fromUtf8(contents).split(QLatin1Char('\n'));
    QStringList header;
    QList<remote::Site> sites;
    for (int n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = splitCsv(line);
        if (header.isEmpty()) {
            header = fields;
            if (!header.contains(QStringLiteral("name")) ||
                !header.contains(QStringLiteral("host")))
                return Error::usage(tr("The CSV inventory needs a header line with at least the "
                                       "columns name and host (site export --format csv writes "
                                       "one)."));
            continue;
        }
        QJsonObject o;
        QString pin;
        QString boosterPin;
        for (int i = 0; i < header.size() && i < fields.size(); ++i) {
            const QString& key = header.at(i);
            QString value = fields.at(i);
            if (value.startsWith(QLatin1Char('\'')))
                value.remove(0, 1);
            if (value.isEmpty())
                continue;
            if (key == QLatin1String("port") || key == QLatin1String("boosterPort"))
                o.insert(key, value.toInt());
            else if (key == QLatin1String("tags"))
                o.insert(key, QJsonArray::fromStringList(
                                  value.split(QLatin1Char(';'), Qt::SkipEmptyParts)));
            else if (key == QLatin1String("pinSha256"))
                pin = value;
            else if (key == QLatin1String("boosterPinSha256"))
                boosterPin = value;
            else
                o.insert(key, value);
        }
        auto site = remote::Site::fromJson(o);
        if (!site)
            return Error::usage(tr("Line %1: %2").arg(n + 1).arg(site.error().message));
        const QList<std::pair<QString, remote::CertificatePin*>> pins{
            {pin, &site->pin}, {boosterPin, &site->boosterPin}};
        for (const auto& [text, target] : pins) {
            if (text.isEmpty())
                continue;
            auto sha = remote::Fingerprint::parse(text);
            if (!sha)
                return Error::usage(tr("Line %1: %2").arg(n + 1).arg(sha.error().message));
            target->certificateSha256 = *sha;
            target->subject = site->name;
            target->pinnedAt = QDateTime::currentDateTimeUtc();
        }
        sites.append(*site);
    }
    return sites;
}
} // namespace

SiteImportCommand::SiteImportCommand()
    : m_passwordFile(QStringLiteral("password-file"),
                     tr("One shared password for every imported site, from the first line of "
                        "FILE ('-': standard input); stored in the keychain for each site."),
                     QStringLiteral("FILE"))
    , m_credential(QStringLiteral("credential"),
                   tr("Every imported site logs in with this shared credential (certdesk-cli "
                      "credential add): the password is kept once, not copied per site."),
                   QStringLiteral("NAME"))
    , m_update(QStringLiteral("update"),
               tr("Update sites that already exist (pins are kept unless the file has some)."))
    , m_tag(QStringLiteral("tag"), tr("Add this tag to every imported site (repeatable)."),
            QStringLiteral("TAG"))
{
}

QString SiteImportCommand::summary() const
{
    return tr("Import sites from an inventory (CSV or JSON, as site export writes it).");
}

void SiteImportCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The inventory: .json, or CSV with a header line."));
    parser.addOptions({m_passwordFile, m_credential, m_update, m_tag});
}

Status SiteImportCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site import FILE [--password-file F]"));
    QFile file(args.first());
    if (!file.open(QIODevice::ReadOnly))
        return Error::usage(
            tr("Cannot read the inventory %1: %2.").arg(args.first(), file.errorString()));
    const QByteArray contents = file.readAll();
    const bool json = args.first().endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
                      contents.trimmed().startsWith('{') || contents.trimmed().startsWith('[');
    auto sites = json ? parseJson(contents) : parseCsv(contents);
    if (!sites)
        return sites.error();
    if (sites->isEmpty())
        return Error::usage(tr("The inventory %1 names no site.").arg(args.first()));
    if (parser.isSet(m_passwordFile) && parser.isSet(m_credential))
        return Error::usage(tr("Give either --password-file or --credential, not both."));
    std::optional<crypto::SecretBytes> password;
    if (parser.isSet(m_passwordFile)) {
        auto read = RemoteSupport::readPasswordFile(parser.value(m_passwordFile));
        if (!read)
            return read.error();
        password = std::move(*read);
    }
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    // All checks first: an inventory with a clash changes nothing.
    QStringList seen;
    for (remote::Site& site : *sites) {
        for (const QString& tag : parser.values(m_tag)) {
            if (!site.tags.contains(tag))
                site.tags.append(tag);
        }
        if (parser.isSet(m_credential))
            site.credential = parser.value(m_credential);
        if (!site.credential.isEmpty() && !registry->findCredential(site.credential))
            return Error::usage(tr("The site \"%1\" names the shared credential \"%2\", which "
                                   "does not exist: add it first (certdesk-cli credential add %2 "
                                   "--user USER --password-file FILE).")
                                    .arg(site.name, site.credential));
        if (seen.contains(site.name))
            return Error::usage(tr("The inventory names the site \"%1\" twice.").arg(site.name));
        seen.append(site.name);
        if (registry->find(site.name) && !parser.isSet(m_update))
            return Error::usage(tr("A site named \"%1\" already exists (use --update to update "
                                   "existing sites).")
                                    .arg(site.name));
    }
    const secrets::SecretStore store;
    int added = 0;
    int updated = 0;
    int untrusted = 0;
    int withoutPassword = 0;
    for (remote::Site& site : *sites) {
        // A site on a shared credential uses the credential's password, never its own copy.
        if (site.credential.isEmpty() && !password)
            ++withoutPassword;
        if (password && site.credential.isEmpty()) {
            if (Status s = store.writeBlocking(secrets::SecretStore::sitePasswordKey(site.name),
                                               *password, secrets::SecretStore::Format::Text);
                !s)
                return Error::failure(
                    tr("The password for \"%1\" could not be stored in the keychain; %2 sites "
                       "were imported before it: %3")
                        .arg(site.name)
                        .arg(added + updated)
                        .arg(s.error().message));
        }
        if (const auto existing = registry->find(site.name)) {
            if (site.pin.isNull())
                site.pin = existing->pin;
            if (site.boosterPin.isNull())
                site.boosterPin = existing->boosterPin;
            if (Status s = registry->update(site); !s)
                return s;
            ++updated;
        } else {
            if (Status s = registry->add(site); !s)
                return s;
            ++added;
        }
        untrusted += site.pin.isNull() ? 1 : 0;
    }
    out(tr("Imported %1 sites (%2 new, %3 updated).").arg(added + updated).arg(added).arg(updated));
    if (password)
        out(tr("The shared password is in the keychain for each of them."));
    if (withoutPassword > 0)
        warn(tr("%1 sites have no password (neither --password-file nor a shared credential): "
                "add them before activating.")
                 .arg(withoutPassword));
    if (untrusted > 0)
        warn(tr("%1 sites are not trusted yet: check their certificates with certdesk-cli site "
                "trust NAME.")
                 .arg(untrusted));
    return {};
}

} // namespace certdesk::cli
