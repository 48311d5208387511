// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineModel.h"

#include <functional>

namespace gatehouse::pipeline {

/// GitHub Actions: reads a workflow (or an `action.yml`), checks it against the workflow syntax tables and the
/// semantic rules (needs, step ids, matrix exclude, `${{ }}` expressions, calls of local reusable workflows and
/// local actions through `files`). Re-entrant, no shared state: callable from any thread.
class GitHubWorkflow
{
public:
    using ModelReady = std::function<void(const PipelineModel&)>;
    /// `modelReady`, when set, is called on this thread with the jobs (and `merged`) of a workflow before the
    /// checks run, so that other work on the jobs (the gates) can run beside them.
    static PipelineModel analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                 QList<Diagnostic>& diagnostics, const ModelReady& modelReady = {});
    /// Whether `path` names action metadata (action.yml / action.yaml) rather than a workflow.
    static bool isActionMetadata(const QString& path);
};

} // namespace gatehouse::pipeline
