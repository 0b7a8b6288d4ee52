#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site import FILE: adds the sites of an inventory (CSV or JSON, as site export writes it) to
// the registry; with --password-file one shared credential is put in the keychain for each.
class SiteImportCommand : public CliCommand
{
public:
    SiteImportCommand();
    QString name() const override { return QStringLiteral("site import"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("FILE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_passwordFile;
    QCommandLineOption m_credential;
    QCommandLineOption m_update;
    QCommandLineOption m_tag;
};

} // namespace certdesk::cli
