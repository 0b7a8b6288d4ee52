#pragma once

#include <QLabel>

namespace certdesk::ui {

// The bold title over a page ("Certificate Generation", "Server Certificates – Mycertificate").
class PageHeader : public QLabel
{
    Q_OBJECT
public:
    explicit PageHeader(QWidget* parent = nullptr);
};

} // namespace certdesk::ui
