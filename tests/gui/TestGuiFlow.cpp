// The main flow, clicked through the window: generate a CA, issue a CA-signed server
// certificate (store entry and BasedOn<CA>.p12), generate a CSR, export it, have a CA sign it,
// import the answer, view it, export it as PKCS#12, delete it — and check the store on disk.
#include "GuiTest.h"

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateDetails.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/CryptoFile.h"
#include "core/crypto/Pkcs12Bundle.h"
#include "core/crypto/PrivateKey.h"
#include "core/store/CertificateStore.h"
#include "ui/CaCertificatePage.h"
#include "ui/CertificateGenerationPage.h"
#include "ui/DetailLinesView.h"
#include "ui/ExportCertificateWidget.h"
#include "ui/FindingsPanel.h"
#include "ui/ServerCertificatePage.h"
#include "ui/ServerCertificatesPage.h"
#include "ui/StoreController.h"
#include "ui/ViewCertificateWidget.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>

#include <algorithm>

using namespace certdesk;
using guitest::child;
using Node = ui::NavigationTree::Node;

class TestGuiFlow : public QObject
{
    Q_OBJECT
private slots:
    void mainFlow();
    void caAnswersItsOwnCsr();
    void importServerCertificateFromPkcs12();
};

namespace {

store::CertificateStore openStore(const QString& root)
{
    auto s = store::CertificateStore::open(root);
    if (!s)
        qFatal("cannot open the store: %s", qPrintable(s.error().message));
    return std::move(*s);
}

void typeInto(QWidget* form, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(form, name);
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

// Clicks the form's Apply button once it is enabled, then waits for the job to end.
void apply(QWidget* form)
{
    auto* button = child<QPushButton>(form, "applyButton");
    QVERIFY(button);
    auto* reason = child<QLabel>(form, "reasonLabel");
    QVERIFY2(button->isEnabled(), qPrintable(reason ? reason->text() : QString()));
    guitest::click(button);
}

QString resultOf(QWidget* form)
{
    auto* result = child<QLabel>(form, "resultLabel");
    return result ? result->text() : QString();
}

} // namespace

void TestGuiFlow::mainFlow()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow& window = *w.window;
    ui::NavigationTree* tree = window.tree();

    // 1. Certificate Generation → Generate CA Certificate.
    guitest::clickTreeItem(tree->item(Node::CertificateGeneration));
    QCOMPARE(window.currentPage(), window.generationPage());
    guitest::clickTab(window.generationPage()->tabs(), ui::CertificateGenerationPage::GenerateCa);
    QWidget* caForm = child<QWidget>(&window, "generateCaForm");
    QVERIFY(caForm && caForm->isVisible());
    typeInto(caForm, "nameEdit", QStringLiteral("Technician CA"));
    typeInto(caForm, "countryEdit", QStringLiteral("DE"));
    typeInto(caForm, "organizationEdit", QStringLiteral("Example Co"));
    typeInto(caForm, "commonNameEdit", QStringLiteral("Example Technician CA"));
    apply(caForm);
    // The key is generated off the UI thread: the form shows it is busy and takes no second click.
    QVERIFY(child<QProgressBar>(caForm, "busyIndicator")->isVisible());
    QVERIFY(!child<QPushButton>(caForm, "applyButton")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(tree->item(Node::CaCertificate, QStringLiteral("Technician CA")),
                             guitest::kSlow);
    QVERIFY(!child<QProgressBar>(caForm, "busyIndicator")->isVisible());
    QVERIFY2(resultOf(caForm).contains(QStringLiteral("Generated")), qPrintable(resultOf(caForm)));

    // 2. The CA → Generate CA-Signed Server Certificate [PKCS#12], stored and saved.
    guitest::clickTreeItem(tree->item(Node::CaCertificate, QStringLiteral("Technician CA")));
    QCOMPARE(window.currentPage(), window.caPage());
    guitest::clickTab(window.caPage()->tabs(), ui::CaCertificatePage::GenerateCaSigned);
    QWidget* issueForm = child<QWidget>(window.caPage(), "generateCaSignedForm");
    QVERIFY(issueForm && issueForm->isVisible());
    typeInto(issueForm, "nameEdit", QStringLiteral("osbiz1"));
    typeInto(issueForm, "passphraseEdit", QStringLiteral("bundle-pass"));
    typeInto(issueForm, "passphraseRepeatEdit", QStringLiteral("bundle-pass"));
    typeInto(issueForm, "countryEdit", QStringLiteral("DE"));
    typeInto(issueForm, "organizationEdit", QStringLiteral("Example Co"));
    typeInto(issueForm, "commonNameEdit", QStringLiteral("osbiz1.example.com"));
    auto* sanType = child<QComboBox>(issueForm, "sanTypeCombo");
    typeInto(issueForm, "sanValueEdit", QStringLiteral("osbiz1.example.com"));
    guitest::click(child<QPushButton>(issueForm, "sanAddButton"));
    sanType->setCurrentIndex(sanType->findText(QStringLiteral("IP Address")));
    typeInto(issueForm, "sanValueEdit", QStringLiteral("192.0.2.10"));
    guitest::click(child<QPushButton>(issueForm, "sanAddButton"));
    const QString bundlePath =
        QDir(w.home.path()).filePath(QStringLiteral("BasedOnTechnician CA.p12"));
    w.dialogs.saveAnswers << bundlePath;
    apply(issueForm);
    QTRY_VERIFY_WITH_TIMEOUT(tree->item(Node::ServerCertificate, QStringLiteral("osbiz1")),
                             guitest::kSlow);
    QVERIFY(w.dialogs.suggestedPaths.last().endsWith(QStringLiteral("BasedOnTechnician CA.p12")));
    {
        QFile file(bundlePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto bundle = crypto::Pkcs12Bundle::read(
            file.readAll(), crypto::SecretBytes::fromUtf8(QStringLiteral("bundle-pass")));
        QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message));
        QCOMPARE(bundle->certificate.subjectCommonName(), QStringLiteral("osbiz1.example.com"));
        QCOMPARE(bundle->chain.size(), 1);
        QCOMPARE(bundle->chain.first().subjectCommonName(),
                 QStringLiteral("Example Technician CA"));
        QVERIFY(bundle->certificate.isIssuedBy(bundle->chain.first()));
        QCOMPARE(bundle->key.bits(), 2048);
        const auto details = crypto::CertificateDetails::of(bundle->certificate);
        QCOMPARE(details.subjectAltNames.size(), 2);
    }

    // 3. Server Certificates → Generate Certificate Signing Request (CSR).
    guitest::clickTreeItem(tree->item(Node::ServerCertificates));
    QCOMPARE(window.currentPage(), window.serversPage());
    guitest::clickTab(window.serversPage()->tabs(), ui::ServerCertificatesPage::GenerateCsr);
    QWidget* csrForm = child<QWidget>(&window, "generateCsrForm");
    typeInto(csrForm, "nameEdit", QStringLiteral("Mycertificate"));
    auto* algorithm = child<QComboBox>(csrForm, "signatureAlgorithmCombo");
    algorithm->setCurrentIndex(algorithm->findText(QStringLiteral("sha384RSA")));
    typeInto(csrForm, "countryEdit", QStringLiteral("DE"));
    typeInto(csrForm, "organizationEdit", QStringLiteral("Example Co"));
    typeInto(csrForm, "organizationUnitEdit", QStringLiteral("Example"));
    typeInto(csrForm, "commonNameEdit", QStringLiteral("www.example.com"));
    typeInto(csrForm, "sanValueEdit", QStringLiteral("www.example.com"));
    guitest::click(child<QPushButton>(csrForm, "sanAddButton"));
    apply(csrForm);
    QTRY_VERIFY_WITH_TIMEOUT(tree->item(Node::ServerCertificate, QStringLiteral("Mycertificate")),
                             guitest::kSlow);

    // 4. The CSR → Export Certificate / CSR: Mycertificate.csr for the CA.
    guitest::clickTreeItem(tree->item(Node::ServerCertificate, QStringLiteral("Mycertificate")));
    QCOMPARE(window.currentPage(), window.serverPage());
    QCOMPARE(window.serverPage()->entry(), QStringLiteral("Mycertificate"));
    guitest::clickTab(window.serverPage()->tabs(), ui::ServerCertificatePage::Export);
    auto* exporter = child<ui::ExportCertificateWidget>(window.serverPage(), "exportCertificate");
    QTRY_VERIFY(!exporter->isLoading());
    const QString csrPath = QDir(w.home.path()).filePath(QStringLiteral("Mycertificate.csr"));
    w.dialogs.saveAnswers << csrPath;
    apply(exporter);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(csrPath), guitest::kSlow);
    QVERIFY(w.dialogs.suggestedPaths.last().endsWith(QStringLiteral("Mycertificate.csr")));

    // 5. A CA (here the test's own) signs the request.
    QFile csrFile(csrPath);
    QVERIFY(csrFile.open(QIODevice::ReadOnly));
    auto request = crypto::CertificateRequest::fromPem(csrFile.readAll());
    QVERIFY(request);
    QVERIFY(request->verifySignature());
    QCOMPARE(request->subject().commonName, QStringLiteral("www.example.com"));
    auto caKey = crypto::PrivateKey::generate(crypto::KeyAlgorithm::Rsa2048);
    QVERIFY(caKey);
    crypto::CertificateSpec caSpec;
    caSpec.profile = crypto::CertificateSpec::Profile::CertificateAuthority;
    caSpec.subject.country = QStringLiteral("AT");
    caSpec.subject.organization = QStringLiteral("Test CA Org");
    caSpec.subject.commonName = QStringLiteral("Test Issuing CA");
    caSpec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    caSpec.notAfter = caSpec.notBefore.addYears(5);
    auto ca = crypto::CertificateBuilder(caSpec).selfSign(*caKey);
    QVERIFY(ca);
    crypto::CertificateSpec leafSpec;
    leafSpec.profile = crypto::CertificateSpec::Profile::CaSignedServer;
    leafSpec.subject = request->subject();
    leafSpec.subjectAltNames = request->subjectAltNames();
    leafSpec.digest = crypto::SignatureDigest::Sha384;
    leafSpec.notBefore = QDateTime::currentDateTimeUtc().addSecs(-60);
    leafSpec.notAfter = leafSpec.notBefore.addDays(90);
    auto leaf = crypto::CertificateBuilder(leafSpec).issue(request->publicKey(), *ca, *caKey);
    QVERIFY(leaf);
    const QString answerPath = QDir(w.home.path()).filePath(QStringLiteral("answer.pem"));
    {
        QFile answer(answerPath);
        QVERIFY(answer.open(QIODevice::WriteOnly));
        answer.write(ca->toPem() + leaf->toPem()); // chain first: the store orders it
    }

    // 6. Import Updated Certificate / Certificate for CSR [X.509].
    guitest::clickTab(window.serverPage()->tabs(), ui::ServerCertificatePage::ImportSigned);
    QWidget* importSigned = child<QWidget>(window.serverPage(), "importSigned");
    QVERIFY(importSigned->isVisible());
    w.dialogs.openAnswers << answerPath;
    guitest::click(child<QPushButton>(child<QWidget>(importSigned, "answerFile"), "browseButton"));
    apply(importSigned);
    QTRY_VERIFY_WITH_TIMEOUT(
        resultOf(importSigned).contains(QStringLiteral("CA-Signed Peer Certificate")),
        guitest::kSlow);
    QCOMPARE(window.store()->find(QStringLiteral("Mycertificate"))->type,
             store::EntryType::CaSigned);

    // 7. View Certificate: the Admin Portal's lines and the findings panel.
    guitest::clickTab(window.serverPage()->tabs(), ui::ServerCertificatePage::View);
    auto* view = child<ui::ViewCertificateWidget>(window.serverPage(), "viewCertificate");
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() &&
                                 view->details()->value(QStringLiteral("Certificate Type")) ==
                                     QStringLiteral("CA-Signed Peer Certificate"),
                             guitest::kSlow);
    QCOMPARE(view->details()->value(QStringLiteral("Type of Signature Algorithm")),
             QStringLiteral("sha384RSA"));
    QCOMPARE(view->details()->value(QStringLiteral("Public Key Length")), QStringLiteral("2048"));
    QCOMPARE(view->details()->value(QStringLiteral("Common Name (CN)")),
             QStringLiteral("Test Issuing CA"));
    QCOMPARE(leaf->sha256Fingerprint().size(), 32);
    QCOMPARE(view->details()->value(QStringLiteral("Fingerprint (SHA-256)")),
             crypto::colonHex(leaf->sha256Fingerprint()));
    auto* summary = child<QLabel>(view, "findingsSummary");
    QVERIFY(summary && summary->isVisible());
    QVERIFY2(summary->text().contains(QStringLiteral("osbiz-v3")), qPrintable(summary->text()));

    // 8. Export as PKCS#12 (compatible), with the findings shown before.
    guitest::clickTab(window.serverPage()->tabs(), ui::ServerCertificatePage::Export);
    QTRY_VERIFY(!exporter->isLoading());
    auto* format = child<QComboBox>(exporter, "exportFormatCombo");
    const int compat = format->findData(int(ui::StoreTasks::ExportFormat::Pkcs12Compat));
    QVERIFY(compat >= 0);
    format->setCurrentIndex(compat);
    QVERIFY(!child<QPushButton>(exporter, "applyButton")->isEnabled()); // passphrase first
    QVERIFY(child<QLabel>(exporter, "reasonLabel")->text().contains(QStringLiteral("passphrase")));
    typeInto(exporter, "passphraseEdit", QStringLiteral("export-pass"));
    typeInto(exporter, "passphraseRepeatEdit", QStringLiteral("export-pass"));
    QVERIFY(
        child<QLabel>(exporter, "findingsSummary")->text().contains(QStringLiteral("osbiz-v3")));
    const QString p12Path = QDir(w.home.path()).filePath(QStringLiteral("Mycertificate.p12"));
    w.dialogs.saveAnswers << p12Path;
    apply(exporter);
    QTRY_VERIFY_WITH_TIMEOUT(resultOf(exporter).startsWith(QStringLiteral("Wrote")),
                             guitest::kSlow);
    {
        QFile file(p12Path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto bundle = crypto::Pkcs12Bundle::read(
            file.readAll(), crypto::SecretBytes::fromUtf8(QStringLiteral("export-pass")));
        QVERIFY2(bundle, qPrintable(bundle ? QString() : bundle.error().message));
        QVERIFY(bundle->certificate == *leaf);
        QVERIFY(bundle->certificate.matches(bundle->key));
        QCOMPARE(bundle->chain.size(), 1);
        QVERIFY(bundle->chain.first() == *ca);
    }

    // 9. Delete Certificate, confirmed: the entry goes to the trash.
    guitest::clickTab(window.serverPage()->tabs(), ui::ServerCertificatePage::Delete);
    QWidget* deleter = child<QWidget>(window.serverPage(), "deleteCertificate");
    const int asked = w.dialogs.confirmations.size();
    apply(deleter);
    QCOMPARE(w.dialogs.confirmations.size(), asked + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!tree->item(Node::ServerCertificate, QStringLiteral("Mycertificate")),
                             guitest::kSlow);
    QCOMPARE(tree->currentNode(), Node::ServerCertificates); // back to the list
    QCOMPARE(window.currentPage(), window.serversPage());

    // The store on disk, read afresh.
    store::CertificateStore onDisk = openStore(w.storeRoot());
    QCOMPARE(onDisk.entries().size(), 2);
    const auto caEntry = onDisk.find(QStringLiteral("Technician CA"));
    QVERIFY(caEntry);
    QCOMPARE(caEntry->type, store::EntryType::CaCertificate);
    QVERIFY(caEntry->hasKey);
    const auto issued = onDisk.find(QStringLiteral("osbiz1"));
    QVERIFY(issued);
    QCOMPARE(issued->type, store::EntryType::CaSigned);
    QCOMPARE(issued->commonName, QStringLiteral("osbiz1.example.com"));
    QVERIFY(issued->hasKey);
    QVERIFY(!onDisk.find(QStringLiteral("Mycertificate")));
    // In the trash: the deleted certificate (and the CSR state the CA's answer replaced).
    const auto trash = onDisk.trash();
    QVERIFY(std::any_of(trash.begin(), trash.end(), [](const store::TrashItem& t) {
        return t.entry.name == QStringLiteral("Mycertificate") &&
               t.entry.type == store::EntryType::CaSigned;
    }));
    auto material = onDisk.load(QStringLiteral("osbiz1"), false);
    QVERIFY(material);
    QCOMPARE(material->chain.size(), 1);
    QCOMPARE(material->chain.first().subjectCommonName(), QStringLiteral("Example Technician CA"));
}

namespace {

void generateCa(ui::MainWindow& window, const QString& name)
{
    QVERIFY(window.navigate(Node::CertificateGeneration, QString(),
                            ui::CertificateGenerationPage::GenerateCa));
    QWidget* form = child<QWidget>(&window, "generateCaForm");
    typeInto(form, "nameEdit", name);
    typeInto(form, "commonNameEdit", name + QStringLiteral(" Root"));
    apply(form);
    QTRY_VERIFY_WITH_TIMEOUT(window.tree()->item(Node::CaCertificate, name), guitest::kSlow);
}

} // namespace

// Update CA-Signed Server Certificate [X.509]: one's own CA answers a stored CSR.
void TestGuiFlow::caAnswersItsOwnCsr()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow& window = *w.window;
    generateCa(window, QStringLiteral("Own CA"));
    QVERIFY(window.navigate(Node::ServerCertificates, QString(),
                            ui::ServerCertificatesPage::GenerateCsr));
    QWidget* csrForm = child<QWidget>(&window, "generateCsrForm");
    typeInto(csrForm, "nameEdit", QStringLiteral("pbx"));
    typeInto(csrForm, "commonNameEdit", QStringLiteral("pbx.example.com"));
    apply(csrForm);
    QTRY_VERIFY_WITH_TIMEOUT(window.tree()->item(Node::ServerCertificate, QStringLiteral("pbx")),
                             guitest::kSlow);

    QVERIFY(window.navigate(Node::CaCertificate, QStringLiteral("Own CA"),
                            ui::CaCertificatePage::UpdateCaSigned));
    QWidget* update = child<QWidget>(window.caPage(), "updateCaSigned");
    QVERIFY(update->isVisible());
    auto* target = child<QComboBox>(update, "targetCombo");
    QCOMPARE(target->count(), 1);
    QCOMPARE(target->currentData().toString(), QStringLiteral("pbx"));
    typeInto(update, "serialEdit", QStringLiteral("4356465"));
    apply(update);
    QTRY_VERIFY_WITH_TIMEOUT(resultOf(update).contains(QStringLiteral("now holds a certificate")),
                             guitest::kSlow);

    store::CertificateStore onDisk = openStore(w.storeRoot());
    const auto entry = onDisk.find(QStringLiteral("pbx"));
    QVERIFY(entry);
    QCOMPARE(entry->type, store::EntryType::CaSigned);
    auto material = onDisk.load(QStringLiteral("pbx"), false);
    QVERIFY(material);
    const auto details = crypto::CertificateDetails::of(material->certificate);
    QCOMPARE(details.serialDecimal, QStringLiteral("4356465"));
    QCOMPARE(details.subject.commonName, QStringLiteral("pbx.example.com"));
    QCOMPARE(details.issuer->commonName, QStringLiteral("Own CA Root"));
    QCOMPARE(material->chain.size(), 1);
    QVERIFY(material->certificate.isIssuedBy(material->chain.first()));
}

// Import Server Certificate: a PKCS#12 file, its fingerprint viewed first, then imported.
void TestGuiFlow::importServerCertificateFromPkcs12()
{
    guitest::Window w;
    QVERIFY(w.show());
    ui::MainWindow& window = *w.window;
    auto key = crypto::PrivateKey::generate(crypto::KeyAlgorithm::Rsa2048);
    QVERIFY(key);
    crypto::CertificateSpec spec;
    spec.subject.commonName = QStringLiteral("zerossl.example.com");
    spec.subjectAltNames = {
        crypto::GeneralName{crypto::GeneralName::Kind::Dns, spec.subject.commonName}};
    spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    spec.notAfter = spec.notBefore.addDays(90);
    crypto::Pkcs12Bundle bundle;
    bundle.key = *key;
    bundle.certificate = *crypto::CertificateBuilder(spec).selfSign(*key);
    const QString path = QDir(w.home.path()).filePath(QStringLiteral("ZeroSSL.p12"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(*bundle.write(crypto::SecretBytes::fromUtf8(QStringLiteral("import-pass")),
                                 crypto::Pkcs12Format::Compat));
    }

    QVERIFY(window.navigate(Node::ServerCertificates, QString(),
                            ui::ServerCertificatesPage::ImportServerCertificate));
    QWidget* form = child<QWidget>(&window, "importServerCertificateForm");
    w.dialogs.openAnswers << path;
    guitest::click(child<QPushButton>(child<QWidget>(form, "pkcs12File"), "browseButton"));
    QCOMPARE(child<QLineEdit>(form, "nameEdit")->text(),
             QStringLiteral("ZeroSSL")); // from the file name
    typeInto(form, "passphraseEdit", QStringLiteral("import-pass"));
    guitest::click(child<QPushButton>(form, "viewFingerprintButton"));
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(form, "previewStatus")
            ->text()
            .contains(crypto::colonHex(bundle.certificate.sha256Fingerprint())),
        guitest::kSlow);
    QVERIFY(child<QLabel>(form, "findingsSummary")->isVisible());

    apply(form);
    QTRY_VERIFY_WITH_TIMEOUT(
        window.tree()->item(Node::ServerCertificate, QStringLiteral("ZeroSSL")), guitest::kSlow);
    const auto entry = openStore(w.storeRoot()).find(QStringLiteral("ZeroSSL"));
    QVERIFY(entry);
    QCOMPARE(entry->type, store::EntryType::Imported);
    QVERIFY(entry->hasKey);
    QCOMPARE(entry->fingerprintSha256, crypto::colonHex(bundle.certificate.sha256Fingerprint()));

    // The same name again is refused before anything is read.
    w.dialogs.openAnswers << path;
    guitest::click(child<QPushButton>(child<QWidget>(form, "pkcs12File"), "browseButton"));
    typeInto(form, "nameEdit", QStringLiteral("ZeroSSL"));
    typeInto(form, "passphraseEdit", QStringLiteral("import-pass"));
    QVERIFY(!child<QPushButton>(form, "applyButton")->isEnabled());
    QVERIFY(child<QLabel>(form, "reasonLabel")->text().contains(QStringLiteral("already exists")));
}

CERTDESK_GUI_TEST_MAIN(TestGuiFlow)
#include "TestGuiFlow.moc"
