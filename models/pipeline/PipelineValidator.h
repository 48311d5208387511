// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "GatePolicy.h"
#include "PipelineModel.h"

namespace gatehouse::pipeline {

struct ValidationOptions
{
    PipelineKind kind = PipelineKind::Unknown; ///< Unknown = detect from the path and the content
    FileSource files; ///< the rest of the repository (includes, local actions, called workflows)
    bool gates = true; ///< run the gate checks
    GatePolicy policy = GatePolicy::defaults();
    /// Let the gates of a large GitLab pipeline run on a second thread beside the analyzer's checks. The result
    /// is the same either way (a test compares both).
    bool parallel = true;
};

struct ValidationResult
{
    PipelineKind kind = PipelineKind::Unknown;
    QList<Diagnostic> diagnostics; ///< sorted by file, line and column
    PipelineModel model;

    int count(Severity severity) const;
};

/// The entry point for the CLI and the editor: text + path in, diagnostics (1-based line/column) and the resolved
/// model out. Pure function of its inputs: re-entrant, no shared mutable state, callable from a worker thread.
/// Never throws.
ValidationResult validatePipeline(const QByteArray& text, const QString& path, const ValidationOptions& options = {});

/// Which CI system a file belongs to, from its path (`.gitlab-ci.yml`, `.github/workflows/`) and, failing that,
/// its content (`on:` + `jobs:` is GitHub).
PipelineKind detectKind(const QString& path, const QByteArray& text);

} // namespace gatehouse::pipeline
