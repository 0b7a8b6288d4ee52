#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace certdesk::sim {

// One server certificate in the simulated PBX's list.
struct SimCertificate
{
    QString name;
    QString type; // as the Admin Portal labels it
    QByteArray certificatePem;
    QByteArray chainPem; // issuing CAs, may be empty
    QByteArray keyPem;   // unencrypted: the PBX serves it (state folder is 0700/0600)
    QDateTime imported;
};

// The server certificates of one simulated system and which one each of its web servers
// (telephony, booster) serves, kept in <state-dir>/state.json so a restarted simulator keeps
// them. Every change is written at once (atomically).
class SimCertificateStore
{
public:
    // Reads the folder's state, or creates the defaults on first start: a self-signed
    // "Default Server Certificate" for the telephony server and, with a Booster, the
    // Booster's own default certificate (CN = its address, 10 years, O "Unify Software and
    // Solutions GmbH & Co. KG", OU "Unify").
    static Result<SimCertificateStore> open(const QString& dir, const QString& address,
                                            bool booster);

    const QList<SimCertificate>& certificates() const { return m_certificates; }
    std::optional<SimCertificate> find(const QString& name) const;
    QString active(const QString& system) const { return m_active.value(system); }
    // The systems (telephony, booster) that serve `name`.
    QStringList activeFor(const QString& name) const;

    Status add(const SimCertificate& certificate);
    Status remove(const QString& name);
    Status setActive(const QString& system, const QString& name);

    static QString defaultServerName();
    static QString defaultBoosterName();

private:
    explicit SimCertificateStore(QString dir)
        : m_dir(std::move(dir))
    {
    }
    Status save() const;
    Status load();
    static Result<SimCertificate> makeDefault(const QString& name, const QString& address,
                                              bool booster);

    QString m_dir;
    QList<SimCertificate> m_certificates;
    QMap<QString, QString> m_active; // system -> certificate name
};

} // namespace certdesk::sim
