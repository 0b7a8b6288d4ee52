// certdesk-bench-fill-store ROOT COUNT: fills a certificate store with COUNT entries for
// tests/bench/gui-startup.sh, quickly: one EC key signs everything and no private key is
// stored (listing, which is what start-up does, never opens one). Mix: 5% CA certificates,
// 10% CSRs, the rest CA-signed server certificates expiring between 30 days ago and a year ahead.
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CsrBuilder.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/CertificateStore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace certdesk;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3 || args[2].toInt() <= 0) {
        std::fprintf(stderr, "usage: certdesk-bench-fill-store ROOT COUNT\n");
        return 2;
    }
    const int count = args[2].toInt();
    auto target = store::CertificateStore::open(args[1]);
    if (!target) {
        std::fprintf(stderr, "%s\n", qPrintable(target.error().message));
        return 1;
    }
    auto key = crypto::PrivateKey::generate(crypto::KeyAlgorithm::EcP256);
    if (!key)
        return 1;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    crypto::Certificate ca;
    for (int i = target->entries().size(); i < count; ++i) {
        const QString name = QStringLiteral("bench-%1").arg(i, 4, 10, QLatin1Char('0'));
        store::EntryMaterial material;
        store::EntryType type = store::EntryType::CaSigned;
        if (i % 20 == 0 || ca.isNull()) {
            crypto::CertificateSpec spec;
            spec.profile = crypto::CertificateSpec::Profile::CertificateAuthority;
            spec.subject.organization = QStringLiteral("Bench Co");
            spec.subject.commonName = QStringLiteral("Bench CA %1").arg(i);
            spec.notBefore = now.addDays(-10);
            spec.notAfter = now.addYears(10);
            ca = crypto::CertificateBuilder(spec).selfSign(*key).value();
            material.certificate = ca;
            type = store::EntryType::CaCertificate;
        } else if (i % 10 == 1) {
            crypto::CsrSpec spec;
            spec.subject.commonName = name + QStringLiteral(".example.com");
            material.request = crypto::CsrBuilder(spec).build(*key).value();
            type = store::EntryType::CertificateRequest;
        } else {
            crypto::CertificateSpec spec;
            spec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
            spec.subject.commonName = name + QStringLiteral(".example.com");
            spec.subjectAltNames = {
                crypto::GeneralName{crypto::GeneralName::Kind::Dns, spec.subject.commonName}};
            spec.notAfter = now.addDays(-30 + (i * 37) % 400);
            spec.notBefore = spec.notAfter.addDays(-365);
            material.certificate =
                crypto::CertificateBuilder(spec).issue(key->publicKey(), ca, *key).value();
            material.chain = {ca};
        }
        auto entry = target->add(name, type, material);
        if (!entry) {
            std::fprintf(stderr, "%s\n", qPrintable(entry.error().message));
            return 1;
        }
    }
    std::printf("%lld entries in %s\n", static_cast<long long>(target->entries().size()),
                qPrintable(target->root()));
    return 0;
}
