// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the whole-document report readers' .cpp files (nlohmann/json stays out of the core's public headers).

#include <QString>

#include <nlohmann/json.hpp>

namespace gatehouse::report {

/// A string or integer field of an object as text; empty when absent or of another type.
inline QString text(const nlohmann::json& j, const char* key)
{
    if (!j.is_object())
        return {};
    const auto it = j.find(key);
    if (it == j.end())
        return {};
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>());
    if (it->is_number_integer())
        return QString::number(it->get<qint64>());
    return {};
}

} // namespace gatehouse::report
