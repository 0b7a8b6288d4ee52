#pragma once

// certdesk-cli as the bulk suites run it: one process per call with a given environment, its
// exit code and both outputs; and what a listener serves, by handshake.

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace bulktest {

struct CliRun
{
    int exitCode = -2; // -2: did not finish in time, -1: crashed or killed
    QString out;
    QString err;

    static CliRun run(const QString& cli, const QProcessEnvironment& env, const QStringList& args);
};

QByteArray readFile(const QString& path);
// The SHA-256 fingerprint (colon hex) of the certificate 127.0.0.1:port presents; empty if none.
QString servedOn(quint16 port);

} // namespace bulktest
