#pragma once

#include "core/store/StoreEntry.h"
#include "ui/FileSource.h"

#include <QList>
#include <QObject>
#include <QStringList>

class QMimeData;

namespace certdesk::ui {

// Files dropped on the window, or PEM text pasted, start the right import: a PKCS#12 file the
// Import Server Certificate tab, a certificate whose key is in the store that entry's Import
// Updated Certificate tab, a certificate (and key) otherwise Import Server Certificate, a CSR
// its details. Files are read and parsed off the UI thread.
class ImportDropHandler : public QObject
{
    Q_OBJECT
public:
    struct Route
    {
        enum class Kind { Pkcs12, CertificateAndKey, SignedAnswer, Details, Unsupported };
        Kind kind = Kind::Unsupported;
        FileSource bundle;
        FileSource certificate;
        FileSource key;
        QString entry;   // SignedAnswer: the entry whose key the certificate certifies
        QString message; // Details: what was found; Unsupported: why nothing happens
    };

    explicit ImportDropHandler(QObject* parent = nullptr);

    static QStringList supportedSuffixes(); // p12 pfx pem crt cer der key csr p7b
    static bool isSupported(const QString& path);
    static QStringList acceptablePaths(const QMimeData* mime);

    // Reads the sources and decides; blocking, so call it off the UI thread.
    static Route classify(const QList<FileSource>& sources,
                          const QList<store::StoreEntry>& entries);

    void handleFiles(const QStringList& paths, const QList<store::StoreEntry>& entries);
    void handlePasted(const QByteArray& text, const QList<store::StoreEntry>& entries);
    bool isBusy() const { return m_busy; }

signals:
    void routed(const certdesk::ui::ImportDropHandler::Route& route);

private:
    void start(const QList<FileSource>& sources, const QList<store::StoreEntry>& entries);

    bool m_busy = false;
};

} // namespace certdesk::ui
