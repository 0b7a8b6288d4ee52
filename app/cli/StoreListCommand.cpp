#include "app/cli/StoreListCommand.h"

#include "app/cli/StoreAccess.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("StoreListCommand", text);
}
} // namespace

StoreListCommand::StoreListCommand()
    : m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString StoreListCommand::summary() const
{
    return tr("List the entries of the local certificate store: CA certificates (Certificate "
              "Generation) and server certificates and CSRs (Server Certificates).");
}

void StoreListCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_json);
}

Status StoreListCommand::execute(const QCommandLineParser& parser)
{
    auto store = StoreAccess::open(false);
    if (!store)
        return store.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<store::StoreEntry> entries = store->entries();
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const store::StoreEntry& e : entries) {
            QJsonObject o = e.toJson();
            o.remove(QStringLiteral("directory"));
            o.insert(QStringLiteral("typeLabel"), store::entryTypeLabel(e.type));
            if (e.notAfter.isValid())
                o.insert(QStringLiteral("daysLeft"), now.daysTo(e.notAfter));
            array.append(o);
        }
        out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)).trimmed());
        return {};
    }
    const auto section = [&](bool serverList, const QString& title) {
        out(title);
        int shown = 0;
        for (const store::StoreEntry& e : entries) {
            if (store::isServerCertificateList(e.type) != serverList)
                continue;
            ++shown;
            const QString validity =
                e.notAfter.isValid() ? tr("until %1 (%2 days)")
                                           .arg(e.notAfter.toString(QStringLiteral("yyyy-MM-dd")))
                                           .arg(now.daysTo(e.notAfter))
                                     : tr("awaiting the CA's answer");
            out(QStringLiteral("  %1  [%2]  CN=%3  %4")
                    .arg(e.name, store::entryTypeLabel(e.type), e.commonName, validity));
        }
        if (shown == 0)
            out(tr("  (none)"));
    };
    section(false, tr("Certificate Generation"));
    section(true, tr("Server Certificates"));
    return {};
}

} // namespace certdesk::cli
