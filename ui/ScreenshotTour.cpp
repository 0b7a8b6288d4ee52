#include "ui/ScreenshotTour.h"

#include "ui/BulkActivationPage.h"
#include "ui/CaCertificatePage.h"
#include "ui/CertificateGenerationPage.h"
#include "ui/MainWindow.h"
#include "ui/ServerCertificatePage.h"
#include "ui/ServerCertificatesPage.h"
#include "ui/StoreController.h"

#include "core/crypto/GeneralName.h"

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>

namespace certdesk::ui {

using Node = NavigationTree::Node;

namespace {

// Runs the event loop until `done` holds, polling every 50 ms; false after `ms`.
bool waitUntil(const std::function<bool()>& done, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Triggers `start`, then runs the event loop until `sender` emits `signal`; false after `ms`.
template <typename Sender, typename Signal>
bool triggerAndWait(Sender* sender, Signal signal, const std::function<void()>& start, int ms)
{
    QEventLoop loop;
    bool emitted = false;
    QObject::connect(sender, signal, &loop, [&loop, &emitted] {
        emitted = true;
        loop.quit();
    });
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    start();
    if (!emitted)
        loop.exec();
    return emitted;
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow* window, QString directory)
    : QObject(window)
    , m_window(window)
    , m_directory(std::move(directory))
{
}

void ScreenshotTour::plan()
{
    QString ca;
    QString server;
    QString request;
    for (const store::StoreEntry& e : m_window->store()->entries()) {
        if (e.type == store::EntryType::CaCertificate && ca.isEmpty())
            ca = e.name;
        else if ((e.type == store::EntryType::CaSigned || e.type == store::EntryType::Imported) &&
                 server.isEmpty())
            server = e.name;
        else if (e.type == store::EntryType::CertificateRequest && request.isEmpty())
            request = e.name;
    }
    if (qEnvironmentVariableIntValue("CERTDESK_SCREENSHOT_SITES") == 1) {
        m_shots = {{QStringLiteral("bulk-activation-run.png"),
                    Node::BulkActivation,
                    QString(),
                    -1,
                    {},
                    [this] {
                        return runBulkActivation();
                    }}};
        return;
    }
    auto fill = [this](QWidget* form, const QList<std::pair<const char*, QString>>& values) {
        Q_UNUSED(this);
        for (const auto& [objectName, text] : values) {
            if (auto* edit = form->findChild<QLineEdit*>(QLatin1String(objectName)))
                edit->setText(text);
        }
    };
    m_shots = {
        {QStringLiteral("certificate-generation.png"),
         Node::CertificateGeneration,
         QString(),
         CertificateGenerationPage::GeneralInformation,
         {}},
        {QStringLiteral("generate-ca-certificate.png"), Node::CertificateGeneration, QString(),
         CertificateGenerationPage::GenerateCa,
         [this, fill] {
             QWidget* form =
                 m_window->generationPage()->tabs()->widget(CertificateGenerationPage::GenerateCa);
             fill(form, {{"nameEdit", QStringLiteral("Customer Root CA")},
                         {"countryEdit", QStringLiteral("DEU")},
                         {"organizationEdit", QStringLiteral("Example Co")},
                         {"commonNameEdit", QStringLiteral("Example Technician CA")}});
         }},
        {QStringLiteral("server-certificates-csr.png"), Node::ServerCertificates, QString(),
         ServerCertificatesPage::GenerateCsr,
         [this, fill] {
             QWidget* form =
                 m_window->serversPage()->tabs()->widget(ServerCertificatesPage::GenerateCsr);
             fill(form, {{"nameEdit", QStringLiteral("osbiz2")},
                         {"countryEdit", QStringLiteral("DE")},
                         {"organizationEdit", QStringLiteral("Example Co")},
                         {"organizationUnitEdit", QStringLiteral("Example")},
                         {"commonNameEdit", QStringLiteral("www.example.com")},
                         {"sanValueEdit", QStringLiteral("999.1.1.1")}});
             if (auto* type = form->findChild<QComboBox*>(QStringLiteral("sanTypeCombo")))
                 type->setCurrentIndex(type->findData(int(crypto::GeneralName::Kind::Ip)));
         }},
        {QStringLiteral("import-server-certificate.png"),
         Node::ServerCertificates,
         QString(),
         ServerCertificatesPage::ImportServerCertificate,
         {}},
        {QStringLiteral("expiry-overview.png"), Node::ExpiryOverview, QString(), -1, {}},
        {QStringLiteral("bulk-activation.png"), Node::BulkActivation, QString(), -1,
         [this, server] {
             // A CA-signed certificate for the sites of one tag, as a technician starts a batch.
             auto* certificate =
                 m_window->findChild<QComboBox*>(QStringLiteral("bulkCertificateCombo"));
             if (certificate && certificate->findData(server) >= 0)
                 certificate->setCurrentIndex(certificate->findData(server));
             auto* tags = m_window->findChild<QComboBox*>(QStringLiteral("bulkTagCombo"));
             if (tags && tags->count() > 1)
                 tags->setCurrentIndex(1);
         }},
    };
    if (!ca.isEmpty()) {
        m_shots << Shot{QStringLiteral("ca-view-certificate.png"),
                        Node::CaCertificate,
                        ca,
                        CaCertificatePage::View,
                        {}};
        m_shots << Shot{QStringLiteral("ca-generate-ca-signed.png"),
                        Node::CaCertificate,
                        ca,
                        CaCertificatePage::GenerateCaSigned,
                        {}};
    }
    if (!server.isEmpty()) {
        m_shots << Shot{QStringLiteral("server-view-certificate.png"),
                        Node::ServerCertificate,
                        server,
                        ServerCertificatePage::View,
                        {}};
        m_shots << Shot{QStringLiteral("server-export-certificate.png"),
                        Node::ServerCertificate,
                        server,
                        ServerCertificatePage::Export,
                        {}};
    }
    if (!request.isEmpty())
        m_shots << Shot{QStringLiteral("csr-view-certificate.png"),
                        Node::ServerCertificate,
                        request,
                        ServerCertificatePage::View,
                        {}};
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    plan();
    m_index = -1;
    // Wait for the store key first: pages that need it say so otherwise.
    QTimer::singleShot(0, this, &ScreenshotTour::next);
}

void ScreenshotTour::next()
{
    ++m_index;
    if (m_index >= m_shots.size()) {
        emit finished(m_failures);
        return;
    }
    const Shot& shot = m_shots[m_index];
    m_window->navigate(shot.node, shot.name, shot.tab);
    if (shot.prepare)
        shot.prepare();
    if (shot.perform && !shot.perform()) {
        ++m_failures;
        QTimer::singleShot(0, this, &ScreenshotTour::next);
        return;
    }
    waitAndGrab(0);
}

bool ScreenshotTour::runBulkActivation()
{
    const auto fail = [this](const char* what) {
        std::fprintf(stderr, "screenshot: %s: %s\n", qPrintable(m_shots[m_index].file), what);
        return false;
    };
    auto* page = m_window->findChild<BulkActivationPage*>();
    auto* certificate = m_window->findChild<QComboBox*>(QStringLiteral("bulkCertificateCombo"));
    auto* tags = m_window->findChild<QComboBox*>(QStringLiteral("bulkTagCombo"));
    auto* preflight = m_window->findChild<QPushButton*>(QStringLiteral("bulkPreflightButton"));
    auto* run = m_window->findChild<QPushButton*>(QStringLiteral("bulkRunButton"));
    if (!page || !certificate || !tags || !preflight || !run)
        return fail("no Bulk Activation page");
    // The store opens (its key from the keychain) and lists its entries in the background.
    if (!waitUntil([certificate, tags] { return certificate->count() > 0 && tags->count() > 1; },
                   20000))
        return fail("no certificate or no tag to choose");
    certificate->setCurrentIndex(0);
    tags->setCurrentIndex(1);
    if (!waitUntil([preflight] { return preflight->isEnabled(); }, 10000))
        return fail("Preflight stays disabled");
    if (!triggerAndWait(
            page, &BulkActivationPage::preflightFinished, [preflight] { preflight->click(); },
            30000))
        return fail("the preflight did not finish within 30 s");
    if (!run->isEnabled())
        return fail("the preflight found no site ready");
    if (!triggerAndWait(
            page, &BulkActivationPage::batchFinished, [run] { run->click(); }, 60000))
        return fail("the run did not finish within 60 s");
    return true;
}

void ScreenshotTour::waitAndGrab(int polls)
{
    // Let the reads (View, Export) finish and the layout settle; give up waiting after 10 s.
    const bool settled = polls >= 3 && !m_window->store()->isBusy() &&
                         m_window->store()->keyState() != StoreController::KeyState::Pending;
    if (!settled && polls < 200) {
        QTimer::singleShot(50, this, [this, polls] { waitAndGrab(polls + 1); });
        return;
    }
    const QString path = QDir(m_directory).filePath(m_shots[m_index].file);
    if (m_window->grab().save(path)) {
        std::printf("screenshot: %s\n", qPrintable(QDir::toNativeSeparators(path)));
    } else {
        std::fprintf(stderr, "screenshot: cannot write %s\n", qPrintable(path));
        ++m_failures;
    }
    std::fflush(stdout);
    next();
}

} // namespace certdesk::ui
