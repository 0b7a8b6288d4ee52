#pragma once

// Certificates for the remote suites (made with core/crypto, or with the openssl CLI where
// core/crypto refuses on purpose, like a sha1RSA signature), and blocking waits for the
// asynchronous client.

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/PrivateKey.h"
#include "core/remote/RemoteResult.h"
#include "core/remote/TlsProbe.h"

#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <optional>

namespace remotetest {

struct Material
{
    certdesk::crypto::Certificate certificate;
    certdesk::crypto::PrivateKey key;
};

inline Material
makeServer(const QString& cn,
           certdesk::crypto::KeyAlgorithm algorithm = certdesk::crypto::KeyAlgorithm::Rsa2048,
           certdesk::crypto::SignatureDigest digest = certdesk::crypto::SignatureDigest::Sha256)
{
    using namespace certdesk::crypto;
    auto key = PrivateKey::generate(algorithm);
    if (!key)
        qFatal("key generation failed: %s", qPrintable(key.error().message));
    CertificateSpec spec;
    spec.profile = CertificateSpec::Profile::SelfSignedServer;
    spec.digest = digest;
    spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    spec.notAfter = spec.notBefore.addDays(200);
    spec.subject.commonName = cn;
    spec.subject.organization = QStringLiteral("CertDesk remote tests");
    spec.subjectAltNames.append({GeneralName::Kind::Ip, QStringLiteral("127.0.0.1")});
    auto certificate = CertificateBuilder(spec).selfSign(*key);
    if (!certificate)
        qFatal("certificate failed: %s", qPrintable(certificate.error().message));
    return {*certificate, *key};
}

// A 2048-bit RSA certificate signed sha1RSA, which core/crypto will not make.
inline std::optional<Material> makeSha1Server(const QTemporaryDir& dir)
{
    const QString key = dir.filePath(QStringLiteral("sha1.key"));
    const QString cert = dir.filePath(QStringLiteral("sha1.crt"));
    QProcess p;
    p.start(qEnvironmentVariable("OPENSSL", QStringLiteral("openssl")),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-sha1"),
             QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
             QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
             QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=sha1.example")});
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return std::nullopt;
    auto certificate = certdesk::crypto::CryptoFile::load(cert);
    auto privateKey = certdesk::crypto::CryptoFile::load(key);
    if (!certificate || certificate->certificates.isEmpty() || !privateKey || !privateKey->key)
        return std::nullopt;
    return Material{certificate->certificates.first(), *privateKey->key};
}

// Runs `start(callback)` and spins an event loop until the callback delivers.
template <typename T, typename Start>
certdesk::remote::RemoteResult<T> await(Start start, int timeoutMs = 60000)
{
    std::optional<certdesk::remote::RemoteResult<T>> result;
    QEventLoop loop;
    start([&result, &loop](certdesk::remote::RemoteResult<T> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result) {
        certdesk::remote::RemoteError e = certdesk::remote::RemoteError::canceled();
        e.message = QStringLiteral("test: no answer within the wait");
        return e;
    }
    return std::move(*result);
}

inline certdesk::remote::ProbeResult probe(const QString& host, quint16 port, int timeoutMs = 10000)
{
    std::optional<certdesk::remote::ProbeResult> result;
    QEventLoop loop;
    QObject context;
    certdesk::remote::TlsProbe::start(host, port, std::chrono::milliseconds(timeoutMs), &context,
                                      [&](certdesk::remote::ProbeResult r) {
                                          result = std::move(r);
                                          loop.quit();
                                      });
    if (!result) {
        QTimer::singleShot(timeoutMs + 5000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result.value_or(certdesk::remote::ProbeResult{});
}

// A port nothing listens on (bound, read, released).
quint16 closedPort();

} // namespace remotetest
