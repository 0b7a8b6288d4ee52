#pragma once

// Forward declarations of the OpenSSL object types that core/crypto classes hold. Only the
// .cpp files of core/crypto include OpenSSL headers; these names let headers carry handles.
struct evp_pkey_st;
struct x509_st;
struct X509_req_st;
