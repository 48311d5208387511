// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExpressionSyntax.h"
#include "ExpressionType.h"
#include "pipeline/Diagnostic.h"

#include <QHash>

namespace gatehouse::pipeline::github {

/// What an expression can see where it is written: the contexts available there (with their types) and the
/// special functions allowed.
struct ExpressionScope
{
    QHash<QString, ExpressionType> contexts; ///< by lower-case name; a context missing here is not available
    QString where; ///< the workflow key, for messages ("jobs.<job_id>.if")
    bool statusFunctions = false;
    bool hashFiles = false;
};

/// One problem in an expression; `offset` is relative to the expression text.
struct ExpressionProblem
{
    int offset = 0;
    Severity severity = Severity::Error;
    QString rule; ///< without the "github." prefix
    QString message;
};

/// The typed checker: types every node of a parsed expression bottom-up and reports unknown contexts, contexts
/// and functions not available at the key, unknown properties, property access on scalars, function signatures
/// (arity, argument types, `format` placeholders, `fromJSON` literals) and comparisons that are always false.
class ExpressionChecker
{
public:
    struct Result
    {
        QList<ExpressionProblem> problems;
        ExpressionType type; ///< of the whole expression
        bool constant = false; ///< reads no context and calls no function
    };
    static Result check(const ExpressionSyntax& syntax, const ExpressionScope& scope);

    /// Known function names, lower-case.
    static const QStringList& functionNames();
};

} // namespace gatehouse::pipeline::github
