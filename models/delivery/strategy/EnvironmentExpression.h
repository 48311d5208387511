// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QStringList>

namespace gatehouse::delivery {

/// An environment name given by an expression or a variable (`${{ inputs.environment }}`, `${{ matrix.env }}`,
/// `deploy-$DEPLOY_ENV`), resolved to the values the CI file lets it take. Pure functions, any thread.
///
/// References are keyed as: GitHub `inputs.<name>` (also `github.event.inputs.<name>`), `matrix.<key>`, `env.<NAME>`;
/// GitLab variables by their name (`$NAME`, `${NAME}`). Anything else (`${{ vars.X }}`, `github.ref_name`,
/// `$CI_COMMIT_REF_SLUG`, an operator) is only known at run time.
class EnvironmentExpression
{
public:
    /// What the file says a reference can be: its values and where they come from ("choice" options, an input's
    /// "default", "matrix" values, a "variable" value or its "options").
    struct Known
    {
        QStringList values;
        QString origin;
    };
    struct Resolution
    {
        QStringList values; ///< every name the expression can give (empty when chosenAtRunTime)
        QString origin; ///< the origins used, joined with ", "
        bool chosenAtRunTime = false;
    };

    /// Whether `name` refers to anything (an expression or a variable).
    static bool isExpression(const QString& name);
    /// The reference keys in `name` in order; an empty key for a reference that is not a plain context lookup.
    static QStringList references(const QString& name);
    /// Substitutes every reference by each of its known values (at most 32 combinations, first ones kept);
    /// chosen at run time when a reference is unknown or has no value.
    static Resolution resolve(const QString& name, const QMap<QString, Known>& known);
};

} // namespace gatehouse::delivery
