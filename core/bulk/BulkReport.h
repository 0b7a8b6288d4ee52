#pragma once

#include "core/Result.h"
#include "core/bulk/BulkSiteResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace certdesk::bulk {

// The record of one bulk activation: per site its final state, failure, fingerprints served
// before and after, times and attempts. Written as CSV, JSON or a self-contained HTML page
// (every text escaped), and kept in the store folder's history.
class BulkReport
{
    Q_DECLARE_TR_FUNCTIONS(BulkReport)

public:
    QString system; // "telephony" or "booster"
    QDateTime started;
    QDateTime ended;
    int parallel = 0;
    QList<BulkSiteResult> sites;

    int count(BulkSiteResult::State state) const;
    bool allSucceeded() const;
    qint64 wallMs() const;

    QByteArray toCsv() const;
    QJsonObject toJson() const;
    QByteArray toHtml() const;
    static Result<BulkReport> fromJson(const QJsonObject& json);

    // By the file's extension: .csv, .json, else HTML. Written atomically, owner-only.
    Status write(const QString& path) const;
    // <root>/history/bulk-<yyyyMMdd-HHmmss-zzz>.json; returns the path written.
    Result<QString> saveToHistory(const QString& root) const;
    static QString historyFolder(const QString& root);

private:
    static QString csvField(const QString& text);
    static QString html(const QString& text);
};

} // namespace certdesk::bulk
