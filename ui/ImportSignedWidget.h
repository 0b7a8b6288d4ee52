#pragma once

#include "ui/FileSource.h"

#include <QWidget>

class QLabel;

namespace certdesk::ui {

class ApplyBar;
class DialogProvider;
class FileSourceField;
class StoreController;

// "Import Updated Certificate / Certificate for CSR [X.509]": the CA's answer (PEM, DER or
// PKCS#7, with or without chain, any order) joins the entry whose key it certifies.
class ImportSignedWidget : public QWidget
{
    Q_OBJECT
public:
    ImportSignedWidget(StoreController* store, DialogProvider* dialogs, QWidget* parent = nullptr);

    void setEntry(const QString& name);
    void setAnswer(const FileSource& answer);

signals:
    void imported(const QString& name);

private:
    void refresh();
    void apply();

    StoreController* m_store = nullptr;
    QString m_name;
    QLabel* m_text = nullptr;
    FileSourceField* m_file = nullptr;
    ApplyBar* m_apply = nullptr;
};

} // namespace certdesk::ui
