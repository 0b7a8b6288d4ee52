#include "ui/SubjectFields.h"

#include "ui/FieldMarker.h"

#include <QFormLayout>
#include <QLineEdit>

namespace certdesk::ui {

namespace {

// The rules DistinguishedName::validate applies to one field, asked of that field alone.
QString problemOf(crypto::DistinguishedName single)
{
    if (single.isEmpty())
        return {};
    const Status s = single.validate();
    return s ? QString() : s.error().message;
}

} // namespace

SubjectFields::SubjectFields(const QString& title, QWidget* parent)
    : QGroupBox(title, parent)
{
    setObjectName(QStringLiteral("subjectFields"));
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_country =
        addField(tr("Country (C):"), QStringLiteral("countryEdit"), tr("two letters, e.g. DE"));
    m_organization =
        addField(tr("Organization (O):"), QStringLiteral("organizationEdit"), QString());
    m_unit =
        addField(tr("Organization Unit (OU):"), QStringLiteral("organizationUnitEdit"), QString());
    m_commonName = addField(tr("Common Name (CN):"), QStringLiteral("commonNameEdit"),
                            tr("host name clients connect to, e.g. osbiz.example.com"));
    m_country->setMaximumWidth(
        m_country->fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMMMMMM")));
}

QLineEdit* SubjectFields::addField(const QString& label, const QString& objectName,
                                   const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    static_cast<QFormLayout*>(layout())->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, &SubjectFields::changed);
    return edit;
}

crypto::DistinguishedName SubjectFields::name() const
{
    crypto::DistinguishedName dn;
    dn.country = m_country->text().trimmed().toUpper();
    dn.organization = m_organization->text().trimmed();
    dn.organizationalUnit = m_unit->text().trimmed();
    dn.commonName = m_commonName->text().trimmed();
    return dn;
}

void SubjectFields::setName(const crypto::DistinguishedName& name)
{
    m_country->setText(name.country);
    m_organization->setText(name.organization);
    m_unit->setText(name.organizationalUnit);
    m_commonName->setText(name.commonName);
}

Status SubjectFields::validate() const
{
    const crypto::DistinguishedName dn = name();
    crypto::DistinguishedName country;
    country.country = dn.country;
    crypto::DistinguishedName organization;
    organization.organization = dn.organization;
    crypto::DistinguishedName unit;
    unit.organizationalUnit = dn.organizationalUnit;
    crypto::DistinguishedName commonName;
    commonName.commonName = dn.commonName;

    QString first;
    const std::pair<QLineEdit*, QString> checks[] = {
        {m_country, problemOf(country)},
        {m_organization, problemOf(organization)},
        {m_unit, problemOf(unit)},
        {m_commonName, problemOf(commonName)},
    };
    for (const auto& [field, problem] : checks) {
        FieldMarker::mark(field, problem);
        if (first.isEmpty())
            first = problem;
    }
    if (!first.isEmpty())
        return Error::usage(first);
    if (Status s = dn.validate(); !s)
        return s;
    return {};
}

} // namespace certdesk::ui
