// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace gatehouse {

/// An error that crossed the core's API: a stable code for programs and the technical text for people.
/// Value type, usable from any thread.
struct Error
{
    QString code; ///< stable identifier, e.g. "git.not-found", "io.too-large"
    QString message; ///< technical detail (libgit2's own text, the OS error, ...)

    QString toString() const { return message.isEmpty() ? code : message; }
};

/// Either a value or an Error. No exception ever crosses the core's API; this is what comes back instead.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    /// The error; only valid when !ok().
    const Error& error() const { return std::get<Error>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

/// A Result without a value: success or an Error.
struct Success
{ };
using Status = Result<Success>;

inline Error makeError(QString code, QString message)
{
    return Error{std::move(code), std::move(message)};
}

} // namespace gatehouse
