#pragma once

#include "app/cli/CliCommand.h"
#include "app/cli/PassphraseOption.h"

namespace certdesk::cli {

// "Import Server Certificate": a PKCS#12 file, or a PEM certificate and its key, with the
// passphrase that opens them, under a new name in the store.
class StoreImportCommand : public CliCommand
{
public:
    StoreImportCommand();
    QString name() const override { return QStringLiteral("store import"); }
    QString summary() const override;

protected:
    void addOptions(QCommandLineParser& parser) override;
    Status execute(const QCommandLineParser& parser) override;

private:
    QCommandLineOption m_name;
    QCommandLineOption m_p12;
    QCommandLineOption m_cert;
    QCommandLineOption m_key;
    QCommandLineOption m_fingerprintOnly;
    QCommandLineOption m_notes;
    PassphraseOption m_passphrase;
};

} // namespace certdesk::cli
