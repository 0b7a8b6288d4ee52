#include "ui/FileSourceField.h"

#include "ui/DialogProvider.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace certdesk::ui {

FileSourceField::FileSourceField(DialogProvider* dialogs, const QString& dialogTitle,
                                 const QString& filter, QWidget* parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
    , m_title(dialogTitle)
    , m_filter(filter)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("pathEdit"));
    m_edit->setClearButtonEnabled(true);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = m_dialogs->openFile(this, m_title, m_filter);
        if (!path.isEmpty())
            setSource(FileSource::fromPath(path));
    });
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_pasted.clear();
        emit changed();
    });
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty() && !m_pasted.isEmpty()) { // the clear button
            m_pasted.clear();
            emit changed();
        }
    });
}

FileSource FileSourceField::source() const
{
    if (!m_pasted.isEmpty())
        return FileSource::fromData(m_pasted);
    return FileSource::fromPath(m_edit->text().trimmed());
}

void FileSourceField::setSource(const FileSource& source)
{
    m_pasted = source.isPasted() ? source.data : QByteArray();
    m_edit->setText(source.label());
    emit changed();
}

void FileSourceField::clear()
{
    setSource(FileSource());
}

} // namespace certdesk::ui
