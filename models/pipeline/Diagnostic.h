// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace gatehouse::pipeline {

enum class Severity
{
    Error,
    Warning,
    Info
};
enum class Category
{
    Syntax,
    Schema,
    Semantic,
    Gate,
    Script ///< shellcheck findings in job scripts (pipeline/script/ShellCheck)
};

/// One problem found in a pipeline file. Value type, usable from any thread.
/// `line`/`column` are 1-based (0 when the problem concerns the whole file).
struct Diagnostic
{
    QString file;
    int line = 0;
    int column = 0;
    Severity severity = Severity::Error;
    Category category = Category::Syntax;
    QString rule; ///< stable id, e.g. "gitlab.undefined-stage"
    QString message; ///< what is wrong and what is expected

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

QString severityName(Severity severity); ///< "error" / "warning" / "info"
QString categoryName(Category category); ///< "syntax" / "schema" / "semantic" / "gate" / "script"
bool parseCategory(const QString& name, Category* category);

/// Sorts by file, line, column, rule and drops exact repeats (a template's problem reported once, not per user).
void normalizeDiagnostics(QList<Diagnostic>& diagnostics);

/// Levenshtein distance, for "did you mean" suggestions.
int editDistance(QStringView a, QStringView b);
/// The candidate closest to `word` when it is plausibly a misspelling, else empty.
QString closestMatch(const QString& word, const QStringList& candidates);
/// " (did you mean 'x'?)" or empty.
QString didYouMean(const QString& word, const QStringList& candidates);

} // namespace gatehouse::pipeline
