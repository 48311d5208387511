// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordTables.h"

#include "KeywordTableBuilder.h"

namespace gatehouse::pipeline {

const KeySpec* MapSchema::key(QStringView name) const
{
    for (const KeySpec& spec : keys) {
        if (QLatin1StringView(spec.name) == name)
            return &spec;
    }
    return nullptr;
}

QStringList MapSchema::keyNames() const
{
    QStringList names;
    for (const KeySpec& spec : keys)
        names.append(QString::fromLatin1(spec.name));
    return names;
}

KeywordTables::KeywordTables(QString system)
    : m_system(std::move(system))
{ }

void KeywordTables::addMap(MapSchema schema)
{
    const QString id = schema.id;
    m_maps.insert(id, std::move(schema));
}

void KeywordTables::addValue(const QString& id, ValueSpec spec)
{
    m_values.insert(id, spec);
}

const MapSchema* KeywordTables::map(const QString& id) const
{
    const auto it = m_maps.constFind(id);
    return it == m_maps.constEnd() ? nullptr : &*it;
}

const ValueSpec* KeywordTables::value(const QString& id) const
{
    const auto it = m_values.constFind(id);
    return it == m_values.constEnd() ? nullptr : &*it;
}

QStringList KeywordTables::enumNames(const char* enumValues)
{
    return enumValues ? QString::fromLatin1(enumValues).split(QLatin1Char('|')) : QStringList();
}

namespace {
/// The schema of the mapping a value spec describes (directly, or through its sequence items).
const MapSchema* mapOfValue(const KeywordTables& tables, const ValueSpec& spec)
{
    if (spec.map)
        return tables.map(QString::fromLatin1(spec.map));
    if (spec.items) {
        if (const ValueSpec* item = tables.value(QString::fromLatin1(spec.items)))
            return item->map ? tables.map(QString::fromLatin1(item->map)) : nullptr;
    }
    return nullptr;
}
} // namespace

const MapSchema* KeywordTables::schemaAt(const QStringList& path) const
{
    const bool gitlab = m_system == u"gitlab";
    const MapSchema* schema = map(m_system == u"github" ? QStringLiteral("workflow") : QStringLiteral("root"));
    for (qsizetype i = 0; i < path.size() && schema; ++i) {
        const QString& key = path[i];
        // GitLab: a top-level key that is not a keyword is a job.
        if (gitlab && i == 0 && !schema->key(key)) {
            schema = map(QStringLiteral("job"));
            continue;
        }
        if (const KeySpec* spec = schema->key(key))
            schema = mapOfValue(*this, spec->value);
        else if (schema->open)
            schema = mapOfValue(*this, schema->otherValue);
        else
            return nullptr;
    }
    return schema;
}

const KeySpec* KeywordTables::keywordAt(const QStringList& path) const
{
    if (path.isEmpty())
        return nullptr;
    const MapSchema* parent = schemaAt(path.mid(0, path.size() - 1));
    return parent ? parent->key(path.constLast()) : nullptr;
}

const KeywordTables& KeywordTables::gitlab()
{
    static const KeywordTables tables = TableBuilder::buildGitLab();
    return tables;
}

} // namespace gatehouse::pipeline
