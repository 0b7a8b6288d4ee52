#pragma once

#include "core/Result.h"
#include "core/store/CertificateStore.h"

namespace certdesk::cli {

// Opens the certificate store for a verb: its location (CERTDESK_HOME or the user's data
// folder) and, when keys are involved, its key from the keychain or the store passphrase
// (CERTDESK_STORE_PASSPHRASE, or typed at the terminal with echo off).
class StoreAccess
{
public:
    static Result<store::CertificateStore> open(bool needKey);
};

} // namespace certdesk::cli
