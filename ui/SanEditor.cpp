#include "ui/SanEditor.h"

#include "ui/FieldMarker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>

namespace certdesk::ui {

using crypto::GeneralName;

SanEditor::SanEditor(QWidget* parent)
    : QGroupBox(tr("Subject Alternative Name"), parent)
{
    setObjectName(QStringLiteral("sanEditor"));
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto* formats = new QHBoxLayout;
    m_dnFormat = new QRadioButton(tr("Distinguished Name Format"), this);
    m_dnFormat->setObjectName(QStringLiteral("sanDnFormat"));
    m_otherFormat = new QRadioButton(tr("Other Format"), this);
    m_otherFormat->setObjectName(QStringLiteral("sanOtherFormat"));
    m_otherFormat->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_dnFormat);
    group->addButton(m_otherFormat);
    formats->addWidget(m_dnFormat);
    formats->addWidget(m_otherFormat);
    formats->addStretch();
    form->addRow(formats);

    m_dnNote = new QLabel(tr("The Distinguished Name Format (a directory name in the Subject "
                             "Alternative Name) is not written by CertDesk: TLS clients only look "
                             "at DNS names and IP addresses. Use Other Format; the Subject Name "
                             "above already carries C, O, OU and CN."),
                          this);
    m_dnNote->setObjectName(QStringLiteral("sanDnNote"));
    m_dnNote->setWordWrap(true);
    m_dnNote->hide();
    form->addRow(m_dnNote);

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("sanTypeCombo"));
    m_type->addItem(tr("DNS Name"), int(GeneralName::Kind::Dns));
    m_type->addItem(tr("IP Address"), int(GeneralName::Kind::Ip));
    m_type->addItem(tr("Email Address"), int(GeneralName::Kind::Email));
    m_type->addItem(tr("URI"), int(GeneralName::Kind::Uri));
    auto* typeRow = new QHBoxLayout;
    typeRow->addWidget(m_type);
    typeRow->addWidget(new QLabel(tr("(optional)"), this));
    typeRow->addStretch();
    form->addRow(tr("Subject Alternative Name Extension:"), typeRow);

    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("sanValueEdit"));
    m_value->setPlaceholderText(tr("e.g. osbiz.example.com or 192.0.2.10"));
    m_add = new QPushButton(tr("Add"), this);
    m_add->setObjectName(QStringLiteral("sanAddButton"));
    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_add);
    form->addRow(tr("Add Subject Alternative Name:"), valueRow);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("sanList"));
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 4 + 8);
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("sanDeleteButton"));
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addWidget(m_delete, 0, Qt::AlignTop);
    form->addRow(tr("Active Subject Alternative Name:"), listRow);

    connect(m_add, &QPushButton::clicked, this, &SanEditor::add);
    connect(m_value, &QLineEdit::returnPressed, this, &SanEditor::add);
    connect(m_delete, &QPushButton::clicked, this, &SanEditor::removeSelected);
    connect(m_value, &QLineEdit::textChanged, this, [this] {
        refresh();
        emit changed();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        refresh();
        emit changed();
    });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &SanEditor::refresh);
    connect(m_dnFormat, &QRadioButton::toggled, this, [this] {
        refresh();
        emit changed();
    });
    refresh();
}

GeneralName SanEditor::pending() const
{
    GeneralName name;
    name.kind = static_cast<GeneralName::Kind>(m_type->currentData().toInt());
    name.value = m_value->text().trimmed();
    return name;
}

QList<GeneralName> SanEditor::names() const
{
    return m_names;
}

void SanEditor::setNames(const QList<GeneralName>& names)
{
    m_names = names;
    m_list->clear();
    for (const GeneralName& n : m_names)
        m_list->addItem(n.toString());
    refresh();
    emit changed();
}

void SanEditor::add()
{
    const GeneralName name = pending();
    if (name.value.isEmpty() || !name.validate())
        return;
    if (!m_names.contains(name)) {
        m_names << name;
        m_list->addItem(name.toString());
    }
    m_value->clear();
    m_value->setFocus();
    refresh();
    emit changed();
}

void SanEditor::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_names.size())
        return;
    m_names.removeAt(row);
    delete m_list->takeItem(row);
    refresh();
    emit changed();
}

void SanEditor::refresh()
{
    const bool other = m_otherFormat->isChecked();
    m_dnNote->setVisible(!other);
    m_type->setEnabled(other);
    m_value->setEnabled(other);
    const GeneralName name = pending();
    const Status valid = name.value.isEmpty() ? Status() : name.validate();
    m_add->setEnabled(other && !name.value.isEmpty() && valid.ok());
    m_delete->setEnabled(m_list->currentRow() >= 0);
    FieldMarker::mark(m_value, valid ? QString() : valid.error().message);
}

Status SanEditor::validate() const
{
    if (!m_otherFormat->isChecked())
        return {};
    const GeneralName name = pending();
    if (name.value.isEmpty())
        return {};
    if (Status s = name.validate(); !s)
        return s;
    return Error::usage(tr("\"%1\" is typed but not added: press Add to include it as a Subject "
                           "Alternative Name, or clear the field.")
                            .arg(name.value));
}

} // namespace certdesk::ui
