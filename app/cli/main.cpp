// certdesk-cli: the command-line twin of CertDesk. Wiring only: each verb is a CliCommand.

#include "app/cli/ActivateCommand.h"
#include "app/cli/BulkActivateCommand.h"
#include "app/cli/BulkPreflightCommand.h"
#include "app/cli/CheckCommand.h"
#include "app/cli/CliCommand.h"
#include "app/cli/ConvertCommand.h"
#include "app/cli/CredentialAddCommand.h"
#include "app/cli/CredentialListCommand.h"
#include "app/cli/CredentialRemoveCommand.h"
#include "app/cli/CsrCommand.h"
#include "app/cli/FingerprintCommand.h"
#include "app/cli/GenerateCertificateCommand.h"
#include "app/cli/IssueCommand.h"
#include "app/cli/MatchCommand.h"
#include "app/cli/RemoteListCommand.h"
#include "app/cli/ShowCommand.h"
#include "app/cli/SiteAddCommand.h"
#include "app/cli/SiteEditCommand.h"
#include "app/cli/SiteExportCommand.h"
#include "app/cli/SiteImportCommand.h"
#include "app/cli/SiteListCommand.h"
#include "app/cli/SiteRemoveCommand.h"
#include "app/cli/SiteTestCommand.h"
#include "app/cli/SiteTrustCommand.h"
#include "app/cli/StoreEntryCommand.h"
#include "app/cli/StoreImportCommand.h"
#include "app/cli/StoreListCommand.h"
#include "app/cli/UploadCommand.h"
#include "core/crypto/CryptoVersion.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>
#include <vector>

using namespace certdesk;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("certdesk-cli", text);
}

void printUsage(const std::vector<std::unique_ptr<cli::CliCommand>>& commands, FILE* stream)
{
    QString text = tr("Usage: certdesk-cli VERB [options]\n\n"
                      "Make, inspect and convert the TLS certificates of OpenScape Business "
                      "systems, offline.\n\nVerbs:\n");
    for (const auto& c : commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name(), -19).arg(c->summary());
    text += tr("\nRun 'certdesk-cli VERB --help' for a verb's options. Passphrases are read from "
               "files (--passphrase-file FILE, '-' for standard input) or environment variables "
               "(--passphrase-env VAR), never from the command line.\n");
    std::fputs(text.toUtf8().constData(), stream);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("certdesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CERTDESK_VERSION));
    // Libraries' debug chatter (QtKeychain logs every lookup) is not for the technician.
    if (!qEnvironmentVariableIsSet("CERTDESK_DEBUG"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));

    std::vector<std::unique_ptr<cli::CliCommand>> commands;
    commands.push_back(std::make_unique<cli::CsrCommand>());
    commands.push_back(std::make_unique<cli::GenerateCertificateCommand>(
        crypto::CertificateSpec::Profile::SelfSignedServer));
    commands.push_back(std::make_unique<cli::GenerateCertificateCommand>(
        crypto::CertificateSpec::Profile::CertificateAuthority));
    commands.push_back(std::make_unique<cli::IssueCommand>());
    commands.push_back(std::make_unique<cli::ShowCommand>());
    commands.push_back(std::make_unique<cli::ConvertCommand>());
    commands.push_back(std::make_unique<cli::MatchCommand>());
    commands.push_back(std::make_unique<cli::FingerprintCommand>());
    commands.push_back(std::make_unique<cli::CheckCommand>());
    commands.push_back(std::make_unique<cli::StoreListCommand>());
    commands.push_back(
        std::make_unique<cli::StoreEntryCommand>(cli::StoreEntryCommand::Action::Show));
    commands.push_back(std::make_unique<cli::StoreImportCommand>());
    commands.push_back(
        std::make_unique<cli::StoreEntryCommand>(cli::StoreEntryCommand::Action::ImportSigned));
    commands.push_back(
        std::make_unique<cli::StoreEntryCommand>(cli::StoreEntryCommand::Action::Export));
    commands.push_back(
        std::make_unique<cli::StoreEntryCommand>(cli::StoreEntryCommand::Action::Rename));
    commands.push_back(
        std::make_unique<cli::StoreEntryCommand>(cli::StoreEntryCommand::Action::Delete));
    commands.push_back(std::make_unique<cli::SiteAddCommand>());
    commands.push_back(std::make_unique<cli::SiteListCommand>());
    commands.push_back(std::make_unique<cli::SiteEditCommand>());
    commands.push_back(std::make_unique<cli::SiteRemoveCommand>());
    commands.push_back(std::make_unique<cli::SiteTrustCommand>());
    commands.push_back(std::make_unique<cli::SiteTestCommand>());
    commands.push_back(std::make_unique<cli::UploadCommand>());
    commands.push_back(std::make_unique<cli::ActivateCommand>());
    commands.push_back(std::make_unique<cli::RemoteListCommand>());
    commands.push_back(std::make_unique<cli::SiteImportCommand>());
    commands.push_back(std::make_unique<cli::SiteExportCommand>());
    commands.push_back(std::make_unique<cli::CredentialAddCommand>());
    commands.push_back(std::make_unique<cli::CredentialListCommand>());
    commands.push_back(std::make_unique<cli::CredentialRemoveCommand>());
    commands.push_back(std::make_unique<cli::BulkPreflightCommand>());
    commands.push_back(std::make_unique<cli::BulkActivateCommand>());

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(commands, stderr);
        return cli::ExitUsage;
    }
    QString verb = args.takeFirst();
    // Two-word verbs: "store list", "store export", "site add", "remote list" …
    const bool twoWords = verb == QLatin1String("store") || verb == QLatin1String("site") ||
                          verb == QLatin1String("remote") || verb == QLatin1String("bulk") ||
                          verb == QLatin1String("credential");
    if (twoWords && !args.isEmpty() && !args.first().startsWith(QLatin1Char('-')))
        verb += QLatin1Char(' ') + args.takeFirst();
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h") ||
        verb == QLatin1String("help")) {
        printUsage(commands, stdout);
        return cli::ExitOk;
    }
    if (verb == QLatin1String("--version")) {
        std::printf("certdesk-cli %s (Qt %s, %s)\n", CERTDESK_VERSION, qVersion(),
                    crypto::openSslVersion().toUtf8().constData());
        return cli::ExitOk;
    }
    for (const auto& c : commands) {
        if (c->name() == verb)
            return c->run(args);
    }
    std::fputs(tr("certdesk-cli: unknown verb '%1'. Run 'certdesk-cli --help' for the list.\n")
                   .arg(verb)
                   .toUtf8()
                   .constData(),
               stderr);
    return cli::ExitUsage;
}
