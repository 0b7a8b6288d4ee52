#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace certdesk::ui {

class SiteController;

// Shared credentials: one Admin Portal login for a group of sites, entered once. Lists them
// with their users and how many sites use each; adds one, changes its user or password, removes
// one no site uses. Passwords go to the keychain through SiteController, never to a file.
class CredentialsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CredentialsDialog(SiteController* sites, QWidget* parent = nullptr);

private:
    void reload();
    void select();
    void validate();
    void save();
    void remove();
    void setBusy(bool busy);
    void showMessage(const QString& text, bool error);
    bool isExisting() const;

    SiteController* m_sites = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_new = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_message = nullptr;
    bool m_busy = false;
};

} // namespace certdesk::ui
