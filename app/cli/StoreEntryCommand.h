#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/KeyOptions.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// The store verbs that act on one named entry: show, delete, rename, export, import-signed.
class StoreEntryCommand : public CliCommand
{
public:
    enum class Action { Show, Delete, Rename, Export, ImportSigned };

    explicit StoreEntryCommand(Action action);
    QString name() const override;
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    QString positionalSyntax() const override;
    Status execute(const QCommandLineParser& parser) override;

private:
    Status show(const QString& entry, const QCommandLineParser& parser);
    Status exportEntry(const QString& entry, const QCommandLineParser& parser);
    Status importSigned(const QString& entry, const QString& file);

    Action m_action;
    QCommandLineOption m_json;
    QCommandLineOption m_out;
    QCommandLineOption m_format;
    QCommandLineOption m_keyOut;
    QCommandLineOption m_noEncrypt;
    QCommandLineOption m_force;
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
