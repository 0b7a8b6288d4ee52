#pragma once

#include "ui/DialogProvider.h"

namespace certdesk::ui {

// The real dialogs: QFileDialog, QMessageBox, QInputDialog.
class QtDialogProvider : public DialogProvider
{
public:
    QString openFile(QWidget* parent, const QString& title, const QString& filter) override;
    QString saveFile(QWidget* parent, const QString& title, const QString& suggestedPath,
                     const QString& filter) override;
    bool confirm(QWidget* parent, const QString& title, const QString& text) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<crypto::SecretBytes> storePassphrase(QWidget* parent,
                                                       const QString& reason) override;
};

} // namespace certdesk::ui
