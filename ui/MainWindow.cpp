#include "ui/MainWindow.h"

#include "core/crypto/CryptoVersion.h"

#include <QLabel>
#include <QVBoxLayout>

namespace certdesk::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("CertDesk %1").arg(QStringLiteral(CERTDESK_VERSION)));

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    auto* versionLabel = new QLabel(central);
    versionLabel->setObjectName(QStringLiteral("versionLabel"));
    versionLabel->setText(tr("CertDesk %1 — Qt %2, %3")
                              .arg(QStringLiteral(CERTDESK_VERSION),
                                   QString::fromLatin1(qVersion()),
                                   crypto::openSslVersion()));
    versionLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(versionLabel);
    setCentralWidget(central);
    resize(720, 480);
}

} // namespace certdesk::ui
