#include "app/cli/SiteTrustCommand.h"

#include "app/cli/RemoteSupport.h"
#include "core/remote/AdminPortalProtocol.h"
#include "core/remote/Fingerprint.h"

#include <QCoreApplication>

#include <cstdio>
#include <string>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteTrustCommand", text);
}

QString readAnswer()
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    return QString::fromStdString(line).trimmed().toLower();
}
} // namespace

SiteTrustCommand::SiteTrustCommand()
    : m_system(
          QStringLiteral("system"),
          tr("Which listener: telephony (the Admin Portal; default) or booster (the UC Booster "
             "Server)."),
          QStringLiteral("SYSTEM"), QStringLiteral("telephony"))
    , m_fingerprint(
          QStringLiteral("fingerprint"),
          tr("Trust only if the presented certificate has this SHA-256 fingerprint (as the "
             "system shows it); needed when not run at a terminal."),
          QStringLiteral("SHA256"))
    , m_publicKey(QStringLiteral("public-key"),
                  tr("Also pin the certificate's public key: a certificate re-issued for the same "
                     "key is then accepted too."))
    , m_timeout(RemoteSupport::timeoutOption())
    , m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString SiteTrustCommand::summary() const
{
    return tr("Trust on first use: show the certificate a site presents and pin its SHA-256 "
              "fingerprint (asks at a terminal, or --fingerprint).");
}

void SiteTrustCommand::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("SITE"), tr("The site to trust."));
    parser.addOptions({m_system, m_fingerprint, m_publicKey, m_timeout, m_json});
}

Status SiteTrustCommand::execute(const QCommandLineParser& parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::usage(tr("Expected: certdesk-cli site trust SITE [--fingerprint SHA256]"));
    const QString system = parser.value(m_system);
    if (!remote::Site::isSystem(system))
        return Error::usage(tr("--system is telephony or booster."));
    auto timeout = RemoteSupport::timeout(parser, m_timeout);
    if (!timeout)
        return timeout.error();
    std::optional<QByteArray> expected;
    if (parser.isSet(m_fingerprint)) {
        auto parsed = remote::Fingerprint::parse(parser.value(m_fingerprint));
        if (!parsed)
            return parsed.error();
        expected = *parsed;
    }
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    auto site = registry->require(args.first());
    if (!site)
        return site.error();
    const bool booster = system == remote::AdminPortalProtocol::boosterSystem();
    if (booster && !site->hasBooster())
        return Error::usage(tr("The site \"%1\" has no UC Booster Server.").arg(site->name));

    const QString host = site->hostFor(system);
    const quint16 port = site->portFor(system);
    const remote::ProbeResult probe = RemoteSupport::probe(host, port, *timeout);
    if (!probe.reached())
        return Error::failure(probe.failure
                                  ? probe.failure->message
                                  : tr("%1:%2 presented no certificate.").arg(host).arg(port));
    const QSslCertificate leaf = probe.leaf();
    const QByteArray presented = remote::Fingerprint::ofCertificate(leaf);
    const QString presentedText = remote::Fingerprint::format(presented);
    const bool json = parser.isSet(m_json);
    // The details go where a person reads them: stdout normally, stderr beside JSON.
    const auto show = [json](const QString& line) {
        json ? warn(line) : out(line);
    };

    show(tr("%1 (%2:%3) presents:")
             .arg(booster ? tr("UC Booster Server") : tr("Telephony server"), host)
             .arg(port));
    for (const QString& line : RemoteSupport::describe(leaf))
        show(line);
    const remote::CertificatePin& current = site->pinFor(system);
    if (!current.isNull() && !current.matches(leaf))
        show(tr("Note: the site was trusted with a different certificate until now (SHA-256 %1).")
                 .arg(current.certificateFingerprint()));

    if (expected) {
        if (*expected != presented)
            return Error::failure(
                tr("Not trusted: the presented certificate is not the one you gave.\n"
                   "  presented SHA-256: %1\n  given SHA-256:     %2\n"
                   "Check the fingerprint on the system itself; someone may be "
                   "intercepting the connection.")
                    .arg(presentedText, remote::Fingerprint::format(*expected)));
    } else if (RemoteSupport::isInteractive()) {
        std::fputs(
            tr("Compare the SHA-256 fingerprint with the one the system shows (Admin Portal: "
               "View Certificate, or the system's console). Trust it? [yes/no] ")
                .toUtf8()
                .constData(),
            stderr);
        std::fflush(stderr);
        const QString answer = readAnswer();
        if (answer != QLatin1String("yes") && answer != QLatin1String("y"))
            return Error::failure(tr("Not trusted: nothing changed."));
    } else {
        return Error::usage(
            tr("Not run at a terminal, so nobody can confirm the fingerprint. Check it "
               "on the system and give it with --fingerprint SHA256 (presented: %1).")
                .arg(presentedText));
    }

    site->pinFor(system) = remote::CertificatePin::of(leaf, parser.isSet(m_publicKey));
    site->pendingPinFor(system) = remote::CertificatePin();
    if (Status s = registry->update(*site); !s)
        return s;
    if (json) {
        QJsonObject o = RemoteSupport::describeJson(leaf);
        o.insert(QStringLiteral("site"), site->name);
        o.insert(QStringLiteral("system"), system);
        o.insert(QStringLiteral("trusted"), true);
        o.insert(QStringLiteral("publicKeyPinned"), parser.isSet(m_publicKey));
        out(RemoteSupport::printJson(o));
    } else {
        out(tr("Trusted: %1 of site \"%2\" must present SHA-256 %3 from now on.")
                .arg(booster ? tr("the UC Booster Server") : tr("the telephony server"), site->name,
                     presentedText));
    }
    return {};
}

} // namespace certdesk::cli
