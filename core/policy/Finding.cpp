#include "core/policy/Finding.h"

namespace certdesk::policy {

QString Finding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString Finding::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("Error");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Info:
        break;
    }
    return tr("Info");
}

QJsonObject Finding::toJson() const
{
    return QJsonObject{
        {QStringLiteral("severity"), severityName(severity)},
        {QStringLiteral("code"), code},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("message"), message},
        {QStringLiteral("fix"), fix},
        {QStringLiteral("client"), client},
    };
}

QString Finding::toText() const
{
    QString text = QStringLiteral("%1 [%2] %3").arg(severityLabel(severity), code, message);
    if (!fix.isEmpty())
        text += QLatin1Char('\n') + tr("  Fix: %1").arg(fix);
    if (!client.isEmpty())
        text += QLatin1Char('\n') + tr("  Protects: %1").arg(client);
    return text;
}

} // namespace certdesk::policy
