#include "ui/ImportDropHandler.h"

#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CryptoFile.h"

#include <QFileInfo>
#include <QFuture>
#include <QMimeData>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace certdesk::ui {

using Kind = ImportDropHandler::Route::Kind;

ImportDropHandler::ImportDropHandler(QObject* parent)
    : QObject(parent)
{
}

QStringList ImportDropHandler::supportedSuffixes()
{
    return {QStringLiteral("p12"), QStringLiteral("pfx"), QStringLiteral("pem"),
            QStringLiteral("crt"), QStringLiteral("cer"), QStringLiteral("der"),
            QStringLiteral("key"), QStringLiteral("csr"), QStringLiteral("p7b")};
}

bool ImportDropHandler::isSupported(const QString& path)
{
    return supportedSuffixes().contains(QFileInfo(path).suffix().toLower());
}

QStringList ImportDropHandler::acceptablePaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && isSupported(url.toLocalFile()))
            paths << url.toLocalFile();
    }
    return paths;
}

ImportDropHandler::Route ImportDropHandler::classify(const QList<FileSource>& sources,
                                                     const QList<store::StoreEntry>& entries)
{
    Route route;
    // PKCS#12 needs its passphrase before anything can be read: straight to the import form.
    for (const FileSource& s : sources) {
        const QString suffix = QFileInfo(s.path).suffix().toLower();
        if (suffix == QLatin1String("p12") || suffix == QLatin1String("pfx")) {
            route.kind = Kind::Pkcs12;
            route.bundle = s;
            return route;
        }
    }

    std::optional<FileSource> certificateSource;
    std::optional<FileSource> keySource;
    QList<crypto::Certificate> certificates;
    QList<crypto::CertificateRequest> requests;
    QStringList problems;
    for (const FileSource& s : sources) {
        auto bytes = s.read();
        if (!bytes) {
            problems << bytes.error().message;
            continue;
        }
        auto file = crypto::CryptoFile::parse(*bytes);
        if (!file) {
            // An encrypted key cannot be read without its passphrase; the import form asks.
            const bool looksLikeKey =
                QFileInfo(s.path).suffix().toLower() == QLatin1String("key") ||
                bytes->contains("ENCRYPTED PRIVATE KEY");
            if (looksLikeKey && !keySource) {
                keySource = s;
                continue;
            }
            problems << QStringLiteral("%1: %2").arg(s.label(), file.error().message);
            continue;
        }
        if (!file->certificates.isEmpty() && !certificateSource) {
            certificateSource = s;
            certificates = file->certificates;
        }
        if ((file->key || file->keyWasEncrypted) && !keySource)
            keySource = s;
        requests << file->requests;
    }

    if (certificateSource) {
        // A certificate for a key CertDesk holds is the CA's answer to that entry.
        if (!keySource || keySource->path == certificateSource->path) {
            for (const crypto::Certificate& c : crypto::orderChain(certificates)) {
                const QString keyHash = crypto::colonHex(c.publicKey().sha256());
                for (const store::StoreEntry& e : entries) {
                    if (e.hasKey && e.publicKeySha256 == keyHash && !keySource) {
                        route.kind = Kind::SignedAnswer;
                        route.entry = e.name;
                        route.certificate = *certificateSource;
                        return route;
                    }
                }
            }
        }
        route.kind = Kind::CertificateAndKey;
        route.certificate = *certificateSource;
        if (keySource)
            route.key = *keySource;
        return route;
    }
    if (keySource) {
        route.kind = Kind::CertificateAndKey;
        route.key = *keySource;
        return route;
    }
    if (!requests.isEmpty()) {
        route.kind = Kind::Details;
        QStringList lines;
        for (const crypto::DetailLine& line :
             crypto::CertificateDetails::of(requests.first()).toLines()) {
            if (line.heading)
                lines << line.label;
            else if (!line.value.isEmpty())
                lines << QStringLiteral("%1: %2").arg(line.label, line.value);
        }
        route.message = tr("This is a certificate signing request. Give it to your CA, or issue "
                           "it with one of your CA certificates (certdesk-cli issue --csr).") +
                        QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
        return route;
    }
    route.kind = Kind::Unsupported;
    route.message = problems.isEmpty() ? tr("Nothing CertDesk can import was found.")
                                       : problems.join(QLatin1Char('\n'));
    return route;
}

void ImportDropHandler::handleFiles(const QStringList& paths,
                                    const QList<store::StoreEntry>& entries)
{
    QList<FileSource> sources;
    QStringList ignored;
    for (const QString& p : paths) {
        if (isSupported(p))
            sources << FileSource::fromPath(p);
        else
            ignored << QFileInfo(p).fileName();
    }
    if (sources.isEmpty()) {
        Route route;
        route.message = tr("CertDesk imports .p12, .pfx, .pem, .crt, .cer, .der, .key, .csr and "
                           ".p7b files; %1 is none of them.")
                            .arg(ignored.join(QStringLiteral(", ")));
        emit routed(route);
        return;
    }
    start(sources, entries);
}

void ImportDropHandler::handlePasted(const QByteArray& text,
                                     const QList<store::StoreEntry>& entries)
{
    if (!text.contains("-----BEGIN ")) {
        Route route;
        route.message = tr("The clipboard holds no PEM text (-----BEGIN …-----).");
        emit routed(route);
        return;
    }
    start({FileSource::fromData(text)}, entries);
}

void ImportDropHandler::start(const QList<FileSource>& sources,
                              const QList<store::StoreEntry>& entries)
{
    m_busy = true;
    QtConcurrent::run([sources, entries] {
        return classify(sources, entries);
    }).then(this, [this](Route route) {
        m_busy = false;
        emit routed(route);
    });
}

} // namespace certdesk::ui
