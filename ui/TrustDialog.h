#pragma once

#include <QDialog>
#include <QSslCertificate>
#include <QString>

class QLabel;

namespace certdesk::ui {

// Trust on first use: what a site's listener presented - subject, issuer, validity (GMT) and
// the SHA-256 fingerprint - for the technician to compare with what the system itself shows,
// before CertDesk pins it. Accepting means "pin this certificate".
class TrustDialog : public QDialog
{
    Q_OBJECT
public:
    // `where`: "Telephony server 10.0.0.1:443"; `pinnedSha256`: the current pin, if any, which
    // the dialog shows as about to be replaced.
    TrustDialog(const QString& where, const QSslCertificate& presented, const QString& pinnedSha256,
                QWidget* parent = nullptr);

    QSslCertificate certificate() const { return m_certificate; }
    QString fingerprint() const; // "AB:CD:…" as shown

private:
    QSslCertificate m_certificate;
    QLabel* m_fingerprint = nullptr;
};

} // namespace certdesk::ui
