#pragma once

#include "core/crypto/SecretBytes.h"

#include <QString>

#include <optional>

class QWidget;

namespace certdesk::ui {

// Every modal question the application asks a person: file dialogs, confirmations, the store
// passphrase. The desktop uses QtDialogProvider; tests put in one that answers at once, so no
// test ever blocks on a dialog.
class DialogProvider
{
public:
    virtual ~DialogProvider() = default;

    // An empty string: the person cancelled.
    virtual QString openFile(QWidget* parent, const QString& title, const QString& filter) = 0;
    virtual QString saveFile(QWidget* parent, const QString& title, const QString& suggestedPath,
                             const QString& filter) = 0;
    virtual bool confirm(QWidget* parent, const QString& title, const QString& text) = 0;
    virtual void inform(QWidget* parent, const QString& title, const QString& text) = 0;
    // The store passphrase, when no keychain is available. std::nullopt: cancelled.
    virtual std::optional<crypto::SecretBytes> storePassphrase(QWidget* parent,
                                                               const QString& reason) = 0;

protected:
    DialogProvider() = default;
    DialogProvider(const DialogProvider&) = default;
    DialogProvider& operator=(const DialogProvider&) = default;
};

} // namespace certdesk::ui
