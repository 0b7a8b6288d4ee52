#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// libsecret's own command-line client (libsecret-tools), used to look into the Secret Service
// from outside CertDesk and QtKeychain: what the tests read here is really in the keychain.
class SecretTool
{
public:
    struct Item
    {
        QString label;
        QByteArray secret;
        QMap<QString, QString> attributes; // "attribute.user = x" -> {"user", "x"}
        QMap<QString, QString> fields;     // everything else: schema, created, …
    };

    static bool isInstalled();
    // `secret-tool lookup name value …`: the secret, or std::nullopt if there is no such item.
    static std::optional<QByteArray> lookup(const QStringList& attributes);
    // `secret-tool search --all --unlock name value …`: every matching item.
    static QList<Item> search(const QStringList& attributes);
};
