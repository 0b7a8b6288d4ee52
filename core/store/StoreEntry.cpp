#include "core/store/StoreEntry.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace certdesk::store {

namespace {

const std::array<std::pair<EntryType, const char*>, 5> kIds = {{
    {EntryType::CaCertificate, "ca"},
    {EntryType::CertificateRequest, "csr"},
    {EntryType::SelfSigned, "self-signed"},
    {EntryType::CaSigned, "ca-signed"},
    {EntryType::Imported, "imported"},
}};

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromIso(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

} // namespace

QString entryTypeId(EntryType type)
{
    for (const auto& [t, id] : kIds) {
        if (t == type)
            return QLatin1String(id);
    }
    return {};
}

std::optional<EntryType> entryTypeFromId(const QString& id)
{
    for (const auto& [t, i] : kIds) {
        if (id == QLatin1String(i))
            return t;
    }
    return std::nullopt;
}

QString entryTypeLabel(EntryType type)
{
    switch (type) {
    case EntryType::CaCertificate:
        return QCoreApplication::translate("StoreEntry", "Self-Signed CA Certificate");
    case EntryType::CertificateRequest:
        return QCoreApplication::translate("StoreEntry", "Certificate Signing Request (CSR)");
    case EntryType::SelfSigned:
        return QCoreApplication::translate("StoreEntry", "Self-Signed Certificate");
    case EntryType::CaSigned:
        return QCoreApplication::translate("StoreEntry", "CA-Signed Peer Certificate");
    case EntryType::Imported:
        return QCoreApplication::translate("StoreEntry", "Imported Server Certificate");
    }
    return {};
}

bool isServerCertificateList(EntryType type)
{
    return type != EntryType::CaCertificate;
}

QJsonObject StoreEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("type"), entryTypeId(type)},
                  {QStringLiteral("created"), iso(created)},
                  {QStringLiteral("updated"), iso(updated)},
                  {QStringLiteral("directory"), directory},
                  {QStringLiteral("commonName"), commonName},
                  {QStringLiteral("fingerprintSha256"), fingerprintSha256},
                  {QStringLiteral("publicKeySha256"), publicKeySha256},
                  {QStringLiteral("hasKey"), hasKey}};
    if (!notes.isEmpty())
        o.insert(QStringLiteral("notes"), notes);
    if (notAfter.isValid())
        o.insert(QStringLiteral("notAfter"), iso(notAfter));
    return o;
}

std::optional<StoreEntry> StoreEntry::fromJson(const QJsonObject& json)
{
    StoreEntry e;
    e.name = json.value(QStringLiteral("name")).toString();
    const auto type = entryTypeFromId(json.value(QStringLiteral("type")).toString());
    e.directory = json.value(QStringLiteral("directory")).toString();
    if (e.name.isEmpty() || !type || e.directory.isEmpty())
        return std::nullopt;
    e.type = *type;
    e.created = fromIso(json.value(QStringLiteral("created")));
    e.updated = fromIso(json.value(QStringLiteral("updated")));
    e.notes = json.value(QStringLiteral("notes")).toString();
    e.commonName = json.value(QStringLiteral("commonName")).toString();
    e.notAfter = fromIso(json.value(QStringLiteral("notAfter")));
    e.fingerprintSha256 = json.value(QStringLiteral("fingerprintSha256")).toString();
    e.publicKeySha256 = json.value(QStringLiteral("publicKeySha256")).toString();
    e.hasKey = json.value(QStringLiteral("hasKey")).toBool();
    return e;
}

} // namespace certdesk::store
