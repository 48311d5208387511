// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the scorecard: the facts it gathers from the repository (pipeline references, scripts and reuse,
// the pipeline engine's gate outcomes) for the factors to judge.

#include "Scorecard.h"

#include "pipeline/Pinning.h"

#include <optional>

namespace gatehouse::git {
class ObjectId;
}

namespace gatehouse::scorecard {

/// A pipeline configuration: GitLab (`.gitlab-ci.yml`, `*.gitlab-ci.yml`, `.gitlab/ci/…`) or a GitHub workflow.
bool isPipelineConfig(const QString& path);
bool isGitHubWorkflow(const QString& path);
/// A dependency manifest whose content the factors read.
bool isManifestWithContent(const QString& path);
/// Third-party code kept in the repository (vendor/, node_modules/, …).
bool isVendored(const QString& path);
/// The folder of a path with its trailing '/', empty at the root.
QString dirOf(const QString& path);

/// An image, service or action reference of a pipeline file and how it is pinned.
struct Reference
{
    QString path;
    int line = 0;
    QString text;
    pipeline::PinLevel pin = pipeline::PinLevel::Floating;
};

struct ScriptLine
{
    QString path;
    int line = 0;
    QString text;
};

struct PipelineFacts
{
    QList<Reference> references;
    QList<ScriptLine> scriptLines; ///< every line of script, before_script, after_script and run
    bool reuse = false;
    QStringList reuseEvidence;
    SourceLink reuseLink; ///< the first reuse found
    std::optional<QStringList> gitlabStages;
    QString gitlabPath;
    int stagesLine = 0;
    QStringList parseErrors;
};

/// What the pipeline files of `inputs.contents` say, as written (each file read on its own).
PipelineFacts pipelineFacts(const ScorecardInputs& inputs);
/// Runs the pipeline engine's gates (with the repository's policy) over every pipeline of the commit.
void evaluateGates(const git::Repository& repository, const git::ObjectId& commit, ScorecardInputs& inputs);

} // namespace gatehouse::scorecard
