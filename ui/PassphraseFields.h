#pragma once

#include "core/Result.h"
#include "core/crypto/SecretBytes.h"

#include <QObject>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace certdesk::ui {

// "Passphrase for encryption" and, where a new file is written, "Re-enter Passphrase for
// encryption": 7 to 32 characters, both the same. Rows of a form.
class PassphraseFields : public QObject
{
    Q_OBJECT
public:
    PassphraseFields(QFormLayout* form, QWidget* owner, bool confirm,
                     const QString& label = QString());

    crypto::SecretBytes passphrase() const;
    bool isEmpty() const;
    void setEnabled(bool enabled);
    void clear();
    // An empty passphrase is a problem only when `required`.
    Status validate(bool required = true) const;

signals:
    void changed();

private:
    QLineEdit* m_first = nullptr;
    QLineEdit* m_second = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace certdesk::ui
