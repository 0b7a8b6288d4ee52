#include "ui/SiteDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace certdesk::ui {

SiteDialog::SiteDialog(const std::optional<remote::Site>& existing,
                       QList<remote::SharedCredential> credentials, QWidget* parent)
    : QDialog(parent)
    , m_existing(existing)
    , m_credentials(std::move(credentials))
{
    setObjectName(QStringLiteral("siteDialog"));
    setWindowTitle(isNew() ? tr("Add Site") : tr("Edit Site"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("siteName"));
    m_name->setPlaceholderText(tr("letters, digits, '-', '_', '.'"));
    form->addRow(tr("Name:"), m_name);
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("siteHost"));
    m_host->setPlaceholderText(tr("host name or IP address of the telephony server"));
    form->addRow(tr("Host:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("sitePort"));
    m_port->setRange(1, 65535);
    m_port->setValue(443);
    form->addRow(tr("Port:"), m_port);
    auto* booster = new QHBoxLayout;
    m_hasBooster = new QCheckBox(tr("OpenScape Business UC Booster Server on port"), this);
    m_hasBooster->setObjectName(QStringLiteral("siteHasBooster"));
    m_boosterPort = new QSpinBox(this);
    m_boosterPort->setObjectName(QStringLiteral("siteBoosterPort"));
    m_boosterPort->setRange(1, 65535);
    m_boosterPort->setValue(443);
    m_boosterPort->setEnabled(false);
    booster->addWidget(m_hasBooster);
    booster->addWidget(m_boosterPort, 1);
    form->addRow(tr("Booster:"), booster);
    // Own login, or a shared credential by name (its user fills the User field).
    m_login = new QComboBox(this);
    m_login->setObjectName(QStringLiteral("siteLogin"));
    m_login->addItem(tr("Own user and password"), QString());
    for (const remote::SharedCredential& c : m_credentials)
        m_login->addItem(tr("Shared credential \"%1\" (%2)").arg(c.name, c.user), c.name);
    m_login->setEnabled(!m_credentials.isEmpty());
    m_login->setToolTip(m_credentials.isEmpty()
                            ? tr("No shared credentials yet: certdesk-cli credential add NAME "
                                 "--user USER --password-file FILE")
                            : QString());
    form->addRow(tr("Login:"), m_login);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("siteUser"));
    m_user->setPlaceholderText(tr("administrator (\"@system\" is added when missing)"));
    form->addRow(tr("User:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sitePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(isNew() ? tr("kept in the keychain only")
                                           : tr("empty: keep the stored password"));
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("siteDialogError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b71c1c"));
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("siteDialogButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("siteDialogOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isNew() ? tr("Add") : tr("Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SiteDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_existing) {
        m_name->setText(m_existing->name);
        m_name->setReadOnly(true);
        m_host->setText(m_existing->host);
        m_port->setValue(m_existing->port);
        m_hasBooster->setChecked(m_existing->hasBooster());
        if (m_existing->boosterPort)
            m_boosterPort->setValue(*m_existing->boosterPort);
        m_user->setText(m_existing->user);
        const int index = m_login->findData(m_existing->credential);
        if (index >= 0)
            m_login->setCurrentIndex(index);
    }
    const auto applyLogin = [this] {
        const bool shared = !chosenCredential().isEmpty();
        m_user->setEnabled(!shared);
        m_password->setEnabled(!shared);
        if (shared) {
            for (const remote::SharedCredential& c : m_credentials) {
                if (c.name == chosenCredential())
                    m_user->setText(c.user);
            }
            m_password->clear();
        }
        validate();
    };
    connect(m_login, &QComboBox::currentIndexChanged, this, applyLogin);
    connect(m_hasBooster, &QCheckBox::toggled, m_boosterPort, &QWidget::setEnabled);
    m_boosterPort->setEnabled(m_hasBooster->isChecked());
    for (QLineEdit* edit : {m_name, m_host, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SiteDialog::validate);
    connect(m_hasBooster, &QCheckBox::toggled, this, &SiteDialog::validate);
    applyLogin();
}

QString SiteDialog::chosenCredential() const
{
    return m_login->currentData().toString();
}

remote::Site SiteDialog::site() const
{
    remote::Site site = m_existing.value_or(remote::Site());
    site.name = m_name->text().trimmed();
    site.host = m_host->text().trimmed();
    site.port = static_cast<quint16>(m_port->value());
    if (m_hasBooster->isChecked())
        site.boosterPort = static_cast<quint16>(m_boosterPort->value());
    else
        site.boosterPort.reset();
    site.user = m_user->text().trimmed();
    site.credential = chosenCredential();
    return site;
}

std::optional<crypto::SecretBytes> SiteDialog::password() const
{
    if (!chosenCredential().isEmpty() || m_password->text().isEmpty())
        return std::nullopt;
    QByteArray bytes = m_password->text().toUtf8();
    crypto::SecretBytes secret(bytes);
    bytes.fill('\0');
    return secret;
}

void SiteDialog::showError(const QString& message)
{
    m_error->setText(message);
}

void SiteDialog::validate()
{
    QString problem;
    if (Status s = site().validate(); !s)
        problem = s.error().message;
    else if (chosenCredential().isEmpty() && m_password->text().isEmpty() &&
             (isNew() || !m_existing->credential.isEmpty()))
        problem = tr("Enter the user's password: it is kept in the keychain.");
    // Only complaints about what was typed, not about fields still empty.
    const bool started = !m_name->text().isEmpty() || !m_host->text().isEmpty();
    m_error->setText(started ? problem : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace certdesk::ui
