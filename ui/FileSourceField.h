#pragma once

#include "ui/FileSource.h"

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace certdesk::ui {

class DialogProvider;

// A file to read: typed, chosen with "Browse…", dropped, or pasted PEM text (then the field
// says so and holds the text instead of a path).
class FileSourceField : public QWidget
{
    Q_OBJECT
public:
    FileSourceField(DialogProvider* dialogs, const QString& dialogTitle, const QString& filter,
                    QWidget* parent = nullptr);

    FileSource source() const;
    void setSource(const FileSource& source);
    void clear();
    QLineEdit* edit() const { return m_edit; }

signals:
    void changed();

private:
    DialogProvider* m_dialogs = nullptr;
    QString m_title;
    QString m_filter;
    QLineEdit* m_edit = nullptr;
    QPushButton* m_browse = nullptr;
    QByteArray m_pasted;
};

} // namespace certdesk::ui
