#include "FakeDialogProvider.h"

QString FakeDialogProvider::openFile(QWidget*, const QString&, const QString&)
{
    return openAnswers.isEmpty() ? QString() : openAnswers.takeFirst();
}

QString FakeDialogProvider::saveFile(QWidget*, const QString&, const QString& suggestedPath,
                                     const QString&)
{
    suggestedPaths << suggestedPath;
    return saveAnswers.isEmpty() ? QString() : saveAnswers.takeFirst();
}

bool FakeDialogProvider::confirm(QWidget*, const QString&, const QString& text)
{
    confirmations << text;
    return confirmAnswer;
}

void FakeDialogProvider::inform(QWidget*, const QString&, const QString& text)
{
    informations << text;
}

std::optional<certdesk::crypto::SecretBytes> FakeDialogProvider::storePassphrase(QWidget*,
                                                                                 const QString&)
{
    return certdesk::crypto::SecretBytes::fromUtf8(QStringLiteral("gui test store passphrase"));
}
