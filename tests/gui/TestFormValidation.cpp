// Live validation: a bad field disables Apply, marks the field, and the reason label says why
// in words; fixing the field enables Apply again.
#include "GuiTest.h"

#include "ui/CaCertificatePage.h"
#include "ui/CertificateGenerationPage.h"
#include "ui/FieldMarker.h"
#include "ui/ServerCertificatesPage.h"
#include "ui/StoreTasks.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>

using namespace certdesk;
using guitest::child;
using Node = ui::NavigationTree::Node;

class TestFormValidation : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void countryMustBeTwoLetters();
    void ipAddressMustBeOne();
    void passphraseLength();
    void endBeforeStart();
    void emptyFormSaysWhatIsMissing();
    void tabOrderFollowsTheForm();

private:
    std::unique_ptr<guitest::Window> m_w;
};

namespace {

void type(QWidget* form, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(form, name);
    QVERIFY2(edit, name);
    edit->clear();
    QTest::keyClicks(edit, text);
}

bool applyEnabled(QWidget* form)
{
    return child<QPushButton>(form, "applyButton")->isEnabled();
}

QString reason(QWidget* form)
{
    auto* label = child<QLabel>(form, "reasonLabel");
    return label->isVisibleTo(form) ? label->text() : QString();
}

// A complete, valid subject and name, so that only the field under test can be wrong.
void fillValid(QWidget* form)
{
    type(form, "nameEdit", QStringLiteral("Valid Name"));
    type(form, "countryEdit", QStringLiteral("DE"));
    type(form, "organizationEdit", QStringLiteral("Example Co"));
    type(form, "commonNameEdit", QStringLiteral("osbiz.example.com"));
}

} // namespace

void TestFormValidation::init()
{
    m_w = std::make_unique<guitest::Window>(false); // validation needs no store key
    QVERIFY(m_w->show());
}

void TestFormValidation::cleanup()
{
    m_w.reset();
}

void TestFormValidation::countryMustBeTwoLetters()
{
    ui::MainWindow& window = *m_w->window;
    QVERIFY(window.navigate(Node::CertificateGeneration, QString(),
                            ui::CertificateGenerationPage::GenerateCa));
    QWidget* form = child<QWidget>(&window, "generateCaForm");
    QVERIFY(form->isVisible());
    fillValid(form);
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));
    QVERIFY(reason(form).isEmpty());

    type(form, "countryEdit", QStringLiteral("DEU"));
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("Country (C) must be a two-letter country code")),
             qPrintable(reason(form)));
    QVERIFY(reason(form).contains(QStringLiteral("DEU")));
    auto* country = child<QLineEdit>(form, "countryEdit");
    QVERIFY(ui::FieldMarker::isMarked(country));
    QVERIFY(country->toolTip().contains(QStringLiteral("DEU")));

    type(form, "countryEdit", QStringLiteral("de")); // lower case is taken as DE
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));
    QVERIFY(!ui::FieldMarker::isMarked(country));
}

void TestFormValidation::ipAddressMustBeOne()
{
    ui::MainWindow& window = *m_w->window;
    QVERIFY(window.navigate(Node::ServerCertificates, QString(),
                            ui::ServerCertificatesPage::GenerateCsr));
    QWidget* form = child<QWidget>(&window, "generateCsrForm");
    fillValid(form);
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));

    auto* sanType = child<QComboBox>(form, "sanTypeCombo");
    sanType->setCurrentIndex(sanType->findText(QStringLiteral("IP Address")));
    type(form, "sanValueEdit", QStringLiteral("999.1.1.1"));
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("\"999.1.1.1\" is not an IP address")),
             qPrintable(reason(form)));
    QVERIFY(!child<QPushButton>(form, "sanAddButton")->isEnabled());
    QVERIFY(ui::FieldMarker::isMarked(child<QLineEdit>(form, "sanValueEdit")));

    // A real address can be added; until it is, Apply says so.
    type(form, "sanValueEdit", QStringLiteral("192.0.2.10"));
    QVERIFY(child<QPushButton>(form, "sanAddButton")->isEnabled());
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("press Add")), qPrintable(reason(form)));
    guitest::click(child<QPushButton>(form, "sanAddButton"));
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));
    QCOMPARE(child<QListWidget>(form, "sanList")->count(), 1);
    QCOMPARE(child<QListWidget>(form, "sanList")->item(0)->text(), QStringLiteral("IP:192.0.2.10"));
}

void TestFormValidation::passphraseLength()
{
    // The CA-signed form lives on a CA's page; a store entry is not needed to check fields.
    ui::MainWindow& window = *m_w->window;
    auto* tabs = window.caPage()->tabs();
    tabs->setCurrentIndex(ui::CaCertificatePage::GenerateCaSigned);
    QWidget* form = child<QWidget>(window.caPage(), "generateCaSignedForm");
    fillValid(form);
    type(form, "passphraseEdit", QStringLiteral("123456"));
    type(form, "passphraseRepeatEdit", QStringLiteral("123456"));
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("7 to 32 characters")), qPrintable(reason(form)));
    QVERIFY(reason(form).contains(QStringLiteral("it has 6")));
    QVERIFY(ui::FieldMarker::isMarked(child<QLineEdit>(form, "passphraseEdit")));

    type(form, "passphraseEdit", QString(33, QLatin1Char('x')));
    QVERIFY(reason(form).contains(QStringLiteral("it has 33")));

    type(form, "passphraseEdit", QStringLiteral("1234567"));
    QVERIFY2(reason(form).contains(QStringLiteral("passphrases differ")), qPrintable(reason(form)));
    type(form, "passphraseRepeatEdit", QStringLiteral("1234567"));
    // Fields are fine now; what is left is the CA to issue with.
    QVERIFY2(reason(form).contains(QStringLiteral("issuing CA")), qPrintable(reason(form)));
}

void TestFormValidation::endBeforeStart()
{
    ui::MainWindow& window = *m_w->window;
    QVERIFY(window.navigate(Node::CertificateGeneration, QString(),
                            ui::CertificateGenerationPage::GenerateSelfSigned));
    QWidget* form = child<QWidget>(&window, "generateSelfSignedForm");
    QVERIFY(form->isVisible());
    fillValid(form);
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));

    auto* start = child<QDateTimeEdit>(form, "validityStartEdit");
    auto* end = child<QDateTimeEdit>(form, "validityEndEdit");
    end->setDateTime(start->dateTime().addDays(-1));
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("The end of the validity period")),
             qPrintable(reason(form)));
    QVERIFY(reason(form).contains(QStringLiteral("is not after its start")));
    QVERIFY(ui::FieldMarker::isMarked(end));

    // Typing into the date: move to the year section and step it up twice.
    end->setFocus();
    end->setCurrentSection(QDateTimeEdit::YearSection);
    QTest::keyClick(end, Qt::Key_Up);
    QVERIFY2(applyEnabled(form), qPrintable(reason(form)));
    QVERIFY(!ui::FieldMarker::isMarked(end));
    QVERIFY(child<QLabel>(form, "validityLengthLabel")->text().contains(QStringLiteral("day")));
}

void TestFormValidation::emptyFormSaysWhatIsMissing()
{
    ui::MainWindow& window = *m_w->window;
    QVERIFY(window.navigate(Node::ServerCertificates, QString(),
                            ui::ServerCertificatesPage::ImportServerCertificate));
    QWidget* form = child<QWidget>(&window, "importServerCertificateForm");
    QVERIFY(!applyEnabled(form));
    QVERIFY2(reason(form).contains(QStringLiteral("PKCS#12 file")), qPrintable(reason(form)));

    QVERIFY(window.navigate(Node::CertificateGeneration, QString(),
                            ui::CertificateGenerationPage::GenerateCa));
    QWidget* ca = child<QWidget>(&window, "generateCaForm");
    QVERIFY(!applyEnabled(ca));
    QCOMPARE(reason(ca), QStringLiteral("Enter the Name of the Certificate."));
    type(ca, "nameEdit", QStringLiteral("bad/name"));
    QVERIFY(!applyEnabled(ca));
    QVERIFY(!reason(ca).isEmpty());
    QVERIFY(ui::FieldMarker::isMarked(child<QLineEdit>(ca, "nameEdit")));
}

void TestFormValidation::tabOrderFollowsTheForm()
{
    ui::MainWindow& window = *m_w->window;
    QVERIFY(window.navigate(Node::ServerCertificates, QString(),
                            ui::ServerCertificatesPage::GenerateCsr));
    QWidget* form = child<QWidget>(&window, "generateCsrForm");
    auto* name = child<QLineEdit>(form, "nameEdit");
    name->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(name->hasFocus());
    const QStringList expected = {QStringLiteral("signatureAlgorithmCombo"),
                                  QStringLiteral("keyLengthCombo"),
                                  QStringLiteral("countryEdit"),
                                  QStringLiteral("organizationEdit"),
                                  QStringLiteral("organizationUnitEdit"),
                                  QStringLiteral("commonNameEdit")};
    for (const QString& next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget());
        QCOMPARE(QApplication::focusWidget()->objectName(), next);
    }
}

CERTDESK_GUI_TEST_MAIN(TestFormValidation)
#include "TestFormValidation.moc"
