#pragma once

#include "core/Result.h"
#include "core/bulk/CertificateAssignment.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace certdesk::ui {

class DialogProvider;
class StoreController;

// Which certificate goes to which site of a bulk activation: one store entry for every site
// (only complete server certificates - certificate and key - are offered), each site's own
// entry (named like the site), or a rule file mapping site names to entries
// (CertificateAssignment).
class BulkCertificatePicker : public QWidget
{
    Q_OBJECT
public:
    BulkCertificatePicker(StoreController* store, DialogProvider* dialogs,
                          QWidget* parent = nullptr);

    bool usesRule() const;
    bool perSite() const;
    QString entry() const;    // the single entry's name
    QString rulePath() const; // the rule file
    void setEntry(const QString& name);
    void setRulePath(const QString& path);
    // Something is chosen (an entry, or a rule file's path); says nothing of its contents.
    bool isChosen() const;
    // The assignment chosen; a rule file is read now.
    Result<bulk::CertificateAssignment> assignment() const;

signals:
    void changed();

private:
    void reloadEntries();
    void browse();
    void updateEnabled();

    StoreController* m_store = nullptr;
    DialogProvider* m_dialogs = nullptr;
    QRadioButton* m_single = nullptr;
    QRadioButton* m_rule = nullptr;
    QRadioButton* m_perSite = nullptr;
    QComboBox* m_entry = nullptr;
    QLineEdit* m_rulePath = nullptr;
    QPushButton* m_browse = nullptr;
};

} // namespace certdesk::ui
