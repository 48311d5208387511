// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDataStream>

#include <optional>

namespace gatehouse::stream {

/// A std::optional read or written through QDataStream as a presence flag and the value (the caches on disk keep
/// optional fields exactly: absent stays absent, zero stays zero).
template <class T> struct OptionalField
{
    std::optional<T>& value;
};

template <class T> OptionalField<T> optional(std::optional<T>& value)
{
    return {value};
}

template <class T> OptionalField<T> optional(const std::optional<T>& value)
{
    // Only written through: operator<< never modifies it.
    return {const_cast<std::optional<T>&>(value)};
}

template <class T> QDataStream& operator<<(QDataStream& out, const OptionalField<T>& field)
{
    out << field.value.has_value();
    if (field.value)
        out << *field.value;
    return out;
}

template <class T> QDataStream& operator>>(QDataStream& in, OptionalField<T> field)
{
    bool present = false;
    in >> present;
    field.value.reset();
    if (present) {
        T value{};
        in >> value;
        field.value = std::move(value);
    }
    return in;
}

} // namespace gatehouse::stream
