#include "app/cli/RemoteSupport.h"

#include "app/cli/StoreAccess.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateDetails.h"
#include "core/remote/Fingerprint.h"
#include "core/secrets/SecretStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <string>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("RemoteSupport", text);
}

void printOut(const QString& line)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fputc('\n', stdout);
}

void err(const QString& line, bool newline = true)
{
    const QByteArray utf8 = line.toUtf8();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stderr);
    if (newline)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}
} // namespace

QCommandLineOption RemoteSupport::timeoutOption()
{
    return QCommandLineOption(QStringLiteral("timeout"),
                              tr("Give up on a request after SECONDS (default 30)."),
                              QStringLiteral("SECONDS"), QStringLiteral("30"));
}

Result<std::chrono::milliseconds> RemoteSupport::timeout(const QCommandLineParser& parser,
                                                         const QCommandLineOption& option)
{
    bool ok = false;
    const double seconds = parser.value(option).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600)
        return Error::usage(tr("--%1 takes a number of seconds between 0 and 3600.")
                                .arg(option.names().constFirst()));
    return std::chrono::milliseconds(static_cast<qint64>(seconds * 1000));
}

Result<remote::SiteRegistry> RemoteSupport::openRegistry()
{
    return remote::SiteRegistry::open();
}

Result<remote::Site> RemoteSupport::site(const QString& name)
{
    auto registry = openRegistry();
    if (!registry)
        return registry.error();
    return registry->require(name);
}

Result<crypto::SecretBytes> RemoteSupport::readPasswordFile(const QString& path)
{
    std::string line;
    if (path == QLatin1String("-")) {
        int c = 0;
        while ((c = std::fgetc(stdin)) != EOF && c != '\n')
            line.push_back(static_cast<char>(c));
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::usage(
                tr("Cannot read the password file %1: %2.").arg(path, file.errorString()));
        QByteArray bytes = file.readAll();
        const qsizetype newline = bytes.indexOf('\n');
        line.assign(bytes.constData(), static_cast<size_t>(newline >= 0 ? newline : bytes.size()));
        bytes.fill('\0');
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    crypto::SecretBytes secret(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
    std::fill(line.begin(), line.end(), '\0');
    if (secret.isEmpty())
        return Error::usage(tr("The password file %1 is empty.").arg(path));
    return secret;
}

Result<quint16> RemoteSupport::parsePort(const QString& text, const QString& option)
{
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value < 1 || value > 65535)
        return Error::usage(tr("--%1 takes a port number from 1 to 65535.").arg(option));
    return static_cast<quint16>(value);
}

Result<crypto::SecretBytes> RemoteSupport::sitePassword(const remote::Site& site)
{
    const secrets::SecretStore store;
    auto read = store.readBlocking(site.passwordKey());
    if (!read)
        return read.error();
    if (!read->has_value())
        return Error::failure(site.missingPasswordMessage());
    return std::move(**read);
}

bool RemoteSupport::isInteractive()
{
#ifdef Q_OS_UNIX
    return isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
#else
    return false;
#endif
}

remote::ProbeResult RemoteSupport::probe(const QString& host, quint16 port,
                                         std::chrono::milliseconds timeout)
{
    std::optional<remote::ProbeResult> result;
    QEventLoop loop;
    QObject context;
    remote::TlsProbe::start(host, port, timeout, &context, [&result, &loop](remote::ProbeResult r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

remote::ActivationJob::Outcome RemoteSupport::runJob(remote::ActivationJob::Request request,
                                                     bool quiet)
{
    using Step = remote::ActivationJob::Step;
    const bool terminal = isInteractive();
    remote::ActivationJob job(std::move(request));
    QEventLoop loop;
    int lastShown = -1;
    bool counting = false;
    QObject::connect(&job, &remote::ActivationJob::progress, &job, [&](const QString& message) {
        if (quiet)
            return;
        if (counting && terminal)
            err(QString()); // end the countdown line
        counting = false;
        err(message);
    });
    QObject::connect(&job, &remote::ActivationJob::stepChanged, &job,
                     [&](Step) { lastShown = -1; });
    QObject::connect(&job, &remote::ActivationJob::remainingSeconds, &job, [&](int seconds) {
        if (quiet)
            return;
        // A terminal sees the seconds tick on one line; a log gets a line every 15 seconds.
        if (terminal) {
            err(QStringLiteral("\r") +
                    tr("Waiting for the web server to come back: %1 s left ").arg(seconds),
                false);
            counting = true;
        } else if (lastShown < 0 || lastShown - seconds >= 15) {
            err(tr("Waiting for the web server to come back: %1 s left").arg(seconds));
            lastShown = seconds;
        }
    });
    QObject::connect(&job, &remote::ActivationJob::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.outcome();
}

Result<remote::ActivationJob::Request> RemoteSupport::jobRequest(const QString& entry,
                                                                 const QString& siteName)
{
    auto target = site(siteName);
    if (!target)
        return target.error();
    auto store = StoreAccess::open(true);
    if (!store)
        return store.error();
    auto material = store->load(entry, true);
    if (!material)
        return material.error();
    if (material->certificate.isNull() || !material->key)
        return Error::failure(
            tr("The store entry \"%1\" has no certificate with its key (a CSR still "
               "waiting for the CA's answer?). Only complete server certificates can "
               "be uploaded.")
                .arg(entry));
    remote::ActivationJob::Request request;
    request.site = *target;
    request.registryPath = remote::SiteRegistry::defaultPath();
    request.remoteName = entry;
    request.certificate = material->certificate;
    request.chain = material->chain;
    request.key = material->key;
    return request;
}

Status RemoteSupport::report(const remote::ActivationJob::Outcome& outcome, bool json)
{
    if (json)
        printOut(printJson(outcome.toJson()));
    if (outcome.success) {
        if (!json)
            printOut(outcome.message);
        return {};
    }
    return Error::failure(QStringLiteral("[%1] %2").arg(outcome.failureName(), outcome.message));
}

QStringList RemoteSupport::describe(const QSslCertificate& certificate)
{
    const QJsonObject o = describeJson(certificate);
    return {tr("  Subject:      %1").arg(o.value(QStringLiteral("subject")).toString()),
            tr("  Issuer:       %1").arg(o.value(QStringLiteral("issuer")).toString()),
            tr("  Valid:        %1 to %2 (GMT)")
                .arg(o.value(QStringLiteral("notBefore")).toString(),
                     o.value(QStringLiteral("notAfter")).toString()),
            tr("  SHA-256:      %1").arg(o.value(QStringLiteral("fingerprintSha256")).toString()),
            tr("  SHA-1:        %1").arg(o.value(QStringLiteral("fingerprintSha1")).toString())};
}

QJsonObject RemoteSupport::describeJson(const QSslCertificate& certificate)
{
    QJsonObject o{{QStringLiteral("fingerprintSha256"),
                   remote::Fingerprint::format(remote::Fingerprint::ofCertificate(certificate))}};
    auto parsed = crypto::Certificate::fromDer(certificate.toDer());
    if (!parsed)
        return o;
    const crypto::CertificateDetails d = crypto::CertificateDetails::of(*parsed);
    o.insert(QStringLiteral("subject"), d.subject.toString());
    o.insert(QStringLiteral("issuer"), d.issuer ? d.issuer->toString() : QString());
    o.insert(QStringLiteral("notBefore"),
             d.notBefore.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    o.insert(QStringLiteral("notAfter"),
             d.notAfter.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    o.insert(QStringLiteral("fingerprintSha1"), d.fingerprintSha1);
    o.insert(QStringLiteral("publicKeySha256"), d.publicKeySha256);
    o.insert(QStringLiteral("publicKey"),
             QStringLiteral("%1 %2").arg(d.publicKeyAlgorithm).arg(d.publicKeyLength));
    return o;
}

QString RemoteSupport::printJson(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace certdesk::cli
