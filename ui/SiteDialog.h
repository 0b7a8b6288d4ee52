#pragma once

#include "core/crypto/SecretBytes.h"
#include "core/remote/SharedCredential.h"
#include "core/remote/Site.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace certdesk::ui {

// Add or edit a site: name, host, port, an optional UC Booster Server port, the Admin Portal
// user and its password (which goes to the keychain, never to the sites file) - or one of the
// shared credentials (certdesk-cli credential add), whose user and password a group of sites
// share. When editing, the name is fixed and an empty password keeps the one in the keychain.
class SiteDialog : public QDialog
{
    Q_OBJECT
public:
    // `existing`: edit that site; none: add a new one.
    SiteDialog(const std::optional<remote::Site>& existing,
               QList<remote::SharedCredential> credentials, QWidget* parent = nullptr);

    bool isNew() const { return !m_existing.has_value(); }
    // The site as entered (pins and the PKCS#12 form of an edited site kept).
    remote::Site site() const;
    // none: keep the stored password (editing with an empty field).
    std::optional<crypto::SecretBytes> password() const;

    // Shows why saving failed; the dialog stays open.
    void showError(const QString& message);

signals:
    // OK was pressed with valid fields: the caller saves, then accept()s or showError()s.
    void submitted();

private:
    void validate();
    QString chosenCredential() const;

    std::optional<remote::Site> m_existing;
    QList<remote::SharedCredential> m_credentials;
    QComboBox* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QCheckBox* m_hasBooster = nullptr;
    QSpinBox* m_boosterPort = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace certdesk::ui
