#pragma once

#include "core/Result.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>
#include <utility>

namespace certdesk::secrets {

// Turns one asynchronous keychain call into a blocking one, for the CLI and for start-up: a
// local event loop runs until the answer arrives or the timeout passes.
class BlockingWait
{
public:
    // An error if no event loop can run here: no QCoreApplication, or not its thread.
    static Status canRun();
    static Error timeoutError(std::chrono::milliseconds timeout);

    // `start(context, deliver)` begins the call and arranges for `deliver(T)` to run with the
    // answer, guarded by `context`. Returns std::nullopt on timeout; a late answer is dropped
    // because `context` is destroyed before this returns.
    template <typename T, typename Start>
    static std::optional<T> run(Start&& start, std::chrono::milliseconds timeout)
    {
        std::optional<T> result;
        QEventLoop loop;
        QObject context; // declared last, so destroyed first
        std::forward<Start>(start)(&context, [&result, &loop](T value) {
            result.emplace(std::move(value));
            loop.quit();
        });
        if (!result) {
            QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
            // Clicks must not re-enter the GUI while start-up waits for the keychain.
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
        return result;
    }
};

} // namespace certdesk::secrets
