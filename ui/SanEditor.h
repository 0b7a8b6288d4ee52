#pragma once

#include "core/Result.h"
#include "core/crypto/GeneralName.h"

#include <QGroupBox>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace certdesk::ui {

// "Subject Alternative Name": the Distinguished Name Format / Other Format choice, the
// extension type (DNS Name, IP Address, Email Address, URI), the value, Add and Delete, and
// the list of names added so far.
class SanEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit SanEditor(QWidget* parent = nullptr);

    QList<crypto::GeneralName> names() const;
    void setNames(const QList<crypto::GeneralName>& names);
    // A value typed but not added, or one that is not what its type says, is a problem: the
    // Admin Portal needs Add, and CertDesk says so instead of dropping it silently.
    Status validate() const;

signals:
    void changed();

private:
    void add();
    void removeSelected();
    void refresh();
    crypto::GeneralName pending() const;

    QRadioButton* m_dnFormat = nullptr;
    QRadioButton* m_otherFormat = nullptr;
    QLabel* m_dnNote = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_value = nullptr;
    QPushButton* m_add = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_delete = nullptr;
    QList<crypto::GeneralName> m_names;
};

} // namespace certdesk::ui
