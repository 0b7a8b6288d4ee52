#pragma once

#include "ui/DialogProvider.h"

#include <QStringList>

// Answers every dialog at once, as the test says, and records what was asked.
class FakeDialogProvider : public certdesk::ui::DialogProvider
{
public:
    QString openFile(QWidget* parent, const QString& title, const QString& filter) override;
    QString saveFile(QWidget* parent, const QString& title, const QString& suggestedPath,
                     const QString& filter) override;
    bool confirm(QWidget* parent, const QString& title, const QString& text) override;
    void inform(QWidget* parent, const QString& title, const QString& text) override;
    std::optional<certdesk::crypto::SecretBytes> storePassphrase(QWidget* parent,
                                                                 const QString& reason) override;

    QStringList openAnswers; // taken from the front; empty: cancelled
    QStringList saveAnswers; // taken from the front; empty: cancelled
    bool confirmAnswer = true;
    QStringList suggestedPaths;
    QStringList confirmations;
    QStringList informations;
};
