// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"
#include "pipeline/PipelineModel.h"
#include "pipeline/YamlNode.h"

#include <functional>
#include <optional>

namespace gatehouse::pipeline::github {

/// Finds every `${{ }}` of a workflow (and every bare `if:` condition) and checks it with the typed checker in the
/// scope of its key: the contexts GitHub makes available there, typed from the workflow itself (its events,
/// inputs, jobs and their outputs, the job's needs, matrix and the steps before the current one).
class WorkflowExpressions
{
public:
    /// Receives a problem at `offset` inside the scalar `node`; `rule` has no "github." prefix.
    using Reporter = std::function<void(const YamlNode& node, int offset, Severity severity, const QString& rule,
                                        const QString& message)>;

    /// The outputs a `uses:` step declares (a known public action, a local action.yml), for
    /// `steps.<id>.outputs.<name>`; nullopt when they are not known (a run step, an action not in the data).
    using StepOutputs = std::function<std::optional<QStringList>(const YamlNode& step)>;

    /// `files` reads the local reusable workflows that jobs call, for the outputs `needs.<job>.outputs` may read.
    static void checkWorkflow(const YamlNode& root, const FileSource& files, const Reporter& report,
                              const StepOutputs& stepOutputs = {});
    /// action.yml: composite steps see the steps before them and the inputs the action declares.
    static void checkAction(const YamlNode& root, const Reporter& report, const StepOutputs& stepOutputs = {});
};

} // namespace gatehouse::pipeline::github
