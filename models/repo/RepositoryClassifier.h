// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <optional>

/// Small pure rules that decide what a path, tag or commit "is" for the shell. Thread-safe (no state).
namespace gatehouse::classify {

/// `.gitlab-ci.yml`, `.github/workflows/*.yml|yaml`, `action.yml|yaml` (root or any folder); nullopt otherwise.
/// GitLab local includes are found by the loader from the `include:` keyword, not by name.
std::optional<PipelineFile::Kind> pipelineKind(const QString& path);

/// `reports/**`, `**/*.sarif` (and `*.sarif.json`), `**/gl-*-report.json`.
bool isReportPath(const QString& path);
/// The scanner a report file most likely comes from, judged by its name ("semgrep", "trivy", "gitleaks", "grype",
/// "zap", "safety", "gitlab-<type>", "sarif"), or "unknown".
QString reportTool(const QString& path);
/// The lower-case extension that tells the format ("sarif", "json", "xml", "html", "txt", ...).
QString reportFormat(const QString& path);

struct DeployClassification
{
    QString environment; ///< lower case; "unspecified" when the tag is a deployment without a known environment
    bool rollback = false;
};

/// Whether a tag records a deployment, and to which environment. The one place this rule lives (the deployments
/// engine builds on it): names `deploy-*`, `staging-*`, `prod-*`, `production-*`, or an annotated message whose
/// first line reads "<Env> deployment" / "Deploy to <env>". The message wins over the name for the environment.
std::optional<DeployClassification> classifyDeployTag(const QString& name, const QString& message);

/// Postmortem (`postmortem(scope): …`), hotfix (`hotfix…` / `fix(hotfix)…`) and revert (`revert…`, `Revert "…"`)
/// commits, with their `Incident:`, `Root cause:`, `Fix:` and `Factor …` lines. nullopt for other commits.
std::optional<IncidentCommit> classifyIncident(const QString& message);

} // namespace gatehouse::classify
