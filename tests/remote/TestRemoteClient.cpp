// core/remote against a real osbiz-sim process over TLS on loopback: trust on first use,
// pinning, login and lock-out, the certificate list, and every import refusal of the real
// system arriving verbatim.

#include "RemoteTestSupport.h"
#include "SimProcess.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/remote/AdminPortalClient.h"
#include "core/remote/CertificatePin.h"
#include "core/remote/Fingerprint.h"
#include "core/remote/UploadBundle.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>

using namespace certdesk;
using namespace certdesk::remote;
using namespace remotetest;

namespace {
const QString kHost = QStringLiteral("127.0.0.1");
const crypto::SecretBytes kPassword{QByteArrayView(kSimPassword)};
} // namespace

class TestRemoteClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeShowsWhatIsPresented();
    void boosterDefaultCertificate();
    void refusedConnection();
    void hostNotFoundMessage();
    void fingerprintParsing();
    void loginAddsSuffixAndLists();
    void badCredentials();
    void pinMismatchSendsNothing();
    void publicKeyPin();
    void trustStoreDoesNotOverrideThePin();
    void importRefusalsAreVerbatim();
    void deleteActiveRefused();
    void serverErrorAndStall();
    void lockOut();
    void countRunsIndependentSystems();

private:
    AdminPortalClient* client(QObject* parent) const
    {
        return new AdminPortalClient(kHost, m_sim.port(), m_pin, parent);
    }
    RemoteResult<void> login(AdminPortalClient* c, const QString& user = kSimUser,
                             const crypto::SecretBytes& password = kPassword)
    {
        return await<void>([&](auto done) { c->login(user, password, done); });
    }

    SimProcess m_sim;
    CertificatePin m_pin;
    QTemporaryDir m_dir;
};

void TestRemoteClient::initTestCase()
{
    QString error;
    QVERIFY2(m_sim.start({}, &error), qPrintable(error));
    const ProbeResult r = probe(kHost, m_sim.port());
    QVERIFY2(r.reached(), r.failure ? qPrintable(r.failure->message) : "no handshake");
    m_pin = CertificatePin::of(r.leaf(), false);
}

void TestRemoteClient::probeShowsWhatIsPresented()
{
    const ProbeResult r = probe(kHost, m_sim.port());
    QVERIFY(r.reached());
    // Not trusted by the system store (self-signed): reported, not accepted.
    QVERIFY(!r.errors.isEmpty());
    QCOMPARE(Fingerprint::format(Fingerprint::ofCertificate(r.leaf())), m_sim.served());
    // The probe sends nothing: the simulator saw no HTTP request.
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), 0);
}

void TestRemoteClient::boosterDefaultCertificate()
{
    const ProbeResult r = probe(kHost, m_sim.boosterPort());
    QVERIFY(r.reached());
    const QSslCertificate leaf = r.leaf();
    QCOMPARE(leaf.subjectInfo(QSslCertificate::CommonName).value(0), kHost);
    QCOMPARE(leaf.subjectInfo(QSslCertificate::Organization).value(0),
             QStringLiteral("Unify Software and Solutions GmbH & Co. KG"));
    QCOMPARE(leaf.subjectInfo(QSslCertificate::OrganizationalUnitName).value(0),
             QStringLiteral("Unify"));
    const qint64 days = leaf.effectiveDate().daysTo(leaf.expiryDate());
    QVERIFY2(days >= 3650 && days <= 3655, qPrintable(QString::number(days)));
    QVERIFY(Fingerprint::format(Fingerprint::ofCertificate(leaf)) != m_sim.served());
}

void TestRemoteClient::refusedConnection()
{
    const quint16 port = closedPort();
    const ProbeResult r = probe(kHost, port);
    QVERIFY(!r.reached());
    QVERIFY(r.failure);
    QCOMPARE(r.failure->kind, RemoteError::Kind::Refused);
    QVERIFY(r.failure->message.contains(QStringLiteral("127.0.0.1:%1").arg(port)));

    QObject parent;
    auto* c = new AdminPortalClient(kHost, port, m_pin, &parent);
    const auto result = login(c);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, RemoteError::Kind::Refused);
    QVERIFY2(result.error().message.contains(QStringLiteral("refused the connection")),
             qPrintable(result.error().message));
}

void TestRemoteClient::hostNotFoundMessage()
{
    // Mapped without a lookup: the tests send nothing beyond loopback.
    const RemoteError e = RemoteError::fromNetworkError(
        QNetworkReply::HostNotFoundError, QStringLiteral("pbx.invalid:443"), QString());
    QCOMPARE(e.kind, RemoteError::Kind::HostNotFound);
    QVERIFY(e.message.contains(QStringLiteral("DNS")));
    QVERIFY(e.message.contains(QStringLiteral("pbx.invalid:443")));
}

void TestRemoteClient::fingerprintParsing()
{
    const QByteArray raw =
        QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    for (const QString& text :
         {QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:"
                         "88:99:AA:BB:CC:DD:EE:FF"),
          QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"),
          QStringLiteral("sha256 "
                         "Fingerprint=00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:"
                         "44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"),
          QStringLiteral(
              "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")}) {
        const auto parsed = Fingerprint::parse(text);
        QVERIFY2(parsed, qPrintable(text));
        QCOMPARE(*parsed, raw);
    }
    QVERIFY(!Fingerprint::parse(QStringLiteral("00:11")));
    QVERIFY(!Fingerprint::parse(
        QStringLiteral("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")));
}

void TestRemoteClient::loginAddsSuffixAndLists()
{
    QObject parent;
    AdminPortalClient* c = client(&parent);
    const auto in = login(c, QStringLiteral("administrator")); // "@system" added
    QVERIFY2(in, in ? "" : qPrintable(in.error().message));
    QVERIFY(c->isLoggedIn());

    const auto info = await<SystemInfo>([&](auto done) { c->systemInfo(done); });
    QVERIFY2(info, info ? "" : qPrintable(info.error().message));
    QVERIFY(info->hasBooster);
    QCOMPARE(info->boosterPort, int(m_sim.boosterPort()));
    QCOMPARE(info->activeTelephony, QStringLiteral("Default Server Certificate"));

    const auto list =
        await<QList<RemoteCertificate>>([&](auto done) { c->listCertificates(done); });
    QVERIFY2(list, list ? "" : qPrintable(list.error().message));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).activeFor, QStringList{QStringLiteral("telephony")});
    QCOMPARE(list->at(0).fingerprintSha256, m_sim.served());

    const auto view =
        await<RemoteCertificate>([&](auto done) { c->viewCertificate(list->at(1).name, done); });
    QVERIFY(view);
    QCOMPARE(view->details.value(QStringLiteral("fingerprintSha256")).toString(),
             list->at(1).fingerprintSha256);

    // A request without the session is refused by the system, not guessed at by the client.
    AdminPortalClient* fresh = client(&parent);
    const auto anonymous =
        await<QList<RemoteCertificate>>([&](auto done) { fresh->listCertificates(done); });
    QVERIFY(!anonymous);
    QCOMPARE(anonymous.error().kind, RemoteError::Kind::NotLoggedIn);
}

void TestRemoteClient::badCredentials()
{
    QObject parent;
    const auto result =
        login(client(&parent), kSimUser, crypto::SecretBytes(QByteArrayView("wrong-password")));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, RemoteError::Kind::BadCredentials);
    QCOMPARE(result.error().serverMessage,
             QStringLiteral("Login failed: wrong user name or password."));
    QVERIFY(result.error().message.contains(QStringLiteral("administrator@system")));
}

void TestRemoteClient::pinMismatchSendsNothing()
{
    const int before = m_sim.counter(QStringLiteral("requests"));
    const Material other = makeServer(QStringLiteral("someone-else"));
    const QSslCertificate otherCert(other.certificate.toPem(), QSsl::Pem);
    QObject parent;
    auto* c =
        new AdminPortalClient(kHost, m_sim.port(), CertificatePin::of(otherCert, true), &parent);
    const auto result = login(c);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, RemoteError::Kind::PinMismatch);
    // Both fingerprints, so the technician can compare with the system's own display.
    QCOMPARE(result.error().presentedSha256, m_sim.served());
    QCOMPARE(result.error().pinnedSha256,
             Fingerprint::format(other.certificate.sha256Fingerprint()));
    QVERIFY(result.error().message.contains(m_sim.served()));
    QVERIFY(result.error().message.contains(result.error().pinnedSha256));
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), before);

    // Same for the one-shot path that activation uses.
    const auto activated = await<int>([&](auto done) {
        c->activate(QStringLiteral("Default Server Certificate"), QStringLiteral("telephony"),
                    done);
    });
    QVERIFY(!activated);
    QCOMPARE(activated.error().kind, RemoteError::Kind::PinMismatch);
    QVERIFY(!activated.error().requestSent);
    QCOMPARE(m_sim.counter(QStringLiteral("activateRequests")), 0);

    // No pin at all: nothing is even attempted.
    auto* untrusted = new AdminPortalClient(kHost, m_sim.port(), CertificatePin(), &parent);
    const auto refused = login(untrusted);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, RemoteError::Kind::NotTrusted);
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), before);
}

void TestRemoteClient::publicKeyPin()
{
    // A pin on the public key alone accepts the listener's certificate by its key.
    const ProbeResult r = probe(kHost, m_sim.port());
    CertificatePin keyOnly = CertificatePin::of(r.leaf(), true);
    keyOnly.certificateSha256.clear();
    QVERIFY(keyOnly.matches(r.leaf()));
    QObject parent;
    auto* c = new AdminPortalClient(kHost, m_sim.port(), keyOnly, &parent);
    const auto result = login(c);
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
}

void TestRemoteClient::trustStoreDoesNotOverrideThePin()
{
    // Make the system trust store accept the simulator's certificate, as it would a publicly
    // issued one: the handshake then raises no error at all, and the pin must still decide.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    const QSslCertificate served = probe(kHost, m_sim.port()).leaf();
    QSslConfiguration trusting = saved;
    trusting.setCaCertificates({served});
    QSslConfiguration::setDefaultConfiguration(trusting);
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(saved); });

    const ProbeResult r = probe(kHost, m_sim.port());
    QVERIFY(r.reached());
    QVERIFY2(r.errors.isEmpty(), "the trust store should accept the certificate in this test");

    const int before = m_sim.counter(QStringLiteral("requests"));
    const Material other = makeServer(QStringLiteral("someone-else"));
    const CertificatePin wrong =
        CertificatePin::of(QSslCertificate(other.certificate.toPem(), QSsl::Pem), false);
    QObject parent;
    auto* c = new AdminPortalClient(kHost, m_sim.port(), wrong, &parent);
    const auto refused = login(c);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, RemoteError::Kind::PinMismatch);
    const auto activated = await<int>([&](auto done) {
        c->activate(QStringLiteral("Default Server Certificate"), QStringLiteral("telephony"),
                    done);
    });
    QVERIFY(!activated);
    QCOMPARE(activated.error().kind, RemoteError::Kind::PinMismatch);
    QVERIFY(!activated.error().requestSent);
    QCOMPARE(m_sim.counter(QStringLiteral("requests")), before);
    QCOMPARE(m_sim.counter(QStringLiteral("activateRequests")), 0);

    auto* pinned = new AdminPortalClient(kHost, m_sim.port(), m_pin, &parent);
    const auto accepted = login(pinned);
    QVERIFY2(accepted, accepted ? "" : qPrintable(accepted.error().message));
}

void TestRemoteClient::importRefusalsAreVerbatim()
{
    QObject parent;
    AdminPortalClient* c = client(&parent);
    QVERIFY(login(c));
    const int importsBefore = m_sim.counter(QStringLiteral("imports"));
    const auto upload = [&](const UploadBundle& b) {
        return await<RemoteCertificate>([&](auto done) { c->upload(b, done); });
    };
    const auto expectRefusal = [&](const UploadBundle& b, int status, const QString& text) {
        const auto r = upload(b);
        QVERIFY2(!r, qPrintable(b.name));
        QCOMPARE(r.error().httpStatus, status);
        QCOMPARE(r.error().serverMessage, text);
        QVERIFY(r.error().message.contains(text)); // shown verbatim
    };
    const crypto::SecretBytes pass(QByteArrayView("correct-horse-7"));
    const Material good = makeServer(QStringLiteral("good.example"));

    auto ok = UploadBundle::make(QStringLiteral("good"), good.certificate, {}, good.key,
                                 UploadBundle::Form::Pkcs12, crypto::Pkcs12Format::Compat, pass);
    QVERIFY(ok);
    // Passphrase outside 7-32: the file is fine, the passphrase field is not.
    UploadBundle shortPass = *ok;
    shortPass.name = QStringLiteral("short");
    shortPass.passphrase = crypto::SecretBytes(QByteArrayView("abc"));
    expectRefusal(shortPass, 400,
                  QStringLiteral("The passphrase must have at least 7 and at most 32 characters."));
    UploadBundle longPass = shortPass;
    longPass.passphrase = crypto::SecretBytes(QByteArray(33, 'x'));
    expectRefusal(longPass, 400,
                  QStringLiteral("The passphrase must have at least 7 and at most 32 characters."));

    // Wrong passphrase.
    UploadBundle wrong = *ok;
    wrong.name = QStringLiteral("wrong");
    wrong.passphrase = crypto::SecretBytes(QByteArrayView("not-the-passphrase"));
    {
        const auto r = upload(wrong);
        QVERIFY(!r);
        QCOMPARE(r.error().httpStatus, 400);
        QVERIFY2(r.error().serverMessage.startsWith(QStringLiteral(
                     "The PKCS#12 file could not be imported: The passphrase does not open")),
                 qPrintable(r.error().serverMessage));
    }

    // Key not RSA 2048: 4096, and EC.
    const Material big = makeServer(QStringLiteral("big.example"), crypto::KeyAlgorithm::Rsa4096);
    auto bigBundle =
        UploadBundle::make(QStringLiteral("big"), big.certificate, {}, big.key,
                           UploadBundle::Form::Pkcs12, crypto::Pkcs12Format::Modern, pass);
    QVERIFY(bigBundle);
    expectRefusal(*bigBundle, 400,
                  QStringLiteral("Only RSA keys with a public key length of 2048 bits can be "
                                 "imported (this key: RSA, 4096 bits)."));
    const Material ec = makeServer(QStringLiteral("ec.example"), crypto::KeyAlgorithm::EcP256);
    auto ecBundle = UploadBundle::make(QStringLiteral("ec"), ec.certificate, {}, ec.key,
                                       UploadBundle::Form::Pem, crypto::Pkcs12Format::Compat, pass);
    QVERIFY(ecBundle);
    {
        const auto r = upload(*ecBundle);
        QVERIFY(!r);
        QVERIFY2(r.error().serverMessage.startsWith(
                     QStringLiteral("Only RSA keys with a public key length of 2048 bits")),
                 qPrintable(r.error().serverMessage));
    }

    // Signature not sha256/384/512RSA.
    const auto sha1 = makeSha1Server(m_dir);
    QVERIFY(sha1);
    auto sha1Bundle =
        UploadBundle::make(QStringLiteral("sha1"), sha1->certificate, {}, sha1->key,
                           UploadBundle::Form::Pem, crypto::Pkcs12Format::Compat, pass);
    QVERIFY(sha1Bundle);
    expectRefusal(
        *sha1Bundle, 400,
        QStringLiteral(
            "The signature algorithm %1 is not supported. Use sha256RSA, sha384RSA or sha512RSA.")
            .arg(crypto::CertificateDetails::of(sha1->certificate).signatureAlgorithm));

    // Key that does not belong to the certificate (PEM pair: certificate A, key B).
    const Material otherKey = makeServer(QStringLiteral("other.example"));
    auto mismatch =
        UploadBundle::make(QStringLiteral("mismatch"), good.certificate, {}, otherKey.key,
                           UploadBundle::Form::Pem, crypto::Pkcs12Format::Compat, pass);
    QVERIFY(mismatch);
    expectRefusal(*mismatch, 400,
                  QStringLiteral("The private key does not belong to the certificate."));

    // sha384/sha512 RSA 2048 and the PEM form are accepted.
    const Material sha512 =
        makeServer(QStringLiteral("sha512.example"), crypto::KeyAlgorithm::Rsa2048,
                   crypto::SignatureDigest::Sha512);
    auto pem = UploadBundle::make(QStringLiteral("sha512 pem"), sha512.certificate, {}, sha512.key,
                                  UploadBundle::Form::Pem, crypto::Pkcs12Format::Compat, pass);
    QVERIFY(pem);
    const auto pemResult = upload(*pem);
    QVERIFY2(pemResult, pemResult ? "" : qPrintable(pemResult.error().message));
    QCOMPARE(pemResult->fingerprintSha256,
             Fingerprint::format(sha512.certificate.sha256Fingerprint()));

    // Accepted once, then a duplicate name.
    const auto first = upload(*ok);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->fingerprintSha256, Fingerprint::format(good.certificate.sha256Fingerprint()));
    QVERIFY(first->activeFor.isEmpty()); // not active after import
    expectRefusal(
        *ok, 409,
        QStringLiteral("A certificate named \"good\" already exists. Choose another name."));

    QCOMPARE(m_sim.counter(QStringLiteral("imports")), importsBefore + 2);
}

void TestRemoteClient::deleteActiveRefused()
{
    QObject parent;
    AdminPortalClient* c = client(&parent);
    QVERIFY(login(c));
    const auto active = await<void>([&](auto done) {
        c->deleteCertificate(QStringLiteral("Default Server Certificate"), done);
    });
    QVERIFY(!active);
    QCOMPARE(active.error().httpStatus, 409);
    QCOMPARE(active.error().serverMessage,
             QStringLiteral("The certificate \"Default Server Certificate\" is active (telephony) "
                            "and cannot be deleted. Activate another certificate first."));
    const auto removed =
        await<void>([&](auto done) { c->deleteCertificate(QStringLiteral("good"), done); });
    QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
    const auto missing =
        await<void>([&](auto done) { c->deleteCertificate(QStringLiteral("good"), done); });
    QVERIFY(!missing);
    QCOMPARE(missing.error().kind, RemoteError::Kind::NotFound);
}

void TestRemoteClient::serverErrorAndStall()
{
    QObject parent;
    AdminPortalClient* c = client(&parent);
    QVERIFY(login(c));
    QVERIFY(m_sim.setFaults({QStringLiteral("http-503:system"), QStringLiteral("stall:list")}));
    const auto info = await<SystemInfo>([&](auto done) { c->systemInfo(done); });
    QVERIFY(!info);
    QCOMPARE(info.error().kind, RemoteError::Kind::ServerError);
    QCOMPARE(info.error().httpStatus, 503);
    QCOMPARE(info.error().serverMessage,
             QStringLiteral("Service temporarily unavailable (simulated fault http-503)"));

    c->setTimeout(std::chrono::milliseconds(1500));
    QElapsedTimer clock;
    clock.start();
    const auto list =
        await<QList<RemoteCertificate>>([&](auto done) { c->listCertificates(done); });
    QVERIFY(!list);
    QCOMPARE(list.error().kind, RemoteError::Kind::Timeout);
    QVERIFY(clock.elapsed() < 10000);
    QVERIFY(m_sim.counter(QStringLiteral("stalled")) >= 1);
    QVERIFY(m_sim.setFaults({}));
}

void TestRemoteClient::lockOut()
{
    SimProcess sim;
    QString error;
    SimProcess::Options options;
    options.booster = false;
    options.lockoutAfter = 3;
    QVERIFY2(sim.start(options, &error), qPrintable(error));
    const ProbeResult r = probe(kHost, sim.port());
    QVERIFY(r.reached());
    QObject parent;
    auto* c =
        new AdminPortalClient(kHost, sim.port(), CertificatePin::of(r.leaf(), false), &parent);
    const crypto::SecretBytes wrong(QByteArrayView("guess-1234"));
    QCOMPARE(login(c, kSimUser, wrong).error().kind, RemoteError::Kind::BadCredentials);
    QCOMPARE(login(c, kSimUser, wrong).error().kind, RemoteError::Kind::BadCredentials);
    const auto third = login(c, kSimUser, wrong);
    QCOMPARE(third.error().kind, RemoteError::Kind::LockedOut);
    QVERIFY2(third.error().serverMessage.startsWith(QStringLiteral(
                 "The account administrator@system is locked after 3 failed logins.")),
             qPrintable(third.error().serverMessage));
    // Locked: even the right password is refused, with the lock-out named.
    const auto right = login(c);
    QVERIFY(!right);
    QCOMPARE(right.error().kind, RemoteError::Kind::LockedOut);
    QVERIFY(right.error().message.contains(QStringLiteral("locked")));
    QVERIFY(sim.state().value(QStringLiteral("locked")).toBool());
}

void TestRemoteClient::countRunsIndependentSystems()
{
    // K systems on consecutive ports from N, each with its own certificates and state.
    SimProcess sim;
    SimProcess::Options options;
    options.booster = false;
    options.count = 3;
    QString error;
    bool started = false;
    for (int attempt = 0; attempt < 5 && !started; ++attempt) {
        options.port = closedPort(); // and, almost always, the two after it
        started = sim.start(options, &error);
    }
    QVERIFY2(started, qPrintable(error));
    QCOMPARE(sim.ports(), (QList<quint16>{quint16(options.port), quint16(options.port + 1),
                                          quint16(options.port + 2)}));
    QSet<QString> fingerprints;
    for (int i = 0; i < 3; ++i) {
        const ProbeResult r = probe(kHost, sim.ports()[i]);
        QVERIFY(r.reached());
        const QString presented = Fingerprint::format(Fingerprint::ofCertificate(r.leaf()));
        QCOMPARE(presented, sim.state(i)
                                .value(QStringLiteral("served"))
                                .toObject()
                                .value(QStringLiteral("telephony"))
                                .toString());
        fingerprints.insert(presented);
    }
    QCOMPARE(fingerprints.size(), 3);

    // An upload to the second system stays there.
    QObject parent;
    auto* c = new AdminPortalClient(kHost, sim.ports()[1],
                                    CertificatePin::of(probe(kHost, sim.ports()[1]).leaf(), false),
                                    &parent);
    QVERIFY(login(c));
    const Material m = makeServer(QStringLiteral("second.example"));
    auto bundle = UploadBundle::make(QStringLiteral("second"), m.certificate, {}, m.key,
                                     UploadBundle::Form::Pkcs12, crypto::Pkcs12Format::Compat);
    QVERIFY(bundle);
    QVERIFY(await<RemoteCertificate>([&](auto done) { c->upload(*bundle, done); }));
    QCOMPARE(sim.counter(QStringLiteral("imports"), 1), 1);
    QCOMPARE(sim.counter(QStringLiteral("imports"), 0), 0);
    QCOMPARE(sim.counter(QStringLiteral("imports"), 2), 0);
}

QTEST_GUILESS_MAIN(TestRemoteClient)
#include "TestRemoteClient.moc"
