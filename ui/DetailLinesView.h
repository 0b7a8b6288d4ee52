#pragma once

#include "core/crypto/CertificateDetails.h"

#include <QList>
#include <QWidget>

class QGridLayout;

namespace certdesk::ui {

// The Admin Portal's View Certificate layout: labels right-aligned, values beside them,
// headings ("Issued by CA", "Subject Name") over their indented lines. Long values (public
// key, fingerprints) wrap in a read-only box so nothing is clipped.
class DetailLinesView : public QWidget
{
    Q_OBJECT
public:
    explicit DetailLinesView(QWidget* parent = nullptr);

    void setLines(const QList<crypto::DetailLine>& lines);
    // The value shown for `label` (trimmed labels compared), for tests and copy actions.
    QString value(const QString& label) const;

private:
    void clearLines();

    QGridLayout* m_grid = nullptr;
    QList<crypto::DetailLine> m_lines;
};

} // namespace certdesk::ui
