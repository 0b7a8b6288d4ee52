#include "core/secrets/BlockingWait.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QThread>

namespace certdesk::secrets {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("BlockingWait", text);
}

} // namespace

Status BlockingWait::canRun()
{
    const QCoreApplication* app = QCoreApplication::instance();
    if (app == nullptr)
        return Error::failure(
            tr("Internal error: the keychain needs a running application object."));
    if (QThread::currentThread() != app->thread())
        return Error::failure(
            tr("Internal error: the keychain can only be used from the main thread."));
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // libsecret answers through the GLib main context; Qt only runs it with its GLib event
    // dispatcher. Without it (QT_NO_GLIB) every keychain call would hang until its timeout.
    const QAbstractEventDispatcher* dispatcher = QAbstractEventDispatcher::instance(app->thread());
    if (dispatcher != nullptr && !dispatcher->inherits("QEventDispatcherGlib"))
        return Error::failure(tr("The keychain needs Qt's GLib event loop, which is switched "
                                 "off here. Unset QT_NO_GLIB and try again."));
#endif
    return {};
}

Error BlockingWait::timeoutError(std::chrono::milliseconds timeout)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
    return Error::failure(
        tr("The keychain did not answer within %1 seconds. If it shows an unlock prompt, "
           "answer it; otherwise restart the keychain service and try again.")
            .arg(seconds));
}

} // namespace certdesk::secrets
