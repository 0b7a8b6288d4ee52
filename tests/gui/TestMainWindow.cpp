#include "ui/MainWindow.h"

#include <QLabel>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void showsVersions();
};

void TestMainWindow::showsVersions()
{
    certdesk::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* label = window.findChild<QLabel*>(QStringLiteral("versionLabel"));
    QVERIFY(label);
    QVERIFY(label->text().contains(QStringLiteral(CERTDESK_VERSION)));
    QVERIFY(label->text().contains(QStringLiteral("OpenSSL 3")));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("CertDesk")));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
