#include "core/bulk/BulkSiteResult.h"

#include <QJsonObject>

namespace certdesk::bulk {

void BulkSiteResult::addStepTime(const QString& stepId, qint64 ms)
{
    for (auto& timing : stepMs) {
        if (timing.first == stepId) {
            timing.second += ms;
            return;
        }
    }
    stepMs.append({stepId, ms});
}

qint64 BulkSiteResult::stepTime(const QString& stepId) const
{
    for (const auto& timing : stepMs) {
        if (timing.first == stepId)
            return timing.second;
    }
    return -1;
}

qint64 BulkSiteResult::totalMs() const
{
    if (!started.isValid())
        return 0;
    return started.msecsTo(ended.isValid() ? ended : QDateTime::currentDateTimeUtc());
}

QString BulkSiteResult::stateId(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Running:
        return QStringLiteral("running");
    case State::RetryWait:
        return QStringLiteral("retry-wait");
    case State::Settling:
        return QStringLiteral("settling");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Canceled:
        return QStringLiteral("canceled");
    }
    return {};
}

QString BulkSiteResult::stateLabel(State state)
{
    switch (state) {
    case State::Pending:
        return tr("Waiting");
    case State::Running:
        return tr("Running");
    case State::RetryWait:
        return tr("Waiting to retry");
    case State::Settling:
        return tr("Checking whether the activation took effect");
    case State::Succeeded:
        return tr("Succeeded");
    case State::Failed:
        return tr("Failed");
    case State::Canceled:
        return tr("Canceled");
    }
    return {};
}

QJsonObject BulkSiteResult::toJson() const
{
    QJsonObject steps;
    for (const auto& timing : stepMs)
        steps.insert(timing.first, timing.second);
    const auto time = [](const QDateTime& t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    return QJsonObject{{QStringLiteral("site"), site},
                       {QStringLiteral("host"), host},
                       {QStringLiteral("port"), port},
                       {QStringLiteral("entry"), entry},
                       {QStringLiteral("remoteName"), remoteName},
                       {QStringLiteral("state"), stateId(state)},
                       {QStringLiteral("step"), step},
                       {QStringLiteral("failure"), failure},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("expectedSha256"), expectedSha256},
                       {QStringLiteral("beforeSha256"), beforeSha256},
                       {QStringLiteral("afterSha256"), afterSha256},
                       {QStringLiteral("settled"), settled},
                       {QStringLiteral("started"), time(started)},
                       {QStringLiteral("ended"), time(ended)},
                       {QStringLiteral("attempts"), attempts},
                       {QStringLiteral("totalMs"), totalMs()},
                       {QStringLiteral("stepMs"), steps}};
}

} // namespace certdesk::bulk
