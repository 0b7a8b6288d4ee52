#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

// The test binary started again as a child process, in an environment without a keychain
// (a private bus with no Secret Service, or no bus at all). A fresh process is needed because
// QtKeychain and libsecret settle on their backend and bus connection once per process.
class SecretsChild
{
public:
    // Environment variables the parent sets for the child.
    static QByteArray modeVariable();    // "CERTDESK_SECRETS_TEST_CHILD" = "no-keychain"
    static QByteArray serviceVariable(); // keychain service name to use
    static QByteArray saltVariable();    // hex salt for the passphrase key
    static QByteArray canaryVariable();  // a secret the child tries to store
    static QByteArray promptVariable();  // what the prompt callback "types"

    static bool isChild();
    // Runs the scenario and prints "name<TAB>outcome" lines on stdout; returns the exit code.
    static int run();

    // Parses the child's stdout back into name -> outcome.
    static QMap<QString, QString> parse(const QByteArray& output);
};
