#pragma once

#include "app/cli/CliCommand.h"

namespace certdesk::cli {

// store list: the entries of the local store, as the Admin Portal's two lists.
class StoreListCommand : public CliCommand
{
public:
    StoreListCommand();
    QString name() const override { return QStringLiteral("store list"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_json;
};

} // namespace certdesk::cli
