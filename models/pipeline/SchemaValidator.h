// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "KeywordTables.h"
#include "YamlNode.h"

namespace gatehouse::pipeline {

/// Checks YamlNode trees against KeywordTables: unknown keys (with "did you mean"), types, enum values, ranges,
/// required keys and formats. Diagnostics use the rule ids `<system>.unknown-key`, `.wrong-type`,
/// `.invalid-value`, `.out-of-range`, `.missing-key`, `.invalid-format`, category schema.
/// Cheap to construct; not shared between threads (it appends to the caller's list).
class SchemaValidator
{
public:
    SchemaValidator(const KeywordTables& tables, const QStringList& files, QList<Diagnostic>& diagnostics);

    /// `what` names the mapping in messages (e.g. "job 'build'").
    void validateMap(const YamlNode& node, const QString& schemaId, const QString& what);
    void validateValue(const YamlNode& node, const ValueSpec& spec, const QString& what);

    /// Whether `node`'s type is one of `types` (null counts as absent and always passes).
    static bool typeMatches(const YamlNode& node, unsigned types, bool looseScalars);
    static QString typeList(unsigned types);
    /// Format checks shared with the semantic validators. Empty = valid, otherwise what is expected.
    static QString checkFormat(const QString& format, const QString& value);
    /// Seconds of a GitLab duration ("1h 30m", "2 days", "90 minutes", "3600"); -1 when it is not one.
    static qint64 durationSeconds(const QString& value);

private:
    void report(const YamlNode& at, Severity severity, const QString& rule, const QString& message);
    bool isDynamic(const YamlNode& node) const;

    const KeywordTables& m_tables;
    const QStringList& m_files;
    QList<Diagnostic>& m_diagnostics;
    bool m_github;
    bool m_circleci;
};

} // namespace gatehouse::pipeline
