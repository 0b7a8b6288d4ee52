#pragma once

// Internal to core/crypto: RAII holders for OpenSSL objects and small helpers. Never include
// this from outside core/crypto.

#include "core/Result.h"
#include "core/crypto/KeyAlgorithm.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace certdesk::crypto::ossl {

template <auto Fn> struct Deleter
{
    template <typename T> void operator()(T* p) const { Fn(p); }
};

using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using SecureBignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_clear_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME_free>>;
using X509ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME_free>>;
using Asn1OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, Deleter<ASN1_OCTET_STRING_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, Deleter<GENERAL_NAME_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Deleter<PKCS7_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX_free>>;

struct GeneralNamesDeleter
{
    void operator()(GENERAL_NAMES* p) const { GENERAL_NAMES_free(p); }
};
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, GeneralNamesDeleter>;

struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

struct ExtensionStackDeleter
{
    void operator()(STACK_OF(X509_EXTENSION) * p) const
    {
        sk_X509_EXTENSION_pop_free(p, X509_EXTENSION_free);
    }
};
using ExtensionStackPtr = std::unique_ptr<STACK_OF(X509_EXTENSION), ExtensionStackDeleter>;

// A read-only memory BIO over `data` (which must outlive the BIO).
BioPtr memoryBio(QByteArrayView data);
// A writable memory BIO; bioBytes() copies out what was written.
BioPtr newMemoryBio();
QByteArray bioBytes(BIO* bio);

// The OpenSSL error queue as one readable line (and clears it). Empty if the queue is empty.
QString takeErrors();
// Clears the error queue without reporting (after an expected failed probe).
void clearErrors();
// The reason code of the most recent error on the queue (0 if none); leaves the queue as is.
int lastErrorReason();

// Error::failure(context + ": " + OpenSSL's reason), clearing the queue.
Error failure(const QString& context);

QByteArray digest(const EVP_MD* md, QByteArrayView data);
const EVP_MD* messageDigest(SignatureDigest digest);

QString asn1StringToQString(const ASN1_STRING* s);
QDateTime asn1TimeToDateTime(const ASN1_TIME* t);

} // namespace certdesk::crypto::ossl
