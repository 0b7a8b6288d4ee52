#pragma once

#include "ui/FileSource.h"

#include <QWidget>

class QTabWidget;

namespace certdesk::ui {

class CsrForm;
class DialogProvider;
class ImportServerCertificateForm;
class StoreController;

// Certificate Management → Server Certificates: Generate Certificate Signing Request (CSR),
// Import Server Certificate.
class ServerCertificatesPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { GenerateCsr, ImportServerCertificate };

    ServerCertificatesPage(StoreController* store, DialogProvider* dialogs,
                           QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    ImportServerCertificateForm* importForm() const { return m_import; }

signals:
    void entryCreated(const QString& name);

private:
    QTabWidget* m_tabs = nullptr;
    CsrForm* m_csr = nullptr;
    ImportServerCertificateForm* m_import = nullptr;
};

} // namespace certdesk::ui
