#pragma once

#include <QString>

class QWidget;

namespace certdesk::ui {

// Shows on a field that its value is wrong: a red frame, the "invalid" property, the reason as
// tooltip and as accessible description.
class FieldMarker
{
public:
    static void mark(QWidget* field, const QString& problem);
    static bool isMarked(const QWidget* field);
};

} // namespace certdesk::ui
