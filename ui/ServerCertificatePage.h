#pragma once

#include "ui/FileSource.h"

#include <QWidget>

class QTabWidget;

namespace certdesk::ui {

class ActivateCertificateWidget;
class DeleteCertificateWidget;
class DialogProvider;
class ExportCertificateWidget;
class ImportSignedWidget;
class SiteController;
class PageHeader;
class StoreController;
class ViewCertificateWidget;

// A server certificate or CSR under Server Certificates: View Certificate, Delete Certificate,
// Export Certificate / CSR [X.509], Import Updated Certificate / Certificate for CSR [X.509],
// Activate Certificate (disabled until setSites()). One page serves every entry.
class ServerCertificatePage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { View, Delete, Export, ImportSigned, Activate };

    ServerCertificatePage(StoreController* store, DialogProvider* dialogs,
                          QWidget* parent = nullptr);

    void setEntry(const QString& name);
    QString entry() const { return m_name; }
    QTabWidget* tabs() const { return m_tabs; }
    ImportSignedWidget* importSigned() const { return m_import; }
    ActivateCertificateWidget* activateWidget() const { return m_activate; }
    // Enables Activate Certificate: the sites it can activate on.
    void setSites(SiteController* sites);

signals:
    void entryDeleted(const QString& name);

private:
    QString m_name;
    PageHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    ViewCertificateWidget* m_view = nullptr;
    DeleteCertificateWidget* m_delete = nullptr;
    ExportCertificateWidget* m_export = nullptr;
    ImportSignedWidget* m_import = nullptr;
    ActivateCertificateWidget* m_activate = nullptr;
};

} // namespace certdesk::ui
