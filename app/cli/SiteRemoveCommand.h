#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// site remove: forgets a site and deletes its password from the keychain.
class SiteRemoveCommand : public CliCommand
{
public:
    SiteRemoveCommand();
    QString name() const override { return QStringLiteral("site remove"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override { return QStringLiteral("SITE"); }
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
