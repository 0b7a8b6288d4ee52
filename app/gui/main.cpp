#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CertDesk"));
    QApplication::setOrganizationName(QStringLiteral("CertDesk"));
    QApplication::setApplicationVersion(QStringLiteral(CERTDESK_VERSION));

    certdesk::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
