#pragma once

// Internal to core/crypto: conversion between our name types and OpenSSL's.

#include "core/Result.h"
#include "core/crypto/DistinguishedName.h"
#include "core/crypto/GeneralName.h"
#include "core/crypto/OpenSslUtil.h"

#include <QList>

namespace certdesk::crypto::x509names {

Result<ossl::X509NamePtr> toX509Name(const DistinguishedName& dn);
DistinguishedName toDistinguishedName(const X509_NAME* name);

Result<ossl::GeneralNamePtr> toGeneralName(const GeneralName& name);
QList<GeneralName> toGeneralNames(const GENERAL_NAMES* names);
Result<ossl::GeneralNamesPtr> toGeneralNames(const QList<GeneralName>& names);

} // namespace certdesk::crypto::x509names
