// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The value rules of GitHub workflows that the keyword tables cannot express alone (events and their filters,
// schedules, dispatch and call inputs, runner labels, shells, ids, workflow commands, action inputs). Internal to
// GitHubWorkflow; every function is linear in the size of the node it is given.

#include "Diagnostic.h"
#include "PipelineModel.h"
#include "YamlNode.h"

#include <functional>

namespace gatehouse::pipeline {
struct ActionSpec;
}

namespace gatehouse::pipeline::github {

/// Where the checks report: `report` at a node, `reportAt` at an offset inside a scalar's text (exact line and
/// column inside block scalars).
struct Reporter
{
    std::function<void(const YamlNode& at, Severity severity, Category category, const QString& rule,
                       const QString& message)>
        report;
    std::function<void(const YamlNode& node, int offset, Severity severity, const QString& rule,
                       const QString& message)>
        reportAt;
};

/// The keys of `map` as ids (inputs, outputs, secrets): a letter or '_', then letters, digits, '-', '_'.
void checkIds(const YamlNode& map, const QString& what, const Reporter& out);

/// A value computed at run time (`${{ }}`), which no static rule can judge.
inline bool isExpression(const YamlNode& node)
{
    return node.isScalar() && node.value.contains(u"${{");
}

/// `on:` in its mapping form: filters that exclude each other, globs, cron intervals, dispatch and call inputs.
void checkEvents(const YamlNode& on, const Reporter& out);

/// The runner labels of `runs-on`. `declaredLabels` come from `.gatehouse/config.yml` (runners: self-hosted-labels);
/// `labelsDeclared` says whether that list exists, which makes an unknown label an error instead of a warning.
/// `runs-on: ${{ matrix.<key> }}` is checked against each literal value of that key in `matrix` (may be null).
void checkRunsOn(const YamlNode& runsOn, const YamlNode* matrix, const QStringList& declaredLabels, bool labelsDeclared,
                 const Reporter& out);

/// action.yml: `runs.using` (node20, node24, docker, composite), the keys each kind needs, `shell` on the run steps
/// of composite actions.
void checkActionMetadata(const YamlNode& action, const Reporter& out);

/// Job-level values: `defaults.run.shell`, `env` names, container and services.
void checkJobValues(const QString& jobId, const YamlNode& job, const Reporter& out);
/// Workflow-level values: `defaults.run.shell`, `env` names.
void checkWorkflowValues(const YamlNode& root, const Reporter& out);
/// One step: id characters, `shell`, `working-directory` with `uses`, `env` names, deprecated workflow commands.
void checkStepValues(const QString& jobId, const YamlNode& step, const Reporter& out);

/// A step's `with:` against an action's inputs: unknown (error naming the known ones), missing required (error),
/// deprecated (warning), `entrypoint`/`args` on an action that is not a Docker container action (error).
void checkActionInputs(const YamlNode& step, const YamlNode& uses, const ActionSpec& spec, const Reporter& out);

/// `.gatehouse/config.yml` → runners: self-hosted-labels. `declared` is false when the file or key is absent.
QStringList selfHostedLabels(const FileSource& files, bool* declared);

} // namespace gatehouse::pipeline::github
