#include "core/bulk/PreflightResult.h"

#include <QJsonArray>

namespace certdesk::bulk {

QString PreflightResult::verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pending:
        return QStringLiteral("pending");
    case Verdict::Ready:
        return QStringLiteral("ready");
    case Verdict::AlreadyActive:
        return QStringLiteral("already-active");
    case Verdict::Blocked:
        return QStringLiteral("blocked");
    case Verdict::Canceled:
        return QStringLiteral("canceled");
    }
    return QString();
}

QString PreflightResult::verdictLabel(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pending:
        return tr("Not checked yet");
    case Verdict::Ready:
        return tr("Ready");
    case Verdict::AlreadyActive:
        return tr("Already active");
    case Verdict::Blocked:
        return tr("Blocked");
    case Verdict::Canceled:
        return tr("Canceled");
    }
    return QString();
}

QJsonObject PreflightResult::toJson() const
{
    QJsonObject o{
        {QStringLiteral("site"), site},       {QStringLiteral("entry"), entry},
        {QStringLiteral("system"), system},   {QStringLiteral("verdict"), verdictId(verdict)},
        {QStringLiteral("message"), message}, {QStringLiteral("expectedSha256"), expectedSha256}};
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    if (!findings.isEmpty())
        o.insert(QStringLiteral("findings"), QJsonArray::fromStringList(findings));
    if (!presentedSha256.isEmpty())
        o.insert(QStringLiteral("presentedSha256"), presentedSha256);
    if (!activeName.isEmpty())
        o.insert(QStringLiteral("activeCertificate"), activeName);
    if (!softwareVersion.isEmpty())
        o.insert(QStringLiteral("softwareVersion"), softwareVersion);
    return o;
}

} // namespace certdesk::bulk
