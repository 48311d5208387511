// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/PipelineModel.h"
#include "pipeline/script/ShellScript.h"

namespace gatehouse::pipeline {

/// Jenkins declarative pipelines (Jenkinsfile): reads the `pipeline { }` block, checks it against the declarative
/// syntax (syntax, schema and semantic diagnostics with line and column) and gives the engine's model: one job per
/// stage with steps, `needs` from the sequential order and the parallel branches, matrix cells expanded. A scripted
/// pipeline (`node { }`) or a shared-library call is recognised and reported as an info. Re-entrant, any thread.
class JenkinsPipeline
{
public:
    static PipelineModel analyze(const QByteArray& text, const QString& path, QList<Diagnostic>& diagnostics);

    /// A Jenkinsfile by name (classify::pipelineKind) or a `jenkins/**/*.groovy` file.
    static bool isJenkinsPath(const QString& path);
    /// Whether the text holds a declarative `pipeline {` block (the test for `.groovy` files).
    static bool hasPipelineBlock(const QByteArray& text);

    /// The shell steps (`sh`) of the file's stages, each with the position of every line of its string, for the
    /// shell checker. Strings with escapes map to their start; Groovy `${…}` interpolations are masked.
    static QList<ShellScript> shellScripts(const QByteArray& text, const QString& path);
};

} // namespace gatehouse::pipeline
