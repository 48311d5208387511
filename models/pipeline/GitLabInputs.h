// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "YamlNode.h"

namespace gatehouse::pipeline {

/// GitLab's CI/CD inputs: a configuration's `spec:inputs` header declares them (type string, number, boolean or
/// array, default, options, regex), `include:inputs` gives them, and `$[[ inputs.name ]]` in keys and values of
/// the configuration is replaced by their values, as GitLab does before it reads the configuration.
///
/// Rules (category schema): `gitlab.input-unknown` (a given input or an interpolation names an input the header
/// does not declare), `gitlab.input-missing` (a required input, one without default, is not given),
/// `gitlab.input-invalid` (a value or default of the wrong type, not among the options, not matching the regex),
/// `gitlab.invalid-interpolation` (a `$[[ ]]` block that is not `inputs.name` with known functions).
/// Stateless; callable from any thread.
class GitLabInputs
{
public:
    enum class Given
    {
        Include, ///< the configuration is included: `given` holds every input value (null: none)
        PipelineRun, ///< the root configuration: values may come with the run; a missing required one is a warning
        Unknown, ///< a fragment checked alone: the includer gives the values; missing ones are not reported
    };

    /// Checks `given` against `header` (the `spec` mapping) and interpolates the inputs into `config`.
    /// Interpolation blocks of inputs without a known value are left as they are (they hold '$', so they count as
    /// run-time values for the other checks).
    static void apply(const YamlNode& header, const YamlNode* given, Given mode, YamlNode& config,
                      const QStringList& files, QList<Diagnostic>& diagnostics);

    /// `value` checked against one input's declaration: empty when valid, otherwise what is expected.
    static QString checkValue(const YamlNode& declaration, const YamlNode& value);
};

} // namespace gatehouse::pipeline
