// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Short constructors shared by the keyword tables of each CI system, so the tables read like the reference pages
// they come from. Internal to KeywordTables*.cpp.

#include "KeywordTables.h"

namespace gatehouse::pipeline {

namespace table {

inline constexpr ValueSpec any()
{
    return ValueSpec{};
}
inline constexpr ValueSpec type(unsigned types)
{
    return ValueSpec{.types = types};
}
inline constexpr ValueSpec str()
{
    return ValueSpec{.types = TypeString};
}
inline constexpr ValueSpec scalar()
{
    return ValueSpec{.types = TypeScalar};
}
inline constexpr ValueSpec boolean()
{
    return ValueSpec{.types = TypeBool};
}
inline constexpr ValueSpec strings()
{
    return ValueSpec{.types = TypeSequence, .items = "string"};
}
inline constexpr ValueSpec strOrStrings()
{
    return ValueSpec{.types = TypeString | TypeSequence, .items = "string"};
}
inline constexpr ValueSpec mapOf(const char* id, unsigned alsoTypes = 0, const char* items = nullptr)
{
    return ValueSpec{.types = TypeMap | alsoTypes, .map = id, .items = items};
}
inline constexpr ValueSpec seqOf(const char* items, unsigned alsoTypes = 0)
{
    return ValueSpec{.types = TypeSequence | alsoTypes, .items = items};
}
inline constexpr ValueSpec oneOf(const char* values, unsigned types = TypeString)
{
    return ValueSpec{.types = types, .enumValues = values};
}
inline constexpr ValueSpec intRange(double min, double max, unsigned alsoTypes = 0, const char* map = nullptr)
{
    return ValueSpec{.types = TypeInteger | alsoTypes, .map = map, .min = min, .max = max};
}
inline constexpr ValueSpec formatted(const char* format, unsigned types = TypeString)
{
    return ValueSpec{.types = types, .format = format};
}

inline MapSchema open(const char* id, ValueSpec other, const char* what, QList<KeySpec> keys = {})
{
    return MapSchema{QString::fromLatin1(id), std::move(keys), true, other, QString::fromLatin1(what)};
}
inline MapSchema closed(const char* id, const char* what, QList<KeySpec> keys)
{
    return MapSchema{QString::fromLatin1(id), std::move(keys), false, ValueSpec{}, QString::fromLatin1(what)};
}

} // namespace table

struct TableBuilder
{
    static KeywordTables buildGitLab();
    static KeywordTables buildGitHub();
};

} // namespace gatehouse::pipeline
