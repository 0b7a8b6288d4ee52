#include "ui/FieldMarker.h"

#include <QWidget>

namespace certdesk::ui {

void FieldMarker::mark(QWidget* field, const QString& problem)
{
    const bool invalid = !problem.isEmpty();
    if (field->property("invalid").toBool() != invalid) {
        field->setProperty("invalid", invalid);
        // Styled on the field itself: a window-wide style sheet would slow every widget down.
        field->setStyleSheet(invalid
                                 ? QStringLiteral("border: 1px solid #c62828; background: #fff3f3;")
                                 : QString());
    }
    field->setToolTip(problem);
    field->setAccessibleDescription(problem);
}

bool FieldMarker::isMarked(const QWidget* field)
{
    return field->property("invalid").toBool();
}

} // namespace certdesk::ui
