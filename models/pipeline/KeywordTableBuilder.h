// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the keyword tables (KeywordTables.cpp, GitLabKeywordTable.cpp, KeywordTablesGitHub.cpp): short
// constructors so the tables read like the reference pages they come from.

#include "KeywordTables.h"

namespace gatehouse::pipeline {

namespace tablebuilder {

constexpr ValueSpec any()
{
    return ValueSpec{};
}
constexpr ValueSpec type(unsigned types)
{
    return ValueSpec{.types = types};
}
constexpr ValueSpec str()
{
    return ValueSpec{.types = TypeString};
}
constexpr ValueSpec scalar()
{
    return ValueSpec{.types = TypeScalar};
}
constexpr ValueSpec boolean()
{
    return ValueSpec{.types = TypeBool};
}
constexpr ValueSpec strings()
{
    return ValueSpec{.types = TypeSequence, .items = "string"};
}
constexpr ValueSpec strOrStrings()
{
    return ValueSpec{.types = TypeString | TypeSequence, .items = "string"};
}
constexpr ValueSpec mapOf(const char* id, unsigned alsoTypes = 0, const char* items = nullptr)
{
    return ValueSpec{.types = TypeMap | alsoTypes, .map = id, .items = items};
}
constexpr ValueSpec seqOf(const char* items, unsigned alsoTypes = 0)
{
    return ValueSpec{.types = TypeSequence | alsoTypes, .items = items};
}
constexpr ValueSpec oneOf(const char* values, unsigned types = TypeString)
{
    return ValueSpec{.types = types, .enumValues = values};
}
constexpr ValueSpec intRange(double min, double max, unsigned alsoTypes = 0, const char* map = nullptr)
{
    return ValueSpec{.types = TypeInteger | alsoTypes, .map = map, .min = min, .max = max};
}
constexpr ValueSpec formatted(const char* format, unsigned types = TypeString)
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

/// A mapping whose keys also have rules between them (see MapSchema::exclusive, requireOne, dependsOn).
inline MapSchema constrained(MapSchema schema, const char* exclusive, const char* requireOne = nullptr,
                             const char* dependsOn = nullptr)
{
    schema.exclusive = exclusive;
    schema.requireOne = requireOne;
    schema.dependsOn = dependsOn;
    return schema;
}
constexpr ValueSpec limited(ValueSpec spec, int maxItems)
{
    spec.maxItems = maxItems;
    return spec;
}

} // namespace tablebuilder

struct TableBuilder
{
    static KeywordTables buildGitLab();
    static KeywordTables buildGitHub();
    static KeywordTables buildCircleCI();
};

} // namespace gatehouse::pipeline
