#pragma once

#include "core/Result.h"

#include <QString>

namespace certdesk::crypto {

// One entry of a Subject Alternative Name or CRL distribution point: the four kinds the
// Admin Portal offers (DNS Name, IP Address, Email Address, URI).
struct GeneralName
{
    enum class Kind { Dns, Ip, Email, Uri };

    Kind kind = Kind::Dns;
    QString value;

    // "DNS:host", "IP:192.0.2.1", "IP:2001:db8::1", "EMAIL:a@b", "URI:https://…"
    // (case-insensitive prefixes; "email:" and "IP Address:" as openssl prints them work too).
    static Result<GeneralName> parse(const QString& text);
    Status validate() const;
    QString toString() const;  // "DNS:host" — the form openssl prints, minus " Address"
    QString kindLabel() const; // "DNS Name", "IP Address", "Email Address", "URI"

    bool operator==(const GeneralName&) const = default;
};

} // namespace certdesk::crypto
