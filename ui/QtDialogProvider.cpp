#include "ui/QtDialogProvider.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

namespace certdesk::ui {

QString QtDialogProvider::openFile(QWidget* parent, const QString& title, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString QtDialogProvider::saveFile(QWidget* parent, const QString& title,
                                   const QString& suggestedPath, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, title, suggestedPath, filter);
}

bool QtDialogProvider::confirm(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

void QtDialogProvider::inform(QWidget* parent, const QString& title, const QString& text)
{
    QMessageBox::information(parent, title, text);
}

std::optional<crypto::SecretBytes> QtDialogProvider::storePassphrase(QWidget* parent,
                                                                     const QString& reason)
{
    bool ok = false;
    QString text = QInputDialog::getText(
        parent, QCoreApplication::translate("QtDialogProvider", "Store Passphrase"),
        reason + QStringLiteral("\n\n") +
            QCoreApplication::translate("QtDialogProvider", "Store passphrase:"),
        QLineEdit::Password, QString(), &ok);
    if (!ok || text.isEmpty())
        return std::nullopt;
    crypto::SecretBytes secret = crypto::SecretBytes::fromUtf8(text);
    text.fill(QLatin1Char('\0'));
    return secret;
}

} // namespace certdesk::ui
