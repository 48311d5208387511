// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineFile.h"

#include <QString>

#include <optional>

/// Small pure rules that decide what a path, tag or commit "is" for the shell. Thread-safe (no state).
namespace gatehouse::classify {

/// The one rule for "is this file a pipeline", used by `info`, the pipeline discovery, the scorecard and the
/// deployment comparison: `.gitlab-ci.yml` (root) → GitLab CI; `.gitlab/ci/**/*.yml|yaml` → GitLab include (the
/// conventional folder of included files); `.github/workflows/*.yml|yaml` (directly in the folder) → GitHub
/// workflow; `action.yml|yaml` (root or any folder) → GitHub action; `Jenkinsfile`, `Jenkinsfile.*`,
/// `Jenkinsfile_*` and `*.Jenkinsfile` (any folder) → Jenkinsfile; nullopt otherwise. Other GitLab local includes
/// are found by the loader from the `include:` keyword, not by name; `jenkins/**/*.groovy` files by the pipeline
/// discovery, which reads them for a `pipeline { }` block.
std::optional<PipelineFile::Kind> pipelineKind(const QString& path);

/// `reports/**`, `**/*.sarif` (and `*.sarif.json`), `**/gl-*-report.json`.
bool isReportPath(const QString& path);
/// The scanner a report file most likely comes from, judged by its name ("semgrep", "trivy", "gitleaks", "grype",
/// "zap", "safety", "gitlab-<type>", "sarif"), or "unknown".
QString reportTool(const QString& path);
/// The lower-case extension that tells the format ("sarif", "json", "xml", "html", "txt", ...).
QString reportFormat(const QString& path);

} // namespace gatehouse::classify
