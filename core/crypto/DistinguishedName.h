#pragma once

#include "core/Result.h"

#include <QString>

namespace certdesk::crypto {

// Subject or issuer name. The Admin Portal shows C, O, OU and CN; ST, L and emailAddress are
// accepted for CSRs that a CA asks them for.
struct DistinguishedName
{
    QString country;            // C: two letters, e.g. DE
    QString state;              // ST
    QString locality;           // L
    QString organization;       // O
    QString organizationalUnit; // OU
    QString commonName;         // CN
    QString email;              // emailAddress

    bool isEmpty() const;
    Status validate() const;
    QString toString() const; // "C=DE, O=Example, CN=host" in the order written

    bool operator==(const DistinguishedName&) const = default;
};

} // namespace certdesk::crypto
