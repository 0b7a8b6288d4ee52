#include "ui/CredentialsDialog.h"

#include "core/crypto/SecretBytes.h"
#include "core/remote/SharedCredential.h"
#include "ui/SiteController.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdesk::ui {

CredentialsDialog::CredentialsDialog(SiteController* sites, QWidget* parent)
    : QDialog(parent)
    , m_sites(sites)
{
    setObjectName(QStringLiteral("credentialsDialog"));
    setWindowTitle(tr("Shared Credentials"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("One Admin Portal login for a group of sites: the password is "
                                "entered once and kept in the keychain; each site refers to it "
                                "by name (Login in the site's settings)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("credentialList"));
    layout->addWidget(m_list, 1);

    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("credentialName"));
    m_name->setPlaceholderText(tr("letters, digits, '-', '_', '.'"));
    form->addRow(tr("Name:"), m_name);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("credentialUser"));
    m_user->setPlaceholderText(tr("administrator (\"@system\" is added when missing)"));
    form->addRow(tr("User:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("credentialPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("New"), this);
    m_new->setObjectName(QStringLiteral("credentialNew"));
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("credentialSave"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("credentialRemove"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("credentialMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &CredentialsDialog::select);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        select();
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &CredentialsDialog::save);
    connect(m_remove, &QPushButton::clicked, this, &CredentialsDialog::remove);
    for (QLineEdit* edit : {m_name, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &CredentialsDialog::validate);
    reload();
    select();
}

bool CredentialsDialog::isExisting() const
{
    return m_list->currentRow() >= 0;
}

void CredentialsDialog::reload()
{
    const QString current = isExisting() ? m_list->currentItem()->data(Qt::UserRole).toString()
                                         : m_name->text().trimmed();
    const QList<remote::Site> sites = m_sites->sites();
    QSignalBlocker block(m_list);
    m_list->clear();
    for (const remote::SharedCredential& c : m_sites->credentials()) {
        int users = 0;
        for (const remote::Site& s : sites)
            users += s.credential == c.name ? 1 : 0;
        auto* item = new QListWidgetItem(
            tr("%1 — user %2, used by %3 sites").arg(c.name, c.user).arg(users), m_list);
        item->setData(Qt::UserRole, c.name);
        item->setData(Qt::UserRole + 1, c.user);
        if (c.name == current)
            m_list->setCurrentItem(item);
    }
}

void CredentialsDialog::select()
{
    QListWidgetItem* item = m_list->currentItem();
    m_name->setText(item ? item->data(Qt::UserRole).toString() : QString());
    m_name->setReadOnly(item != nullptr);
    m_user->setText(item ? item->data(Qt::UserRole + 1).toString() : QString());
    m_password->clear();
    m_password->setPlaceholderText(item ? tr("empty: keep the stored password")
                                        : tr("kept in the keychain only"));
    m_save->setText(item ? tr("Save Changes") : tr("Add"));
    validate();
}

void CredentialsDialog::validate()
{
    QString problem;
    const remote::SharedCredential credential{m_name->text().trimmed(), m_user->text().trimmed()};
    if (Status s = credential.validate(); !s)
        problem = s.error().message;
    else if (!isExisting() && m_password->text().isEmpty())
        problem = tr("Enter the password: it is kept in the keychain.");
    m_save->setEnabled(!m_busy && problem.isEmpty());
    m_remove->setEnabled(!m_busy && isExisting());
    const bool started = !m_name->text().isEmpty() || !m_user->text().isEmpty();
    if (!m_busy)
        showMessage(started ? problem : QString(), true);
}

void CredentialsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_list->setEnabled(!busy);
    m_new->setEnabled(!busy);
    validate();
}

void CredentialsDialog::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b71c1c") : QString());
}

void CredentialsDialog::save()
{
    const remote::SharedCredential credential{m_name->text().trimmed(), m_user->text().trimmed()};
    std::optional<crypto::SecretBytes> password;
    if (!m_password->text().isEmpty()) {
        QByteArray bytes = m_password->text().toUtf8();
        password = crypto::SecretBytes(bytes);
        bytes.fill('\0');
    }
    const bool isNew = !isExisting();
    setBusy(true);
    m_sites->saveCredential(credential, std::move(password), isNew, this,
                            [this, credential, isNew](Status saved) {
                                setBusy(false);
                                if (!saved)
                                    return showMessage(saved.error().message, true);
                                m_name->setText(credential.name);
                                m_list->setCurrentRow(-1);
                                reload();
                                select();
                                showMessage(isNew ? tr("Added \"%1\".").arg(credential.name)
                                                  : tr("Saved \"%1\".").arg(credential.name),
                                            false);
                            });
}

void CredentialsDialog::remove()
{
    if (!isExisting())
        return;
    const QString name = m_list->currentItem()->data(Qt::UserRole).toString();
    setBusy(true);
    m_sites->removeCredential(name, this, [this, name](Status removed) {
        setBusy(false);
        if (!removed)
            return showMessage(removed.error().message, true);
        m_list->setCurrentRow(-1);
        reload();
        select();
        showMessage(tr("Removed \"%1\".").arg(name), false);
    });
}

} // namespace certdesk::ui
