#include "app/cli/ShowCommand.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace certdesk::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ShowCommand", text);
}

struct Shown
{
    QString kind;
    crypto::CertificateDetails details;
};

} // namespace

ShowCommand::ShowCommand()
    : m_passphrase(QString(), tr("passphrase of an encrypted key or PKCS#12 file"))
    , m_json(QStringLiteral("json"), tr("Print JSON instead of text."))
{
}

QString ShowCommand::summary() const
{
    return tr("View Certificate: show what a PEM, DER, PKCS#12, PKCS#7, CSR or key file holds, "
              "with the fields of the Admin Portal's View Certificate page.");
}

void ShowCommand::addOptions(QCommandLineParser& parser)
{
    m_passphrase.addTo(parser);
    parser.addOption(m_json);
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to show."));
}

Status ShowCommand::execute(const QCommandLineParser& parser)
{
    if (parser.positionalArguments().size() != 1)
        return Error::usage(tr("Give exactly one file to show."));
    const QString path = parser.positionalArguments().constFirst();
    auto passphrase = m_passphrase.read(parser);
    if (!passphrase)
        return passphrase.error();
    auto file = crypto::CryptoFile::load(path, PassphraseOption::pointer(*passphrase));
    if (!file)
        return file.error();

    QList<Shown> shown;
    for (const crypto::Certificate& c : crypto::orderChain(file->certificates))
        shown.append({QStringLiteral("certificate"), crypto::CertificateDetails::of(c)});
    for (const crypto::CertificateRequest& r : file->requests)
        shown.append({QStringLiteral("request"), crypto::CertificateDetails::of(r)});
    if (file->key)
        shown.append({QStringLiteral("privateKey"), crypto::CertificateDetails::of(*file->key)});

    if (parser.isSet(m_json)) {
        QJsonArray objects;
        for (const Shown& s : shown) {
            QJsonObject o = s.details.toJson();
            o.insert(QStringLiteral("kind"), s.kind);
            if (s.kind == QLatin1String("privateKey"))
                o.insert(QStringLiteral("encrypted"), file->keyWasEncrypted);
            objects.append(o);
        }
        const QJsonObject root{{QStringLiteral("file"), path},
                               {QStringLiteral("container"), file->containerName()},
                               {QStringLiteral("objects"), objects}};
        out(QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented)).trimmed());
        return {};
    }

    out(tr("File: %1 (%2)").arg(path, file->containerName()));
    int index = 0;
    for (const Shown& s : shown) {
        out(QString());
        out(tr("[%1/%2] %3").arg(++index).arg(shown.size()).arg(s.details.certificateType));
        const QList<crypto::DetailLine> lines = s.details.toLines();
        for (qsizetype i = 1; i < lines.size(); ++i) { // [0] is the type, shown above
            const crypto::DetailLine& line = lines[i];
            out(line.heading ? QStringLiteral("  %1").arg(line.label)
                             : QStringLiteral("  %1: %2").arg(line.label, line.value));
        }
    }
    return {};
}

} // namespace certdesk::cli
