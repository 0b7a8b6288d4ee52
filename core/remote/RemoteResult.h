#pragma once

#include "core/remote/RemoteError.h"

#include <optional>
#include <utility>
#include <variant>

namespace certdesk::remote {

// A T or a RemoteError: Result<T> for remote operations, keeping the error's kind so that a
// job can name the failure and decide what must not be retried.
template <typename T> class [[nodiscard]] RemoteResult
{
public:
    RemoteResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    RemoteResult(RemoteError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    const RemoteError& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, RemoteError> m_data;
};

template <> class [[nodiscard]] RemoteResult<void>
{
public:
    RemoteResult() = default;
    RemoteResult(RemoteError error)
        : m_error(std::move(error))
    {
    }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const RemoteError& error() const { return *m_error; }

private:
    std::optional<RemoteError> m_error;
};

} // namespace certdesk::remote
