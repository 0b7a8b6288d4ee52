#pragma once

#include "core/Result.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace certdesk::ui {

class ApplyBar;
class SignatureFields;
class StoreController;
class ValidityFields;

// "Update CA-Signed Server Certificate [X.509]": this CA issues a new certificate for the key
// of a stored server certificate or CSR (renewal, or answering one's own CSR), with the
// subject and names the entry already has; the entry then holds the new certificate.
class UpdateCaSignedWidget : public QWidget
{
    Q_OBJECT
public:
    explicit UpdateCaSignedWidget(StoreController* store, QWidget* parent = nullptr);

    void setIssuer(const QString& caName);
    Status validate() const;

private:
    void fillTargets();
    void refresh();
    void apply();

    StoreController* m_store = nullptr;
    QString m_issuer;
    QComboBox* m_target = nullptr;
    QLineEdit* m_serial = nullptr;
    SignatureFields* m_signature = nullptr;
    ValidityFields* m_validity = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
