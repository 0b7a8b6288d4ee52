#include "CliRun.h"

#include "../remote/RemoteTestSupport.h"

#include "core/remote/Fingerprint.h"

#include <QFile>
#include <QProcess>

namespace bulktest {

CliRun CliRun::run(const QString& cli, const QProcessEnvironment& env, const QStringList& args)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cli, args);
    p.closeWriteChannel();
    CliRun r;
    if (!p.waitForFinished(120000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString servedOn(quint16 port)
{
    using certdesk::remote::Fingerprint;
    const certdesk::remote::ProbeResult r =
        remotetest::probe(QStringLiteral("127.0.0.1"), port, 5000);
    return r.reached() ? Fingerprint::format(Fingerprint::ofCertificate(r.leaf())) : QString();
}

} // namespace bulktest
