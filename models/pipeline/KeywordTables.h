// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::pipeline {

/// Value types a keyword accepts (bit mask).
enum ValueType : unsigned
{
    TypeNull = 1,
    TypeBool = 2,
    TypeInteger = 4,
    TypeFloat = 8,
    TypeString = 16,
    TypeSequence = 32,
    TypeMap = 64,
    TypeNumber = TypeInteger | TypeFloat,
    TypeScalar = TypeBool | TypeNumber | TypeString,
    TypeAny = 127,
};

/// What a value may be: its types, the schema of its mapping form, the spec of its sequence items, allowed
/// strings, a numeric range and a named format ("cron", "duration", "uses-action", "uses-workflow", "project").
struct ValueSpec
{
    unsigned types = TypeAny;
    const char* map = nullptr; ///< MapSchema id used when the value is a mapping
    const char* items = nullptr; ///< ValueSpec id used for each item when the value is a sequence
    const char* enumValues = nullptr; ///< "a|b|c": allowed strings
    double min = 0;
    double max = 0; ///< inclusive range when max > min
    const char* format = nullptr;
    int maxItems = 0; ///< most items a sequence may have (0: no limit)
};

/// One keyword of a mapping: name, accepted value, whether it is required and a one-line description
/// (the text for hover and completion in the editor).
struct KeySpec
{
    const char* name;
    ValueSpec value;
    bool required = false;
    const char* description = "";
};

/// A mapping's keywords. `open` mappings accept any key (job names, variables) with `otherValue`.
struct MapSchema
{
    QString id;
    QList<KeySpec> keys;
    bool open = false;
    ValueSpec otherValue;
    QString what; ///< how messages name the mapping, e.g. "job", "artifacts"
    /// Groups of keys that exclude each other, "a|b,c|d": at most one key of each group may be set.
    const char* exclusive = nullptr;
    /// "a|b|c": at least one of these keys must be set (the mapping is meaningless without).
    const char* requireOne = nullptr;
    /// "a>b;c>d": key a may only be set together with key b.
    const char* dependsOn = nullptr;

    const KeySpec* key(QStringView name) const;
    QStringList keyNames() const;
};

/// The keyword tables of one CI system, written from the public references (GitLab's `.gitlab-ci.yml` keyword
/// reference, GitHub's workflow syntax). Immutable after construction; the singletons are thread-safe.
class KeywordTables
{
public:
    static const KeywordTables& gitlab();
    static const KeywordTables& github();
    static const KeywordTables& circleci();

    const MapSchema* map(const QString& id) const;
    QStringList mapIds() const { return m_maps.keys(); }
    QStringList valueIds() const { return m_values.keys(); }
    const ValueSpec* value(const QString& id) const;
    QString system() const { return m_system; }

    /// Names listed in an enum ("a|b|c").
    static QStringList enumNames(const char* enumValues);

    /// The mapping schema that applies at a key path of a document (for completion and hover in the editor),
    /// e.g. gitlab: {"build", "artifacts"} → "artifacts"; github: {"jobs", "test", "steps"} → "step" (sequence
    /// items are transparent). {} is the root. nullptr when the path leads to free-form or scalar values.
    const MapSchema* schemaAt(const QStringList& path) const;
    /// The keyword at a key path (its type, allowed values and description), or nullptr.
    const KeySpec* keywordAt(const QStringList& path) const;

private:
    explicit KeywordTables(QString system);
    void addMap(MapSchema schema);
    void addValue(const QString& id, ValueSpec spec);

    QString m_system;
    QHash<QString, MapSchema> m_maps;
    QHash<QString, ValueSpec> m_values;

    friend struct TableBuilder;
};

/// GitHub's webhook events that can trigger a workflow.
const QStringList& githubEventNames();
/// The activity types of an event; `known` false when the event has none (or any, as repository_dispatch).
QStringList githubEventTypes(const QString& event, bool* known = nullptr);
/// The filters an event accepts: "branches", "branches-ignore", "tags", "tags-ignore", "paths", "paths-ignore".
QStringList githubEventFilters(const QString& event);
/// GitHub-hosted runner labels that exist.
const QStringList& githubRunnerLabels();
/// The default labels of self-hosted runners (compare ignoring case).
const QStringList& githubSelfHostedLabels();
/// The label to use instead of a retired GitHub-hosted runner label, or empty when `label` is not retired.
QString githubRetiredRunnerReplacement(const QString& label);
/// The label to move to from a GitHub-hosted label that still runs but is deprecated, or empty.
QString githubDeprecatedRunnerReplacement(const QString& label);
/// The built-in `shell:` names of run steps.
const QStringList& githubShells();

} // namespace gatehouse::pipeline
