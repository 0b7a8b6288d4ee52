#include "tests/sim/SimCertificateStore.h"

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/PrivateKey.h"
#include "core/io/SecureFileWriter.h"
#include "core/remote/AdminPortalProtocol.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::sim {

using remote::AdminPortalProtocol;

QString SimCertificateStore::defaultServerName()
{
    return QStringLiteral("Default Server Certificate");
}

QString SimCertificateStore::defaultBoosterName()
{
    return QStringLiteral("Default Booster Certificate");
}

Result<SimCertificate> SimCertificateStore::makeDefault(const QString& name, const QString& address,
                                                        bool booster)
{
    auto key = crypto::PrivateKey::generate(crypto::KeyAlgorithm::Rsa2048);
    if (!key)
        return key.error();
    crypto::CertificateSpec spec;
    spec.profile = crypto::CertificateSpec::Profile::SelfSignedServer;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    spec.notBefore = now.addDays(-1);
    // The Booster's default certificate is valid for 10 years (SSL whitepaper §5); the
    // telephony server's default one is given the same here.
    spec.notAfter = now.addYears(10);
    spec.subject.commonName = address;
    if (booster) {
        spec.subject.organization = QStringLiteral("Unify Software and Solutions GmbH & Co. KG");
        spec.subject.organizationalUnit = QStringLiteral("Unify");
    } else {
        spec.subject.organization = QStringLiteral("OpenScape Business");
        spec.subject.organizationalUnit = QStringLiteral("osbiz-sim");
    }
    if (!QHostAddress(address).isNull())
        spec.subjectAltNames.append({crypto::GeneralName::Kind::Ip, address});
    auto certificate = crypto::CertificateBuilder(spec).selfSign(*key);
    if (!certificate)
        return certificate.error();
    auto keyPem = key->toUnencryptedPem();
    if (!keyPem)
        return keyPem.error();
    SimCertificate c;
    c.name = name;
    c.type = QStringLiteral("Self-Signed Certificate");
    c.certificatePem = certificate->toPem();
    c.keyPem = keyPem->view().toByteArray();
    c.imported = now;
    return c;
}

Result<SimCertificateStore> SimCertificateStore::open(const QString& dir, const QString& address,
                                                      bool booster)
{
    if (!QDir().mkpath(dir))
        return Error::failure(QStringLiteral("Cannot create the state folder %1.").arg(dir));
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    SimCertificateStore store(dir);
    if (QFile::exists(QDir(dir).filePath(QStringLiteral("state.json")))) {
        if (Status s = store.load(); !s)
            return s.error();
    }
    bool changed = false;
    const QString telephony = AdminPortalProtocol::telephonySystem();
    const QString boosterSystem = AdminPortalProtocol::boosterSystem();
    if (store.active(telephony).isEmpty()) {
        auto c = makeDefault(defaultServerName(), address, false);
        if (!c)
            return c.error();
        store.m_certificates.append(*c);
        store.m_active.insert(telephony, c->name);
        changed = true;
    }
    if (booster && store.active(boosterSystem).isEmpty()) {
        auto c = makeDefault(defaultBoosterName(), address, true);
        if (!c)
            return c.error();
        store.m_certificates.append(*c);
        store.m_active.insert(boosterSystem, c->name);
        changed = true;
    }
    if (changed) {
        if (Status s = store.save(); !s)
            return s.error();
    }
    return store;
}

std::optional<SimCertificate> SimCertificateStore::find(const QString& name) const
{
    for (const SimCertificate& c : m_certificates) {
        if (c.name == name)
            return c;
    }
    return std::nullopt;
}

QStringList SimCertificateStore::activeFor(const QString& name) const
{
    QStringList systems;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it) {
        if (it.value() == name)
            systems << it.key();
    }
    return systems;
}

Status SimCertificateStore::add(const SimCertificate& certificate)
{
    m_certificates.append(certificate);
    return save();
}

Status SimCertificateStore::remove(const QString& name)
{
    for (qsizetype i = 0; i < m_certificates.size(); ++i) {
        if (m_certificates[i].name == name) {
            m_certificates.removeAt(i);
            return save();
        }
    }
    return {};
}

Status SimCertificateStore::setActive(const QString& system, const QString& name)
{
    m_active.insert(system, name);
    return save();
}

Status SimCertificateStore::save() const
{
    QJsonArray list;
    for (const SimCertificate& c : m_certificates) {
        list.append(QJsonObject{
            {QStringLiteral("name"), c.name},
            {QStringLiteral("type"), c.type},
            {QStringLiteral("certificate"), QString::fromLatin1(c.certificatePem)},
            {QStringLiteral("chain"), QString::fromLatin1(c.chainPem)},
            {QStringLiteral("key"), QString::fromLatin1(c.keyPem)},
            {QStringLiteral("imported"), c.imported.toString(Qt::ISODate)},
        });
    }
    QJsonObject active;
    for (auto it = m_active.cbegin(); it != m_active.cend(); ++it)
        active.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("certificates"), list},
                           {QStringLiteral("active"), active}};
    io::SecureFileWriter writer;
    writer.setOverwrite(true);
    writer.add(QDir(m_dir).filePath(QStringLiteral("state.json")),
               QJsonDocument(root).toJson(QJsonDocument::Indented));
    return writer.commit();
}

Status SimCertificateStore::load()
{
    QFile file(QDir(m_dir).filePath(QStringLiteral("state.json")));
    if (!file.open(QIODevice::ReadOnly))
        return Error::failure(
            QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return Error::failure(
            QStringLiteral("%1 is not a simulator state file.").arg(file.fileName()));
    for (const QJsonValue& v : root.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject o = v.toObject();
        SimCertificate c;
        c.name = o.value(QStringLiteral("name")).toString();
        c.type = o.value(QStringLiteral("type")).toString();
        c.certificatePem = o.value(QStringLiteral("certificate")).toString().toLatin1();
        c.chainPem = o.value(QStringLiteral("chain")).toString().toLatin1();
        c.keyPem = o.value(QStringLiteral("key")).toString().toLatin1();
        c.imported =
            QDateTime::fromString(o.value(QStringLiteral("imported")).toString(), Qt::ISODate);
        m_certificates.append(c);
    }
    const QJsonObject active = root.value(QStringLiteral("active")).toObject();
    for (auto it = active.begin(); it != active.end(); ++it) {
        if (find(it.value().toString()))
            m_active.insert(it.key(), it.value().toString());
    }
    return {};
}

} // namespace certdesk::sim
