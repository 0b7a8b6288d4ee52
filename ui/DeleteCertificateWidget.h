#pragma once

#include <QWidget>

class QLabel;

namespace certdesk::ui {

class ApplyBar;
class DialogProvider;
class StoreController;

// "Delete Certificate": after a confirmation, the entry goes to the store's trash (kept 30
// days), never straight to oblivion.
class DeleteCertificateWidget : public QWidget
{
    Q_OBJECT
public:
    DeleteCertificateWidget(StoreController* store, DialogProvider* dialogs,
                            QWidget* parent = nullptr);

    void setEntry(const QString& name);

signals:
    void entryDeleted(const QString& name);

private:
    void apply();

    StoreController* m_store = nullptr;
    DialogProvider* m_dialogs = nullptr;
    QString m_name;
    QLabel* m_text = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
