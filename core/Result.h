#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace certdesk {

// An error a technician can act on: what went wrong and, where known, what to do about it.
struct Error
{
    enum class Kind {
        Failure, // the operation failed (bad file, wrong passphrase, mismatch …): exit 1
        Usage,   // the request itself is malformed (bad field, bad option): exit 2
    };

    QString message;
    Kind kind = Kind::Failure;

    static Error failure(QString msg) { return Error{std::move(msg), Kind::Failure}; }
    static Error usage(QString msg) { return Error{std::move(msg), Kind::Usage}; }
};

// Errors as values: either a T or an Error. No exceptions cross module boundaries.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace certdesk
