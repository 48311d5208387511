// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the CircleCI checks: parameter declarations, arguments and `<< … >>` substitution.

#include "pipeline/Diagnostic.h"
#include "pipeline/YamlNode.h"

#include <QHash>

#include <functional>

namespace gatehouse::pipeline::circleci {

using Report = std::function<void(const YamlNode& at, Severity, Category, const QString& rule, const QString& message)>;

/// One declared parameter (`parameters: name: {type, default, enum, description}`).
struct Parameter
{
    QString name;
    QString type; ///< string, boolean, integer, enum, executor, steps, env_var_name
    bool hasDefault = false;
    YamlNode defaultValue;
    QStringList enumValues;
    YamlNode key; ///< the name's node, for positions
};

/// The declarations of a `parameters:` mapping; reports a missing or unknown type, an enum without values and a
/// default that does not fit the type.
QList<Parameter> readParameters(const YamlNode* declarations, const QString& owner, const Report& report);

/// Whether a value fits a parameter's type; empty when it does, else what was expected.
QString checkArgument(const Parameter& parameter, const YamlNode& value);

/// The values of a call's parameters: its arguments (keys of `call` that are not in `reserved`) bound to the
/// declarations, then the defaults. Reports unknown arguments, missing required ones and values of the wrong type.
QHash<QString, YamlNode> bindArguments(const QList<Parameter>& declared, const YamlNode* call, const YamlNode& at,
                                       const QStringList& reserved, const QString& what, const Report& report);

/// Values for `<< … >>` substitution: `parameters.x`, `pipeline.parameters.x` and `matrix.x`.
struct Scope
{
    QHash<QString, YamlNode> parameters;
    QHash<QString, YamlNode> pipelineParameters;
    QHash<QString, YamlNode> matrix;
};

/// A copy of `node` with every known `<< … >>` replaced: a scalar that is only a reference takes the referenced
/// value whole (steps, an executor mapping); a steps-parameter item of a sequence is spliced into it; references
/// embedded in text are replaced by the value's text. Unknown references and run-time values (`<< pipeline.git.branch
/// >>`) are left as written.
YamlNode substitute(const YamlNode& node, const Scope& scope, int depth = 0);

/// A `<< namespace.name >>` reference found in a scalar.
struct Reference
{
    QString ns; ///< "parameters", "pipeline.parameters", "pipeline", "matrix"
    QString name;
    qsizetype offset = 0;
};
QList<Reference> references(const QString& text);

/// The `pipeline.` values CircleCI provides (pipeline.id, pipeline.git.branch, …).
bool isPipelineValue(const QString& name);

} // namespace gatehouse::pipeline::circleci
