#pragma once

#include "core/Result.h"
#include "core/crypto/DistinguishedName.h"

#include <QGroupBox>

class QLineEdit;

namespace certdesk::ui {

// "Subject Name": Country (C), Organization (O), Organization Unit (OU), Common Name (CN).
// Each field is checked as it is typed; validate() gives the first problem in words.
class SubjectFields : public QGroupBox
{
    Q_OBJECT
public:
    explicit SubjectFields(const QString& title, QWidget* parent = nullptr);

    crypto::DistinguishedName name() const;
    void setName(const crypto::DistinguishedName& name);
    // Problems of single fields are marked on them; the whole name must not be empty.
    Status validate() const;

signals:
    void changed();

private:
    QLineEdit* addField(const QString& label, const QString& objectName,
                        const QString& placeholder);

    QLineEdit* m_country = nullptr;
    QLineEdit* m_organization = nullptr;
    QLineEdit* m_unit = nullptr;
    QLineEdit* m_commonName = nullptr;
};

} // namespace certdesk::ui
