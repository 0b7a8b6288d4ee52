#pragma once

#include <QWidget>

class QTabWidget;

namespace certdesk::ui {

class CertificateForm;
class DeleteCertificateWidget;
class DialogProvider;
class ExportCertificateWidget;
class PageHeader;
class StoreController;
class UpdateCaSignedWidget;
class ViewCertificateWidget;

// A CA certificate under Certificate Generation: View Certificate, Delete Certificate, Export
// Certificate [X.509], Generate CA-Signed Server Certificate [PKCS#12], Update CA-Signed Server
// Certificate [X.509]. One page serves every CA; setEntry() says which.
class CaCertificatePage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { View, Delete, Export, GenerateCaSigned, UpdateCaSigned };

    CaCertificatePage(StoreController* store, DialogProvider* dialogs, QWidget* parent = nullptr);

    void setEntry(const QString& name);
    QString entry() const { return m_name; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void entryCreated(const QString& name);
    void entryDeleted(const QString& name);

private:
    QString m_name;
    PageHeader* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    ViewCertificateWidget* m_view = nullptr;
    DeleteCertificateWidget* m_delete = nullptr;
    ExportCertificateWidget* m_export = nullptr;
    CertificateForm* m_issue = nullptr;
    UpdateCaSignedWidget* m_update = nullptr;
};

} // namespace certdesk::ui
