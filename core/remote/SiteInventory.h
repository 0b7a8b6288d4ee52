#pragma once

#include "core/Result.h"
#include "core/remote/Site.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace certdesk::remote {

// The site inventory as a file, for moving sites between laptops and colleagues: JSON
// ({"sites": [Site::toJson() …]} or a bare list) or CSV with a header line naming the columns
// (name, host, port, user, boosterHost, boosterPort, tags separated by ';', pkcs12Format,
// pinSha256, boosterPinSha256, credential). Never a password. CSV fields a spreadsheet could
// take for a formula are written with a leading apostrophe, which reading removes again.
class SiteInventory
{
    Q_DECLARE_TR_FUNCTIONS(SiteInventory)

public:
    // JSON when `json`, else CSV; errors name the line.
    static Result<QList<Site>> parse(const QByteArray& contents, bool json);
    // By the file's name and first character: .json or a leading '{'/'[' is JSON.
    static bool looksLikeJson(const QString& fileName, const QByteArray& contents);
    static QByteArray toJson(const QList<Site>& sites);
    static QByteArray toCsv(const QList<Site>& sites);
};

} // namespace certdesk::remote
