#pragma once

// Runs the openssl command-line tool for cross-checks in tests.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

struct OpenSslRun
{
    int exitCode = -1;
    QString output; // stdout + stderr
};

inline OpenSslRun runOpenSsl(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

inline bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}
