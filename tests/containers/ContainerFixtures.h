#pragma once

// Inputs for the container suites, made with the openssl command-line tool so that what we
// read comes from an implementation other than ours: a root and an intermediate CA, a leaf
// signed by the intermediate, an unrelated key, and PKCS#12, PKCS#7, PEM and DER forms of
// them. Passphrases reach openssl through files or the environment, never the command line.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtDebug>

namespace containertest {

inline const QByteArray kPassphrase = "correct horse battery";
inline const QByteArray kWrongPassphrase = "wrong horse battery";
inline const QString kLeafCn = QStringLiteral("pbx.example.com");
inline const QString kInterCn = QStringLiteral("Containers Intermediate CA");
inline const QString kRootCn = QStringLiteral("Containers Root CA");
inline const QString kFriendlyName = QStringLiteral("PBX Leaf");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString args;
    bool ok() const { return exitCode == 0; }
    QString both() const { return QString::fromUtf8(out + err); }
    QString describe() const
    {
        return QStringLiteral("openssl %1 -> exit %2\n%3").arg(args).arg(exitCode).arg(both());
    }
};

inline Run openssl(const QStringList& args, const QProcessEnvironment& env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(QStringLiteral("openssl"), args);
    Run r;
    r.args = args.join(QLatin1Char(' '));
    if (!p.waitForStarted(10000)) {
        r.err = "openssl did not start";
        return r;
    }
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return r;
}

inline bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Builds every input file once in a temporary folder.
class Fixtures
{
public:
    bool make()
    {
        if (!m_dir.isValid())
            return false;
        return writeFile(path(QStringLiteral("pass.txt")), kPassphrase + '\n') &&
               writeFile(path(QStringLiteral("wrong-pass.txt")), kWrongPassphrase + '\n') &&
               writeFile(path(QStringLiteral("ext.cnf")), extensions()) && makeCertificates() &&
               makeKeys() && makeContainers();
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray bytes(const QString& name) const { return readFile(path(name)); }
    QString passin() const { return QStringLiteral("file:") + path(QStringLiteral("pass.txt")); }

private:
    static QByteArray extensions()
    {
        return "[req]\n"
               "distinguished_name = dn\n"
               "[dn]\n"
               "[v3_ca]\n"
               "basicConstraints = critical,CA:TRUE\n"
               "keyUsage = critical,keyCertSign,cRLSign\n"
               "subjectKeyIdentifier = hash\n"
               "authorityKeyIdentifier = keyid:always\n"
               "[v3_leaf]\n"
               "basicConstraints = critical,CA:FALSE\n"
               "keyUsage = critical,digitalSignature,keyEncipherment\n"
               "extendedKeyUsage = serverAuth\n"
               "subjectAltName = DNS:pbx.example.com\n"
               "subjectKeyIdentifier = hash\n"
               "authorityKeyIdentifier = keyid:always\n";
    }

    bool step(const QStringList& args, const QProcessEnvironment& env = {})
    {
        const Run r = openssl(args, env);
        if (!r.ok())
            qWarning().noquote() << r.describe();
        return r.ok();
    }

    bool makeCertificates()
    {
        const QString cnf = path(QStringLiteral("ext.cnf"));
        auto issue = [&](const QString& name, const QString& cn, const QString& ca,
                         const QString& ext, const QString& serial) {
            return step({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                         QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
                         QStringLiteral("-out"), path(name + QStringLiteral(".csr")),
                         QStringLiteral("-subj"), QStringLiteral("/CN=") + cn,
                         QStringLiteral("-config"), cnf}) &&
                   step({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                         path(name + QStringLiteral(".csr")), QStringLiteral("-CA"),
                         path(ca + QStringLiteral(".crt")), QStringLiteral("-CAkey"),
                         path(ca + QStringLiteral(".key")), QStringLiteral("-set_serial"), serial,
                         QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-extfile"),
                         cnf, QStringLiteral("-extensions"), ext, QStringLiteral("-out"),
                         path(name + QStringLiteral(".crt"))});
        };
        return step({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
                     QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                     QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                     path(QStringLiteral("root.key")), QStringLiteral("-out"),
                     path(QStringLiteral("root.crt")), QStringLiteral("-subj"),
                     QStringLiteral("/CN=") + kRootCn, QStringLiteral("-days"),
                     QStringLiteral("30"), QStringLiteral("-config"), cnf,
                     QStringLiteral("-extensions"), QStringLiteral("v3_ca")}) &&
               issue(QStringLiteral("inter"), kInterCn, QStringLiteral("root"),
                     QStringLiteral("v3_ca"), QStringLiteral("2")) &&
               issue(QStringLiteral("leaf"), kLeafCn, QStringLiteral("inter"),
                     QStringLiteral("v3_leaf"), QStringLiteral("3"))
               // An unrelated end-entity certificate (own key, self-signed).
               && step({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"),
                        QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                        QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                        path(QStringLiteral("other.key")), QStringLiteral("-out"),
                        path(QStringLiteral("other.crt")), QStringLiteral("-subj"),
                        QStringLiteral("/CN=other.example.com"), QStringLiteral("-days"),
                        QStringLiteral("30"), QStringLiteral("-config"), cnf,
                        QStringLiteral("-extensions"), QStringLiteral("v3_leaf")}) &&
               writeFile(path(QStringLiteral("chain.pem")),
                         bytes(QStringLiteral("inter.crt")) + bytes(QStringLiteral("root.crt"))) &&
               writeFile(path(QStringLiteral("all.pem")), bytes(QStringLiteral("leaf.crt")) +
                                                              bytes(QStringLiteral("inter.crt")) +
                                                              bytes(QStringLiteral("root.crt")));
    }

    bool makeKeys()
    {
        const QString key = path(QStringLiteral("leaf.key"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CERTDESK_TEST_PASS"), QString::fromUtf8(kPassphrase));
        return
            // Traditional (PKCS#1) PEM encrypted with a Proc-Type header, as `genrsa -aes256`
            // wrote before OpenSSL 3.
            step({QStringLiteral("rsa"), QStringLiteral("-in"), key, QStringLiteral("-aes256"),
                  QStringLiteral("-traditional"), QStringLiteral("-passout"), passin(),
                  QStringLiteral("-out"), path(QStringLiteral("leaf-trad-enc.key"))})
            // Unencrypted traditional PKCS#1.
            &&
            step({QStringLiteral("rsa"), QStringLiteral("-in"), key, QStringLiteral("-traditional"),
                  QStringLiteral("-out"), path(QStringLiteral("leaf-pkcs1.key"))})
            // PKCS#8 encrypted PEM; passphrase from the environment this time.
            && step({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-aes256"),
                     QStringLiteral("-passout"), QStringLiteral("env:CERTDESK_TEST_PASS"),
                     QStringLiteral("-out"), path(QStringLiteral("leaf-enc.key"))},
                    env)
            // DER: PKCS#8 plain, PKCS#8 encrypted, PKCS#1.
            && step({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-outform"),
                     QStringLiteral("DER"), QStringLiteral("-out"),
                     path(QStringLiteral("leaf-key.der"))}) &&
            step({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-in"), key,
                  QStringLiteral("-v2"), QStringLiteral("aes256"), QStringLiteral("-passout"),
                  passin(), QStringLiteral("-outform"), QStringLiteral("DER"),
                  QStringLiteral("-out"), path(QStringLiteral("leaf-key-enc.der"))}) &&
            step({QStringLiteral("rsa"), QStringLiteral("-in"), key, QStringLiteral("-traditional"),
                  QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                  path(QStringLiteral("leaf-key-pkcs1.der"))})
            // EC key as `openssl ecparam -genkey` writes it: EC PARAMETERS, then EC PRIVATE KEY.
            && step({QStringLiteral("ecparam"), QStringLiteral("-name"),
                     QStringLiteral("prime256v1"), QStringLiteral("-genkey"),
                     QStringLiteral("-out"), path(QStringLiteral("ec.key"))});
    }

    bool makeContainers()
    {
        const QStringList p12Base{QStringLiteral("pkcs12"),    QStringLiteral("-export"),
                                  QStringLiteral("-in"),       path(QStringLiteral("leaf.crt")),
                                  QStringLiteral("-inkey"),    path(QStringLiteral("leaf.key")),
                                  QStringLiteral("-certfile"), path(QStringLiteral("chain.pem")),
                                  QStringLiteral("-name"),     kFriendlyName,
                                  QStringLiteral("-passout"),  passin()};
        return step(p12Base +
                    QStringList{QStringLiteral("-out"), path(QStringLiteral("modern.p12"))}) &&
               step(p12Base + QStringList{QStringLiteral("-legacy"), QStringLiteral("-out"),
                                          path(QStringLiteral("legacy.p12"))})
               // PKCS#12 with only a certificate, and with only a key.
               && step({QStringLiteral("pkcs12"), QStringLiteral("-export"),
                        QStringLiteral("-nokeys"), QStringLiteral("-in"),
                        path(QStringLiteral("leaf.crt")), QStringLiteral("-passout"), passin(),
                        QStringLiteral("-out"), path(QStringLiteral("nokey.p12"))}) &&
               step({QStringLiteral("pkcs12"), QStringLiteral("-export"),
                     QStringLiteral("-nocerts"), QStringLiteral("-inkey"),
                     path(QStringLiteral("leaf.key")), QStringLiteral("-passout"), passin(),
                     QStringLiteral("-out"), path(QStringLiteral("nocert.p12"))})
               // PKCS#7 chains, PEM and DER.
               && step({QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"),
                        QStringLiteral("-certfile"), path(QStringLiteral("all.pem")),
                        QStringLiteral("-out"), path(QStringLiteral("chain.p7b"))}) &&
               step({QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"),
                     QStringLiteral("-certfile"), path(QStringLiteral("all.pem")),
                     QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                     path(QStringLiteral("chain-der.p7b"))})
               // DER certificate and request.
               && step({QStringLiteral("x509"), QStringLiteral("-in"),
                        path(QStringLiteral("leaf.crt")), QStringLiteral("-outform"),
                        QStringLiteral("DER"), QStringLiteral("-out"),
                        path(QStringLiteral("leaf.der"))}) &&
               step({QStringLiteral("req"), QStringLiteral("-in"), path(QStringLiteral("leaf.csr")),
                     QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"),
                     path(QStringLiteral("leaf-csr.der"))})
               // A certificate with OpenSSL trust settings ("TRUSTED CERTIFICATE").
               && step({QStringLiteral("x509"), QStringLiteral("-in"),
                        path(QStringLiteral("root.crt")), QStringLiteral("-trustout"),
                        QStringLiteral("-addtrust"), QStringLiteral("serverAuth"),
                        QStringLiteral("-out"), path(QStringLiteral("root-trusted.pem"))});
    }

    QTemporaryDir m_dir;
};

} // namespace containertest
