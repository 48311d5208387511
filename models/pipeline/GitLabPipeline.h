// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineModel.h"

namespace gatehouse::pipeline {

/// GitLab CI: reads a `.gitlab-ci.yml` (and its `include: local` files through `files`), resolves it the way
/// GitLab does (spec:inputs with $[[ inputs ]] interpolation, include deep-merge, extends, !reference, default:,
/// nested stage lists with .pre/.post, parallel and matrix instances) and reports schema and semantic problems
/// against the keyword table (KeywordTables::gitlab()). Linear in the size of the pipeline.
///
/// A file whose name is not `.gitlab-ci.yml` is treated as a possible include fragment or template: references
/// to jobs, templates and stages it does not define may come from the including file, so they are warnings,
/// not errors, and "no visible job" is only an info.
/// Re-entrant, no shared state: callable from any thread.
class GitLabPipeline
{
public:
    using ModelReady = std::function<void(const PipelineModel&)>;
    /// `modelReady`, when set, is called on this thread with the resolved jobs (and `merged`) before the checks
    /// run, so that other work on the jobs (the gates) can run beside them.
    static PipelineModel analyze(const QByteArray& text, const QString& path, const FileSource& files,
                                 QList<Diagnostic>& diagnostics, const ModelReady& modelReady = {});

    /// GitLab's deep merge (used by include and extends): mappings merge key by key, anything else replaces.
    static YamlNode deepMerge(const YamlNode& base, const YamlNode& overlay);
    /// Names GitLab gives the instances of a job with `parallel` (empty when the job is not parallel).
    static QStringList instanceNames(const QString& name, const YamlNode& parallel);
    /// Top-level keys that are not jobs.
    static bool isGlobalKeyword(const QString& key);

    static constexpr int MaxIncludeDepth = 100;
    static constexpr int MaxIncludes = 150;
    static constexpr int MaxExtendsDepth = 11;
    static constexpr int MaxReferenceDepth = 10;
    static constexpr int MaxJobNameLength = 255;
};

} // namespace gatehouse::pipeline
