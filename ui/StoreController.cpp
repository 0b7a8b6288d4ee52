#include "ui/StoreController.h"

namespace certdesk::ui {

StoreController::StoreController(QObject* parent)
    : QObject(parent)
{
    m_writer.setMaxThreadCount(1);
}

StoreController::~StoreController()
{
    m_writer.waitForDone();
}

Status StoreController::open(const QString& root)
{
    auto opened = store::CertificateStore::open(root);
    if (!opened)
        return opened.error();
    m_store = std::move(*opened);
    m_keyState = KeyState::Closed;
    emit entriesChanged();
    return {};
}

void StoreController::unlock(store::StoreUnlocker unlocker)
{
    m_keyState = KeyState::Pending;
    m_keyError.clear();
    emit keyStateChanged();
    unlocker.open(
        this, [this](Result<store::CertificateStore> opened) { keyArrived(std::move(opened)); });
}

void StoreController::keyArrived(Result<store::CertificateStore> opened)
{
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    if (!opened) {
        m_keyState = KeyState::Failed;
        m_keyError = opened.error().message;
        emit keyStateChanged();
        for (const Waiting& w : waiting)
            w.fail(Error::failure(tr("The certificate store is locked: %1").arg(m_keyError)));
    } else {
        m_store = std::move(*opened);
        m_keyState = KeyState::Ready;
        emit keyStateChanged();
        emit entriesChanged();
        for (const Waiting& w : waiting)
            w.start();
    }
    emit busyChanged(isBusy(), m_current);
}

QString StoreController::root() const
{
    return m_store ? m_store->root() : QString();
}

QList<store::StoreEntry> StoreController::entries() const
{
    return m_store ? m_store->entries() : QList<store::StoreEntry>();
}

std::optional<store::StoreEntry> StoreController::find(const QString& name) const
{
    return m_store ? m_store->find(name) : std::nullopt;
}

void StoreController::enqueue(bool needKey, Waiting waiting)
{
    if (!needKey || m_keyState == KeyState::Ready) {
        waiting.start();
        return;
    }
    if (m_keyState == KeyState::Pending) {
        m_waiting.append(std::move(waiting));
        emit busyChanged(true, tr("Waiting for the store key from the keychain…"));
        return;
    }
    waiting.fail(Error::failure(
        m_keyState == KeyState::Failed
            ? tr("The certificate store is locked: %1").arg(m_keyError)
            : tr("The certificate store is locked. Choose File > Unlock Store first.")));
}

void StoreController::jobStarted(const QString& what)
{
    ++m_running;
    m_current = what;
    emit busyChanged(true, what);
}

void StoreController::jobFinished(bool wroteStore)
{
    --m_running;
    if (wroteStore && m_store) {
        (void)m_store->reload();
        emit entriesChanged();
    }
    if (m_running == 0)
        m_current.clear();
    emit busyChanged(isBusy(), m_current);
}

} // namespace certdesk::ui
