#pragma once

#include "core/Result.h"

#include <QWidget>

class QLineEdit;

namespace certdesk::ui {

class ApplyBar;
class SanEditor;
class SignatureFields;
class StoreController;
class SubjectFields;

// "Generate Certificate Signing Request (CSR)": a new RSA 2048 key and its request, kept in the
// store under the Certificate Request Name (listed under Server Certificates) until the CA's
// answer is imported. The .csr file for the CA comes from Export Certificate / CSR.
class CsrForm : public QWidget
{
    Q_OBJECT
public:
    CsrForm(StoreController* store, QWidget* parent = nullptr);
    Status validate() const;

signals:
    void entryCreated(const QString& name);

private:
    void refresh();
    void apply();

    StoreController* m_store = nullptr;
    QLineEdit* m_name = nullptr;
    SignatureFields* m_signature = nullptr;
    SubjectFields* m_subject = nullptr;
    SanEditor* m_san = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
