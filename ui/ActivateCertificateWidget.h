#pragma once

#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace certdesk::ui {

class ActivationProgressWidget;
class SiteController;
class StoreController;

// "Activate Certificate": distributes and activates a certificate on a system of a site - the
// telephony server or the OpenScape Business UC Booster Server, as in the Admin Portal - then
// waits out the web server's restart and proves by handshake that the system serves it, with
// the job's steps in an ActivationProgressWidget. Needs a site (setSites()); without one the
// tab stays disabled and says why.
class ActivateCertificateWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ActivateCertificateWidget(StoreController* store, QWidget* parent = nullptr);

    void setSites(SiteController* sites);
    void setEntry(const QString& name);
    QString entry() const { return m_entry; }
    ActivationProgressWidget* progress() const { return m_progress; }

    static QString unavailableReason();

public slots:
    void activate();

private:
    void reloadSites();
    void updateState();
    void setReason(const QString& text);

    StoreController* m_store = nullptr;
    SiteController* m_sites = nullptr;
    QString m_entry;
    QComboBox* m_system = nullptr;
    QComboBox* m_site = nullptr;
    QPushButton* m_activate = nullptr;
    QLabel* m_reason = nullptr;
    ActivationProgressWidget* m_progress = nullptr;
    bool m_loading = false;
};

} // namespace certdesk::ui
