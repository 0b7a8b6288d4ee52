#pragma once

#include "ui/StoreTasks.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;

namespace certdesk::ui {

class ApplyBar;
class DialogProvider;
class FindingsPanel;
class PassphraseFields;
class StoreController;

// "Export Certificate [X.509]" (CA) and "Export Certificate / CSR [X.509]" (server): PEM, DER,
// or, with the key, PKCS#12 (modern or compatible). The compliance findings for the chosen
// format are shown before anything is written; errors need a second yes.
class ExportCertificateWidget : public QWidget
{
    Q_OBJECT
public:
    ExportCertificateWidget(bool allowPkcs12, StoreController* store, DialogProvider* dialogs,
                            QWidget* parent = nullptr);

    void setEntry(const QString& name);
    bool isLoading() const { return m_loading; }
    FindingsPanel* findings() const { return m_findings; }

signals:
    void exported(const QString& path);

private:
    void load();
    void fillFormats();
    void refresh();
    void apply();
    StoreTasks::ExportFormat format() const;

    bool m_allowPkcs12 = false;
    StoreController* m_store = nullptr;
    DialogProvider* m_dialogs = nullptr;
    QString m_name;
    bool m_loading = false;
    std::optional<StoreTasks::EntryView> m_view;
    QLabel* m_title = nullptr;
    QComboBox* m_format = nullptr;
    PassphraseFields* m_passphrase = nullptr;
    FindingsPanel* m_findings = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
