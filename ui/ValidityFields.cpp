#include "ui/ValidityFields.h"

#include "ui/FieldMarker.h"

#include <QDateTimeEdit>
#include <QFormLayout>
#include <QLabel>
#include <QTimeZone>

namespace certdesk::ui {

namespace {

QDateTimeEdit* makeEdit(QWidget* parent, const QString& objectName)
{
    auto* edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("dd.MM.yyyy  HH:mm:ss"));
    edit->setCalendarPopup(true);
    edit->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    edit->setMinimumDateTime(QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc()));
    edit->setMaximumDateTime(QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), QTimeZone::utc()));
    return edit;
}

} // namespace

ValidityFields::ValidityFields(int defaultDays, int warnAfterDays, QWidget* parent)
    : QGroupBox(tr("Validity Period (GMT)"), parent)
    , m_defaultDays(defaultDays)
    , m_warnAfterDays(warnAfterDays)
{
    setObjectName(QStringLiteral("validityFields"));
    auto* form = new QFormLayout(this);
    m_start = makeEdit(this, QStringLiteral("validityStartEdit"));
    m_end = makeEdit(this, QStringLiteral("validityEndEdit"));
    m_length = new QLabel(this);
    m_length->setObjectName(QStringLiteral("validityLengthLabel"));
    m_length->setWordWrap(true);
    form->addRow(tr("Start Time of Validity Period (GMT):"), m_start);
    form->addRow(tr("End Time of Validity Period (GMT):"), m_end);
    form->addRow(QString(), m_length);
    resetToDefault();
    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this] {
        refresh();
        emit changed();
    });
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, [this] {
        refresh();
        emit changed();
    });
    refresh();
}

QDateTime ValidityFields::notBefore() const
{
    QDateTime t = m_start->dateTime();
    t.setTimeZone(QTimeZone::utc());
    return t;
}

QDateTime ValidityFields::notAfter() const
{
    QDateTime t = m_end->dateTime();
    t.setTimeZone(QTimeZone::utc());
    return t;
}

void ValidityFields::setPeriod(const QDateTime& notBefore, const QDateTime& notAfter)
{
    m_start->setDateTime(notBefore.toUTC());
    m_end->setDateTime(notAfter.toUTC());
}

void ValidityFields::resetToDefault()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    setPeriod(now, now.addDays(m_defaultDays));
}

Status ValidityFields::validate() const
{
    if (notAfter() <= notBefore()) {
        const QString problem =
            tr("The end of the validity period (%1 GMT) is not after its start "
               "(%2 GMT). Choose an end time later than the start.")
                .arg(notAfter().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss")),
                     notBefore().toString(QStringLiteral("dd.MM.yyyy HH:mm:ss")));
        FieldMarker::mark(m_end, problem);
        return Error::usage(problem);
    }
    FieldMarker::mark(m_end, QString());
    return {};
}

void ValidityFields::refresh()
{
    const qint64 days = notBefore().daysTo(notAfter());
    QString text = tr("%n day(s)", nullptr, int(days));
    if (m_warnAfterDays > 0 && days > m_warnAfterDays)
        text += QStringLiteral(" — ") +
                tr("longer than %1 days: Apple devices and browsers refuse such server "
                   "certificates.")
                    .arg(m_warnAfterDays);
    m_length->setText(days > 0 ? text : QString());
}

} // namespace certdesk::ui
