#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace certdesk::store {

// The kinds of entry, as the Admin Portal lists them: CA certificates under "Certificate
// Generation", everything else under "Server Certificates".
enum class EntryType {
    CaCertificate,      // Self-Signed CA Certificate, with its key
    CertificateRequest, // CSR waiting for the CA's answer, with its key
    SelfSigned,         // Self-Signed Certificate (server), with its key
    CaSigned,           // CA-Signed Peer Certificate, with its key and chain
    Imported,           // imported server certificate (PKCS#12 or PEM pair), key and chain
};

QString entryTypeId(EntryType type); // "ca", "csr", "self-signed", …
std::optional<EntryType> entryTypeFromId(const QString& id);
QString entryTypeLabel(EntryType type);       // "Certificate Signing Request (CSR)" …
bool isServerCertificateList(EntryType type); // under "Server Certificates"

// One named entry of the store: the Admin Portal's "Name of the Certificate" and what is
// known about it without decrypting anything.
struct StoreEntry
{
    QString name;
    EntryType type = EntryType::CaCertificate;
    QDateTime created;
    QDateTime updated;
    QString notes;
    QString directory; // folder under entries/, relative to the store root

    // Summary, so a list of a thousand entries needs no parsing.
    QString commonName;
    QDateTime notAfter;        // invalid for a CSR
    QString fingerprintSha256; // of the certificate, or of the CSR for requests
    QString publicKeySha256;   // matches a CA's answer to its request
    bool hasKey = false;

    QJsonObject toJson() const;
    static std::optional<StoreEntry> fromJson(const QJsonObject& json);
};

} // namespace certdesk::store
