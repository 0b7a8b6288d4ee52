#pragma once

// For suites that need the private test keyring, which tests/with-keyring.sh provides (and
// announces with CERTDESK_TEST_KEYCHAIN=1). Run by ctest without it, the suite FAILS: a
// keychain suite never turns green by skipping. A binary run by hand without it is skipped,
// with the way to run it, so nobody's own keyring is touched by accident.

#include <QTest>

#define CERTDESK_REQUIRE_TEST_KEYCHAIN()                                                           \
    do {                                                                                           \
        if (qgetenv("CERTDESK_TEST_KEYCHAIN") != "1") {                                            \
            if (qEnvironmentVariableIsSet("CERTDESK_UNDER_CTEST"))                                 \
                QFAIL("This suite needs the private test keyring: run ctest through "              \
                      "tests/with-keyring.sh (make test does).");                                  \
            QSKIP("Needs the private test keyring: run it as tests/with-keyring.sh <binary>.");    \
        }                                                                                          \
    } while (false)
