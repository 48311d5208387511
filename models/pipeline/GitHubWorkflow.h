// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineModel.h"

namespace gatehouse::pipeline {

/// GitHub Actions: reads a workflow (or an `action.yml`), checks it against the workflow syntax tables and the
/// semantic rules (needs, step ids, matrix exclude, `${{ }}` expressions, calls of local reusable workflows and
/// local actions through `files`). Re-entrant, no shared state: callable from any thread.
class GitHubWorkflow
{
public:
    static PipelineModel analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                 QList<Diagnostic>& diagnostics);
    /// Whether `path` names action metadata (action.yml / action.yaml) rather than a workflow.
    static bool isActionMetadata(const QString& path);
};

} // namespace gatehouse::pipeline
