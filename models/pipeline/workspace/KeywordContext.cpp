// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeywordContext.h"

#include "YamlLines.h"
#include "pipeline/GitLabPipeline.h"
#include "pipeline/SchemaValidator.h"

#include <algorithm>

namespace gatehouse::pipeline {

using yamllines::indentOf;
using yamllines::isBlankOrComment;

namespace {

/// `key:` at the start of `text` (after any "- "), without quotes; empty when the line is no key.
QString keyOf(QStringView text)
{
    text = text.trimmed();
    while (text.startsWith(u"- "))
        text = text.mid(2).trimmed();
    qsizetype colon = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u':' && (i + 1 == text.size() || text.at(i + 1) == u' ')) {
            colon = i;
            break;
        }
        if (text.at(i) == u'{' || text.at(i) == u'[' || text.at(i) == u'#')
            return {};
    }
    if (colon <= 0)
        return {};
    QString key = text.left(colon).trimmed().toString();
    if (key.size() >= 2 && (key.front() == u'"' || key.front() == u'\'') && key.back() == key.front())
        key = key.mid(1, key.size() - 2);
    return key;
}

} // namespace

QStringList yamlPathAt(const QStringList& lines, int column)
{
    QStringList path;
    if (lines.isEmpty())
        return path;
    // The cursor's own indentation: where it is on a blank line, the line's indentation otherwise.
    const QString& current = lines.constLast();
    int indent = isBlankOrComment(current) ? column : indentOf(current);
    // A cursor after "- " is inside that sequence item.
    {
        QStringView head = QStringView(current).left(column).trimmed();
        if (head.startsWith(u"-")) {
            path.prepend(QStringLiteral("[]"));
            indent = indentOf(current);
        }
    }
    bool afterItem = !path.isEmpty();
    for (qsizetype i = lines.size() - 2; i >= 0 && indent > 0; --i) {
        const QString& line = lines.at(i);
        if (isBlankOrComment(line))
            continue;
        const int lineIndent = indentOf(line);
        const bool item
            = QStringView(line).mid(lineIndent).startsWith(u"- ") || QStringView(line).mid(lineIndent) == u"-";
        // A sequence may sit at its key's indentation ("script:\n- a"), so after an item the key may be level.
        if (lineIndent > indent || (lineIndent == indent && !(afterItem && !item)))
            continue;
        if (item) {
            // Keys after "- " belong to the item's mapping: the item is the parent.
            const QString key = keyOf(line);
            const int keyIndent = lineIndent + 2;
            if (!key.isEmpty() && keyIndent < indent)
                path.prepend(key); // "- name:\n    with:" (deeper than the item's first key)
            path.prepend(QStringLiteral("[]"));
            indent = lineIndent;
            afterItem = true;
            continue;
        }
        const QString key = keyOf(line);
        if (key.isEmpty())
            continue;
        path.prepend(key);
        indent = lineIndent;
        afterItem = false;
    }
    return path;
}

namespace {

const MapSchema* mapFor(const KeywordTables& tables, const ValueSpec& spec)
{
    return spec.map ? tables.map(QString::fromLatin1(spec.map)) : nullptr;
}

/// The spec of the value at `path` (nullptr at the root), plus the schema that defines the last key.
struct Resolved
{
    const MapSchema* map = nullptr; ///< the mapping at the path
    bool ok = false;
};

const KeywordTables& tablesFor(PipelineKind kind)
{
    return kind == PipelineKind::GitHub  ? KeywordTables::github()
        : kind == PipelineKind::CircleCI ? KeywordTables::circleci()
                                         : KeywordTables::gitlab();
}

Resolved resolve(PipelineKind kind, const QStringList& path)
{
    const KeywordTables& tables = tablesFor(kind);
    Resolved r;
    const MapSchema* map
        = tables.map(kind == PipelineKind::GitHub ? QStringLiteral("workflow") : QStringLiteral("root"));
    ValueSpec spec;
    bool haveSpec = false;
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QString& step = path.at(i);
        if (step == u"[]") {
            if (!haveSpec || !spec.items)
                return r;
            const ValueSpec* item = tables.value(QString::fromLatin1(spec.items));
            if (!item)
                return r;
            spec = *item;
            map = mapFor(tables, spec);
            continue;
        }
        if (!map)
            return r;
        const KeySpec* key = map->key(step);
        if (key) {
            spec = key->value;
        } else if (kind != PipelineKind::GitHub && kind != PipelineKind::CircleCI && i == 0
                   && !GitLabPipeline::isGlobalKeyword(step)) {
            // A GitLab top-level key that is not a keyword is a job (or a hidden template).
            spec = ValueSpec{.types = TypeMap, .map = "job"};
        } else if (map->open) {
            spec = map->otherValue;
        } else {
            return r;
        }
        haveSpec = true;
        map = mapFor(tables, spec);
    }
    r.map = map;
    r.ok = true;
    return r;
}

} // namespace

QString describeValueRules(const KeywordTables& tables, const ValueSpec& spec)
{
    QStringList parts;
    parts << SchemaValidator::typeList(spec.types);
    if (spec.max > spec.min)
        parts << QStringLiteral("from %1 to %2").arg(spec.min).arg(spec.max);
    if (spec.maxItems > 0)
        parts << QStringLiteral("at most %1 entries").arg(spec.maxItems);
    if (spec.format)
        parts << QStringLiteral("format: %1").arg(QLatin1StringView(spec.format));
    if (const MapSchema* map = mapFor(tables, spec); map && !map->open) {
        QStringList keys;
        for (const KeySpec& key : map->keys)
            keys << QLatin1StringView(key.name) + (key.required ? QStringLiteral(" (required)") : QString());
        parts << QStringLiteral("keys: %1").arg(keys.join(QStringLiteral(", ")));
        if (map->requireOne)
            parts << QStringLiteral("needs one of: %1")
                         .arg(QString::fromLatin1(map->requireOne).replace(u'|', QStringLiteral(", ")));
        if (map->exclusive)
            parts
                << QStringLiteral("only one of: %1")
                       .arg(
                           QString::fromLatin1(map->exclusive).replace(u'|', u'/').replace(u',', QStringLiteral("; ")));
    }
    return parts.join(QStringLiteral("; "));
}

const MapSchema* schemaAt(PipelineKind kind, const QStringList& path)
{
    return resolve(kind, path).map;
}

KeywordCompletion completionAt(PipelineKind kind, const QStringList& lines)
{
    KeywordCompletion result;
    if (lines.isEmpty() || kind == PipelineKind::Jenkins) // YAML keywords only; a Jenkinsfile is Groovy
        return result;
    const QString& current = lines.constLast();
    const int column = int(current.size());
    // Value position: "key: partial".
    const QString key = keyOf(current);
    if (!key.isEmpty()) {
        const qsizetype colon = current.indexOf(key) + key.size();
        const QString rest = current.mid(colon + 1);
        result.valuePosition = true;
        result.key = key;
        result.prefix = rest.trimmed();
        // The key's own mapping is what the key line itself sits in.
        const QStringList path = yamlPathAt(lines, int(current.indexOf(key)));
        const MapSchema* map = schemaAt(kind, path);
        const KeySpec* spec = map ? map->key(key) : nullptr;
        if (spec && spec->value.enumValues) {
            result.candidates = KeywordTables::enumNames(spec->value.enumValues);
        } else if (spec && (spec->value.types & TypeBool) && !(spec->value.types & TypeString)) {
            result.candidates = {QStringLiteral("true"), QStringLiteral("false")};
        }
        return result;
    }
    // Key position: the keys of the mapping the cursor is in, minus those already written at that level.
    QString word = current.mid(indentOf(current));
    while (word.startsWith(u"- "))
        word = word.mid(2).trimmed();
    if (word == u"-")
        word.clear();
    result.prefix = word;
    const QStringList path = yamlPathAt(lines, column - int(word.size()));
    const MapSchema* map = schemaAt(kind, path);
    if (!map)
        return result;
    for (const KeySpec& spec : map->keys) {
        const QString name = QString::fromLatin1(spec.name);
        result.candidates.append(name);
        result.descriptions.insert(name, QString::fromUtf8(spec.description));
    }
    std::sort(result.candidates.begin(), result.candidates.end());
    return result;
}

KeywordHelp keywordHelp(PipelineKind kind, const QStringList& lines)
{
    KeywordHelp help;
    if (lines.isEmpty() || kind == PipelineKind::Jenkins)
        return help;
    const QString& current = lines.constLast();
    const QString key = keyOf(current);
    if (key.isEmpty())
        return help;
    QString head = current.left(current.indexOf(key));
    const QStringList path = yamlPathAt(lines, int(head.size()));
    const MapSchema* map = schemaAt(kind, path);
    const KeySpec* spec = map ? map->key(key) : nullptr;
    if (!spec)
        return help;
    help.key = key;
    help.description = QString::fromUtf8(spec->description);
    help.values = KeywordTables::enumNames(spec->value.enumValues);
    help.rules = describeValueRules(tablesFor(kind), spec->value);
    return help;
}

} // namespace gatehouse::pipeline
