#include "ui/TrustDialog.h"

#include "ui/SiteController.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace certdesk::ui {

namespace {
QLabel* valueLabel(const QString& text, const char* name, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}
} // namespace

TrustDialog::TrustDialog(const QString& where, const QSslCertificate& presented,
                         const QString& pinnedSha256, QWidget* parent)
    : QDialog(parent)
    , m_certificate(presented)
{
    setObjectName(QStringLiteral("trustDialog"));
    setWindowTitle(tr("Trust Certificate"));
    const SiteController::CertificateSummary summary = SiteController::summarize(presented);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("%1 presents this certificate. Compare the SHA-256 fingerprint "
                                "with the one the system itself shows (Admin Portal: View "
                                "Certificate) before you trust it.")
                                 .arg(where),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("Subject:"), valueLabel(summary.subject, "trustSubject", this));
    form->addRow(tr("Issuer:"), valueLabel(summary.issuer, "trustIssuer", this));
    form->addRow(tr("Valid:"),
                 valueLabel(tr("%1 to %2 (GMT)").arg(summary.notBefore, summary.notAfter),
                            "trustValidity", this));
    m_fingerprint = valueLabel(summary.sha256, "trustFingerprint", this);
    QFont mono = m_fingerprint->font();
    mono.setFamily(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_fingerprint->setFont(mono);
    form->addRow(tr("SHA-256:"), m_fingerprint);
    layout->addLayout(form);
    if (!pinnedSha256.isEmpty() && pinnedSha256 != summary.sha256) {
        auto* note = valueLabel(tr("Until now the site was trusted with a different certificate "
                                   "(SHA-256 %1). Trusting replaces it.")
                                    .arg(pinnedSha256),
                                "trustReplaces", this);
        note->setStyleSheet(QStringLiteral("color: #b71c1c"));
        layout->addWidget(note);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* trust = buttons->addButton(tr("Trust"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustConfirm"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("trustCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true); // trusting is deliberate
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString TrustDialog::fingerprint() const
{
    return m_fingerprint->text();
}

} // namespace certdesk::ui
