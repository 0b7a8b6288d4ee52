#pragma once

#include <QWidget>

class QTabWidget;

namespace certdesk::ui {

class CertificateForm;
class DialogProvider;
class StoreController;

// Certificate Generation: Display General Information, Generate CA Certificate, Generate
// Self-Signed Certificate.
class CertificateGenerationPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { GeneralInformation, GenerateCa, GenerateSelfSigned };

    CertificateGenerationPage(StoreController* store, DialogProvider* dialogs,
                              QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }

signals:
    void entryCreated(const QString& name);

private:
    QTabWidget* m_tabs = nullptr;
};

} // namespace certdesk::ui
