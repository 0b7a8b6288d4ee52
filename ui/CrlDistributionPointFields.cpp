#include "ui/CrlDistributionPointFields.h"

#include "ui/FieldMarker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace certdesk::ui {

using crypto::GeneralName;

CrlDistributionPointFields::CrlDistributionPointFields(QFormLayout* form, QWidget* owner)
    : QObject(owner)
{
    m_type = new QComboBox(owner);
    m_type->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_type->setObjectName(QStringLiteral("crlTypeCombo"));
    m_type->addItem(tr("DNS Name"), int(GeneralName::Kind::Dns));
    m_type->addItem(tr("URI"), int(GeneralName::Kind::Uri));
    m_value = new QLineEdit(owner);
    m_value->setObjectName(QStringLiteral("crlValueEdit"));
    m_value->setPlaceholderText(tr("(optional) e.g. http://pki.example.com/ca.crl"));
    form->addRow(tr("CRL Distribution Point Type:"), m_type);
    form->addRow(tr("CRL Distribution Point:"), m_value);
    connect(m_type, &QComboBox::currentIndexChanged, this, &CrlDistributionPointFields::changed);
    connect(m_value, &QLineEdit::textChanged, this, &CrlDistributionPointFields::changed);
}

std::optional<GeneralName> CrlDistributionPointFields::point() const
{
    const QString value = m_value->text().trimmed();
    if (value.isEmpty())
        return std::nullopt;
    return GeneralName{static_cast<GeneralName::Kind>(m_type->currentData().toInt()), value};
}

Status CrlDistributionPointFields::validate() const
{
    const auto p = point();
    const Status s = p ? p->validate() : Status();
    FieldMarker::mark(m_value, s ? QString() : s.error().message);
    return s;
}

} // namespace certdesk::ui
