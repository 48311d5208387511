// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/KeywordTables.h"
#include "pipeline/PipelineModel.h"

#include <QStringList>

namespace gatehouse::pipeline {

/// What the editor can offer at the cursor, from the engine's keyword tables (the same tables the validator
/// uses): key names valid in the mapping the cursor is in, or the allowed values of the key being written.
struct KeywordCompletion
{
    bool valuePosition = false; ///< after `key: ` (values) rather than at a key
    QString key; ///< the key whose value is being written
    QString prefix; ///< the word already typed
    QStringList candidates; ///< sorted, filtered by nothing (the completer filters by prefix)
    QHash<QString, QString> descriptions; ///< candidate → one-line help
};

struct KeywordHelp
{
    QString key;
    QString description;
    QStringList values; ///< allowed values when the key takes one of a list
    QString rules; ///< the value rules of the keyword table, e.g. "a mapping or a sequence; at most 4 entries"
};

/// The value rules of a keyword as one line of text, from the same table the validator checks against: types,
/// range, item limit, format, the sub-keys of its mapping form (required ones marked) and their exclusions.
QString describeValueRules(const KeywordTables& tables, const ValueSpec& spec);

/// The mapping keys from the document root down to the cursor line, found from indentation alone (no parsing):
/// e.g. {"jobs", "build", "steps", "[]"} ("[]" = inside a sequence item). `lines` are the lines up to and
/// including the cursor line (only the enclosing top-level block is needed); `column` is 0-based.
QStringList yamlPathAt(const QStringList& lines, int column);

/// The schema of the mapping at `path` for `kind`, or null (free-form values, unknown keys).
const MapSchema* schemaAt(PipelineKind kind, const QStringList& path);

/// Completions at the end of `lines` (the cursor line cut at the cursor). Pure function, any thread.
KeywordCompletion completionAt(PipelineKind kind, const QStringList& lines);

/// Help for the key written on the last line of `lines` (the key's own line), or an empty key.
KeywordHelp keywordHelp(PipelineKind kind, const QStringList& lines);

} // namespace gatehouse::pipeline
