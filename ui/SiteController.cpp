#include "ui/SiteController.h"

#include "core/io/SecureFileWriter.h"
#include "core/remote/AdminPortalClient.h"
#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/ConnectionTest.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/SiteInventory.h"
#include "core/remote/SiteRegistry.h"
#include "core/secrets/SecretStore.h"

#include <QFile>
#include <QPointer>

#include <chrono>
#include <memory>

namespace certdesk::ui {

namespace {
constexpr std::chrono::milliseconds kProbeTimeout{10000};

QString distinguishedName(const QSslCertificate& certificate, bool issuer)
{
    const struct
    {
        QSslCertificate::SubjectInfo info;
        const char* label;
    } parts[] = {{QSslCertificate::CommonName, "CN"},
                 {QSslCertificate::OrganizationalUnitName, "OU"},
                 {QSslCertificate::Organization, "O"},
                 {QSslCertificate::CountryName, "C"}};
    QStringList out;
    for (const auto& part : parts) {
        const QStringList values =
            issuer ? certificate.issuerInfo(part.info) : certificate.subjectInfo(part.info);
        for (const QString& v : values)
            out << QStringLiteral("%1=%2").arg(QLatin1String(part.label), v);
    }
    return out.join(QStringLiteral(", "));
}
} // namespace

SiteController::SiteController(QString registryPath, QString keychainService, QObject* parent)
    : QObject(parent)
    , m_registryPath(std::move(registryPath))
    , m_keychainService(std::move(keychainService))
{
}

QString SiteController::keychainService() const
{
    return m_keychainService.isEmpty() ? secrets::SecretStore::defaultService() : m_keychainService;
}

QList<remote::Site> SiteController::sites() const
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry) {
        m_lastError = registry.error().message;
        return {};
    }
    m_lastError.clear();
    return registry->sites();
}

QList<remote::SharedCredential> SiteController::credentials() const
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    return registry ? registry->credentials() : QList<remote::SharedCredential>();
}

std::optional<remote::Site> SiteController::find(const QString& name) const
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return std::nullopt;
    return registry->find(name);
}

void SiteController::save(const remote::Site& site, std::optional<crypto::SecretBytes> password,
                          bool isNew, QObject* context, StatusCallback done)
{
    if (Status s = site.validate(); !s) {
        done(s);
        return;
    }
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry) {
        done(registry.error());
        return;
    }
    const std::optional<remote::Site> existing = registry->find(site.name);
    if (isNew && existing) {
        done(Error::usage(tr("A site named \"%1\" already exists.").arg(site.name)));
        return;
    }
    if (!isNew && !existing) {
        done(Error::usage(tr("There is no site named \"%1\".").arg(site.name)));
        return;
    }
    remote::Site merged = site;
    if (existing) {
        // Pins belong to an address: kept while it stays, dropped when it changes.
        if (existing->host == site.host && existing->port == site.port) {
            merged.pin = existing->pin;
            merged.pendingPin = existing->pendingPin;
        }
        if (existing->boosterAddress() == site.boosterAddress() &&
            existing->boosterPort == site.boosterPort) {
            merged.boosterPin = existing->boosterPin;
            merged.pendingBoosterPin = existing->pendingBoosterPin;
        }
    }
    QPointer<QObject> guard(context);
    auto commit = [this, merged, isNew, guard, done](Status written) {
        if (!written) {
            if (guard)
                done(Error::failure(tr("The password could not be stored in the keychain, so "
                                       "the site was not saved: %1")
                                        .arg(written.error().message)));
            return;
        }
        auto reg = remote::SiteRegistry::open(m_registryPath);
        Status s = reg ? (isNew ? reg->add(merged) : reg->update(merged)) : Status(reg.error());
        if (s)
            emit sitesChanged();
        if (guard)
            done(s);
    };
    if (!password) {
        commit(Status());
        return;
    }
    const secrets::SecretStore store(keychainService());
    store.write(secrets::SecretStore::sitePasswordKey(site.name), *password,
                secrets::SecretStore::Format::Text, this, commit);
}

void SiteController::remove(const QString& name, QObject* context, StatusCallback done)
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry) {
        done(registry.error());
        return;
    }
    if (Status s = registry->remove(name); !s) {
        done(s);
        return;
    }
    emit sitesChanged();
    QPointer<QObject> guard(context);
    const secrets::SecretStore store(keychainService());
    store.remove(secrets::SecretStore::sitePasswordKey(name), this, [guard, done](Status s) {
        if (guard)
            done(s);
    });
}

Result<remote::SiteRegistry::ImportCounts> SiteController::importInventory(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::usage(tr("Cannot read the inventory %1: %2.").arg(path, file.errorString()));
    const QByteArray contents = file.readAll();
    auto sites = remote::SiteInventory::parse(contents,
                                              remote::SiteInventory::looksLikeJson(path, contents));
    if (!sites)
        return sites.error();
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return registry.error();
    auto counts = registry->importSites(*sites, false);
    if (counts)
        emit sitesChanged();
    return counts;
}

Status SiteController::exportInventory(const QString& path) const
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return registry.error();
    const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    io::SecureFileWriter writer;
    writer.setOverwrite(true); // the save dialog asked
    writer.add(path, json ? remote::SiteInventory::toJson(registry->sites())
                          : remote::SiteInventory::toCsv(registry->sites()));
    return writer.commit();
}

void SiteController::saveCredential(const remote::SharedCredential& credential,
                                    std::optional<crypto::SecretBytes> password, bool isNew,
                                    QObject* context, StatusCallback done)
{
    if (Status s = credential.validate(); !s)
        return done(s);
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return done(registry.error());
    const bool exists = registry->findCredential(credential.name).has_value();
    if (isNew && exists)
        return done(Error::usage(
            tr("A shared credential named \"%1\" already exists.").arg(credential.name)));
    if (!isNew && !exists)
        return done(Error::usage(tr("There is no shared credential \"%1\".").arg(credential.name)));
    if (isNew && !password)
        return done(Error::usage(tr("Enter the password: it is kept in the keychain.")));
    QPointer<QObject> guard(context);
    auto commit = [this, credential, guard, done](Status written) {
        if (!written) {
            if (guard)
                done(Error::failure(tr("The password could not be stored in the keychain, so "
                                       "the credential was not saved: %1")
                                        .arg(written.error().message)));
            return;
        }
        auto reg = remote::SiteRegistry::open(m_registryPath);
        Status s = reg ? reg->setCredential(credential) : Status(reg.error());
        if (s)
            emit sitesChanged();
        if (guard)
            done(s);
    };
    if (!password)
        return commit(Status());
    const secrets::SecretStore store(keychainService());
    store.write(secrets::SecretStore::credentialPasswordKey(credential.name), *password,
                secrets::SecretStore::Format::Text, this, commit);
}

void SiteController::removeCredential(const QString& name, QObject* context, StatusCallback done)
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return done(registry.error());
    if (Status s = registry->removeCredential(name); !s)
        return done(s);
    emit sitesChanged();
    QPointer<QObject> guard(context);
    const secrets::SecretStore store(keychainService());
    store.remove(secrets::SecretStore::credentialPasswordKey(name), this, [guard, done](Status s) {
        if (guard)
            done(s);
    });
}

void SiteController::probe(const QString& name, const QString& system, QObject* context,
                           ProbeCallback done)
{
    const std::optional<remote::Site> site = find(name);
    if (!site || !remote::Site::isSystem(system) ||
        (system == remote::AdminPortalProtocol::boosterSystem() && !site->hasBooster())) {
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            this,
            [guard, done, name] {
                remote::ProbeResult result;
                remote::RemoteError error;
                error.kind = remote::RemoteError::Kind::NotFound;
                error.message = tr("There is no such listener for the site \"%1\".").arg(name);
                result.failure = error;
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
        return;
    }
    remote::TlsProbe::start(site->hostFor(system), site->portFor(system), kProbeTimeout, context,
                            std::move(done));
}

Status SiteController::trust(const QString& name, const QString& system,
                             const QSslCertificate& leaf)
{
    auto registry = remote::SiteRegistry::open(m_registryPath);
    if (!registry)
        return registry.error();
    auto site = registry->require(name);
    if (!site)
        return site.error();
    if (!remote::Site::isSystem(system) || leaf.isNull())
        return Error::usage(tr("Nothing to trust."));
    site->pinFor(system) = remote::CertificatePin::of(leaf, false);
    site->pendingPinFor(system) = remote::CertificatePin();
    if (Status s = registry->update(*site); !s)
        return s;
    emit sitesChanged();
    return {};
}

void SiteController::withPassword(const QString& name, QObject* context,
                                  std::function<void(Result<crypto::SecretBytes>)> done)
{
    const std::optional<remote::Site> site = find(name);
    if (!site) {
        done(Error::failure(tr("There is no site named \"%1\".").arg(name)));
        return;
    }
    const secrets::SecretStore store(keychainService());
    store.read(site->passwordKey(), context,
               [s = *site, done](secrets::SecretStore::ReadResult read) {
                   if (!read)
                       done(read.error());
                   else if (!read->has_value())
                       done(Error::failure(s.missingPasswordMessage()));
                   else
                       done(std::move(**read));
               });
}

void SiteController::test(const QString& name, QObject* context, TestCallback done)
{
    const std::optional<remote::Site> site = find(name);
    if (!site) {
        TestReport report;
        report.lines << tr("There is no site named \"%1\".").arg(name);
        done(report);
        return;
    }
    // The handshake must present the pinned certificate, then login and system information:
    // remote::ConnectionTest, as bulk preflight runs it for each site.
    remote::ConnectionTest::Request request;
    request.site = *site;
    request.system = remote::AdminPortalProtocol::telephonySystem();
    request.keychainService = keychainService();
    request.timeout = kProbeTimeout;
    auto* test = new remote::ConnectionTest(std::move(request), this);
    QPointer<QObject> guard(context);
    connect(test, &remote::ConnectionTest::finished, this, [test, guard, done, s = *site] {
        test->deleteLater();
        const remote::ConnectionTest::Outcome& o = test->outcome();
        TestReport report;
        report.ok = o.ok;
        report.info = o.info;
        const bool handshakeMatched =
            o.ok || !QStringList{QStringLiteral("unreachable"), QStringLiteral("not-trusted"),
                                 QStringLiteral("mismatch"), QStringLiteral("no-booster")}
                         .contains(o.problem);
        if (handshakeMatched)
            report.lines
                << tr("Presents the trusted certificate (SHA-256 %1).").arg(o.presentedSha256);
        if (!o.ok) {
            report.lines << o.message;
        } else {
            report.lines << tr("Logged in as %1.").arg(s.portalUser());
            report.lines << tr("%1, software %2; active certificate: %3")
                                .arg(o.info->model, o.info->softwareVersion,
                                     o.info->activeTelephony);
        }
        if (guard)
            done(report);
    });
    test->start();
}

void SiteController::listCertificates(const QString& name, QObject* context, ListCallback done)
{
    QPointer<QObject> guard(context);
    const std::optional<remote::Site> site = find(name);
    auto fail = [guard, done](const QString& message) {
        remote::RemoteError error;
        error.kind = remote::RemoteError::Kind::NotFound;
        error.message = message;
        if (guard)
            done(error);
    };
    if (!site) {
        fail(tr("There is no site named \"%1\".").arg(name));
        return;
    }
    const remote::Site s = *site;
    withPassword(s.name, this, [this, s, guard, done, fail](Result<crypto::SecretBytes> password) {
        if (!password) {
            fail(password.error().message);
            return;
        }
        auto* client = new remote::AdminPortalClient(s.host, s.port, s.pin, this);
        client->login(s.user, *password, [client, guard, done](remote::RemoteResult<void> login) {
            if (!login) {
                client->deleteLater();
                if (guard)
                    done(login.error());
                return;
            }
            client->listCertificates(
                [client, guard, done](remote::RemoteResult<QList<remote::RemoteCertificate>> list) {
                    client->deleteLater();
                    if (guard)
                        done(std::move(list));
                });
        });
    });
}

remote::ActivationJob* SiteController::createActivation(remote::ActivationJob::Request request)
{
    request.registryPath = m_registryPath;
    request.keychainService = keychainService();
    const QString name = request.site.name;
    auto* job = new remote::ActivationJob(std::move(request), this);
    connect(job, &remote::ActivationJob::finished, this, [this, job, name] {
        emit sitesChanged(); // the pin may have moved
        emit activationFinished(name);
        job->deleteLater();
    });
    return job;
}

SiteController::CertificateSummary SiteController::summarize(const QSslCertificate& certificate)
{
    CertificateSummary summary;
    summary.subject = distinguishedName(certificate, false);
    summary.issuer = distinguishedName(certificate, true);
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    summary.notBefore = certificate.effectiveDate().toUTC().toString(format);
    summary.notAfter = certificate.expiryDate().toUTC().toString(format);
    summary.sha256 = remote::Fingerprint::format(remote::Fingerprint::ofCertificate(certificate));
    return summary;
}

} // namespace certdesk::ui
