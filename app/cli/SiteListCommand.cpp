#include "app/cli/SiteListCommand.h"

#include "app/cli/RemoteSupport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace certdesk::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SiteListCommand", text);
}
} // namespace

SiteListCommand::SiteListCommand()
    : m_json(QStringLiteral("json"), tr("Print JSON."))
{
}

QString SiteListCommand::summary() const
{
    return tr("List the sites, with the certificate fingerprints trusted for each.");
}

void SiteListCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOption(m_json);
}

Status SiteListCommand::execute(const QCommandLineParser& parser)
{
    auto registry = RemoteSupport::openRegistry();
    if (!registry)
        return registry.error();
    if (parser.isSet(m_json)) {
        QJsonArray array;
        for (const remote::Site& s : registry->sites()) {
            QJsonObject o = s.toJson();
            o.insert(QStringLiteral("trusted"), !s.pin.isNull());
            array.append(o);
        }
        out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)).trimmed());
        return {};
    }
    if (registry->sites().isEmpty()) {
        out(tr("No sites yet. Add one with certdesk-cli site add."));
        return {};
    }
    for (const remote::Site& s : registry->sites()) {
        out(QStringLiteral("%1  %2:%3  %4%5%6")
                .arg(s.name, s.host)
                .arg(s.port)
                .arg(s.portalUser(),
                     s.credential.isEmpty() ? QString()
                                            : tr(" (shared credential %1)").arg(s.credential),
                     s.tags.isEmpty()
                         ? QString()
                         : QStringLiteral("  [%1]").arg(s.tags.join(QStringLiteral(", ")))));
        out(tr("  telephony server: %1")
                .arg(s.pin.isNull() ? tr("not trusted") : s.pin.certificateFingerprint()));
        if (s.hasBooster())
            out(tr("  UC Booster Server %1:%2: %3")
                    .arg(s.boosterAddress())
                    .arg(*s.boosterPort)
                    .arg(s.boosterPin.isNull() ? tr("not trusted")
                                               : s.boosterPin.certificateFingerprint()));
        if (!s.pendingPin.isNull() || !s.pendingBoosterPin.isNull())
            out(tr("  activation not yet verified: run certdesk-cli site test %1").arg(s.name));
    }
    return {};
}

} // namespace certdesk::cli
