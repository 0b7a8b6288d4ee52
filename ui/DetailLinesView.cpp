#include "ui/DetailLinesView.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>

namespace certdesk::ui {

namespace {

constexpr int kLongValue = 60;

// "AB:CD:…" fingerprints and hashes: 16 bytes a line, broken at colons, never inside a byte.
bool isColonHex(const QString& value)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-F]{2}(:[0-9A-F]{2})+$"));
    return pattern.match(value).hasMatch();
}

QString colonHexLines(const QString& value)
{
    QStringList lines;
    const QStringList bytes = value.split(QLatin1Char(':'));
    for (qsizetype i = 0; i < bytes.size(); i += 16)
        lines << bytes.mid(i, 16).join(QLatin1Char(':'));
    return lines.join(QStringLiteral(":\n"));
}

} // namespace

DetailLinesView::DetailLinesView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailLinesView"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setColumnStretch(1, 1);
}

void DetailLinesView::clearLines()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void DetailLinesView::setLines(const QList<crypto::DetailLine>& lines)
{
    setUpdatesEnabled(false);
    clearLines();
    m_lines = lines;
    int row = 0;
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const crypto::DetailLine& line : lines) {
        if (line.heading) {
            auto* heading = new QLabel(line.label, this);
            heading->setObjectName(QStringLiteral("detailHeading"));
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setContentsMargins(0, 8, 0, 2);
            m_grid->addWidget(heading, row++, 0, 1, 2);
            continue;
        }
        auto* label = new QLabel(line.label.trimmed() + QLatin1Char(':'), this);
        label->setAlignment(Qt::AlignRight | Qt::AlignTop);
        m_grid->addWidget(label, row, 0);
        if (line.value.size() > kLongValue && isColonHex(line.value)) {
            auto* value = new QLabel(colonHexLines(line.value), this);
            value->setObjectName(QStringLiteral("detailValue"));
            value->setFont(fixed);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
            value->setAccessibleName(line.label.trimmed());
            m_grid->addWidget(value, row, 1);
        } else if (line.value.size() > kLongValue) {
            auto* box = new QPlainTextEdit(line.value, this);
            box->setObjectName(QStringLiteral("detailValue"));
            box->setReadOnly(true);
            box->setFont(fixed);
            box->setWordWrapMode(QTextOption::WrapAnywhere);
            box->setLineWrapMode(QPlainTextEdit::WidgetWidth);
            const int linesNeeded = line.value.size() > 200 ? 5 : 2;
            box->setFixedHeight(box->fontMetrics().lineSpacing() * linesNeeded + 12);
            box->setAccessibleName(line.label.trimmed());
            m_grid->addWidget(box, row, 1);
        } else {
            auto* value = new QLabel(line.value, this);
            value->setObjectName(QStringLiteral("detailValue"));
            value->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                           Qt::TextSelectableByKeyboard);
            value->setWordWrap(true);
            value->setAccessibleName(line.label.trimmed());
            m_grid->addWidget(value, row, 1);
        }
        ++row;
    }
    setUpdatesEnabled(true);
}

QString DetailLinesView::value(const QString& label) const
{
    for (const crypto::DetailLine& line : m_lines) {
        if (!line.heading && line.label.trimmed() == label.trimmed())
            return line.value;
    }
    return {};
}

} // namespace certdesk::ui
