#pragma once

#include "core/Result.h"
#include "core/crypto/GeneralName.h"

#include <QObject>

#include <optional>

class QComboBox;
class QFormLayout;
class QLineEdit;

namespace certdesk::ui {

// "CRL Distribution Point Type" (DNS Name or URI) and "CRL Distribution Point" (optional),
// as two rows of a form.
class CrlDistributionPointFields : public QObject
{
    Q_OBJECT
public:
    CrlDistributionPointFields(QFormLayout* form, QWidget* owner);

    std::optional<crypto::GeneralName> point() const;
    Status validate() const;

signals:
    void changed();

private:
    QComboBox* m_type = nullptr;
    QLineEdit* m_value = nullptr;
};

} // namespace certdesk::ui
