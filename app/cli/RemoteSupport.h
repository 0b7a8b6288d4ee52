#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"
#include "core/remote/ActivationJob.h"
#include "core/remote/RemoteResult.h"
#include "core/remote/Site.h"
#include "core/remote/SiteRegistry.h"
#include "core/remote/TlsProbe.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonObject>
#include <QSslCertificate>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace certdesk::cli {

// What the site, upload, activate and remote verbs share: the sites file, the keychain
// password, blocking waits on the asynchronous core (a local event loop, CLI only), and the
// way certificates and results are shown.
class RemoteSupport
{
public:
    // --timeout SECONDS (per request), default 30.
    static QCommandLineOption timeoutOption();
    static Result<std::chrono::milliseconds> timeout(const QCommandLineParser& parser,
                                                     const QCommandLineOption& option);

    static Result<remote::SiteRegistry> openRegistry();
    // A port number 1-65535; else a usage error naming --`option`.
    static Result<quint16> parsePort(const QString& text, const QString& option);
    static Result<remote::Site> site(const QString& name);
    // The first line of FILE, or of standard input for "-".
    static Result<crypto::SecretBytes> readPasswordFile(const QString& path);
    // The site's password from the keychain; an error if it is not there.
    static Result<crypto::SecretBytes> sitePassword(const remote::Site& site);

    static bool isInteractive(); // standard input and error are terminals

    // Blocks on an asynchronous remote call: `start(callback)`.
    template <typename T, typename Start> static remote::RemoteResult<T> wait(Start start)
    {
        std::optional<remote::RemoteResult<T>> result;
        QEventLoop loop;
        QObject context;
        start(&context, [&result, &loop](remote::RemoteResult<T> r) {
            result.emplace(std::move(r));
            loop.quit();
        });
        if (!result)
            loop.exec(); // every remote call ends by itself: each has a timeout
        return std::move(*result);
    }
    static remote::ProbeResult probe(const QString& host, quint16 port,
                                     std::chrono::milliseconds timeout);

    // A job for a store entry (certificate, chain and key) and a site; the sites file is
    // where it re-pins.
    static Result<remote::ActivationJob::Request> jobRequest(const QString& entry,
                                                             const QString& siteName);
    // Prints the outcome (JSON or text) and turns a failure into the verb's error.
    static Status report(const remote::ActivationJob::Outcome& outcome, bool json);

    // Runs a job to its end, with progress on standard error (not with `quiet`); standard
    // output stays free for the result, so --json output is only the JSON.
    static remote::ActivationJob::Outcome runJob(remote::ActivationJob::Request request,
                                                 bool quiet);

    // Subject, issuer, validity and fingerprints, for the technician to compare with what the
    // system itself displays.
    static QStringList describe(const QSslCertificate& certificate);
    static QJsonObject describeJson(const QSslCertificate& certificate);
    static QString printJson(const QJsonObject& object);
};

} // namespace certdesk::cli
