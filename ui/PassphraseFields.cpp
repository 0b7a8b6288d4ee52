#include "ui/PassphraseFields.h"

#include "core/crypto/Pkcs12Bundle.h"
#include "ui/FieldMarker.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace certdesk::ui {

PassphraseFields::PassphraseFields(QFormLayout* form, QWidget* owner, bool confirm,
                                   const QString& label)
    : QObject(owner)
{
    m_first = new QLineEdit(owner);
    m_first->setObjectName(QStringLiteral("passphraseEdit"));
    m_first->setEchoMode(QLineEdit::Password);
    m_first->setMaxLength(256);
    m_count = new QLabel(owner);
    m_count->setObjectName(QStringLiteral("passphraseCountLabel"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_first, 1);
    row->addWidget(m_count);
    form->addRow(label.isEmpty() ? tr("Passphrase for encryption:") : label, row);
    if (confirm) {
        m_second = new QLineEdit(owner);
        m_second->setObjectName(QStringLiteral("passphraseRepeatEdit"));
        m_second->setEchoMode(QLineEdit::Password);
        m_second->setMaxLength(256);
        form->addRow(tr("Re-enter Passphrase for encryption:"), m_second);
        connect(m_second, &QLineEdit::textChanged, this, &PassphraseFields::changed);
    }
    connect(m_first, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_count->setText(text.isEmpty() ? QString() : tr("%1 of 7–32").arg(text.size()));
        emit changed();
    });
}

crypto::SecretBytes PassphraseFields::passphrase() const
{
    return crypto::SecretBytes::fromUtf8(m_first->text());
}

bool PassphraseFields::isEmpty() const
{
    return m_first->text().isEmpty();
}

void PassphraseFields::setEnabled(bool enabled)
{
    m_first->setEnabled(enabled);
    if (m_second)
        m_second->setEnabled(enabled);
}

void PassphraseFields::clear()
{
    m_first->clear();
    if (m_second)
        m_second->clear();
}

Status PassphraseFields::validate(bool required) const
{
    if (!m_first->isEnabled() || (!required && isEmpty())) {
        FieldMarker::mark(m_first, QString());
        if (m_second)
            FieldMarker::mark(m_second, QString());
        return {};
    }
    if (isEmpty()) {
        FieldMarker::mark(m_first, QString());
        return Error::usage(tr("Enter a passphrase of 7 to 32 characters."));
    }
    if (Status s = crypto::checkPkcs12Passphrase(passphrase()); !s) {
        FieldMarker::mark(m_first, s.error().message);
        return s;
    }
    FieldMarker::mark(m_first, QString());
    if (m_second && m_second->text() != m_first->text()) {
        const QString problem = tr("The two passphrases differ. Type the same passphrase in "
                                   "\"Re-enter Passphrase for encryption\".");
        FieldMarker::mark(m_second, m_second->text().isEmpty() ? QString() : problem);
        return Error::usage(problem);
    }
    if (m_second)
        FieldMarker::mark(m_second, QString());
    return {};
}

} // namespace certdesk::ui
