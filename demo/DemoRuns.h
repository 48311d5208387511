// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the demo generator: the demo's CI run history.

#include "common/Result.h"
#include "runs/RunTypes.h"

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::demo {

/// The simulated CI history of the finished demo repository, oldest first: a GitLab pipeline for every push to main
/// and to each merge request branch, a nightly scheduled pipeline on main, and the GitHub mirror's "CI" workflow.
/// Each pipeline's jobs come from the .gitlab-ci.yml (or ci.yml) of its commit; durations and failure odds follow
/// the story (trivy's flaky DB download until the mirror, the pip cache, the trivy DB cache). Deterministic.
Result<QList<runs::Run>> simulateDemoRuns(const git::Repository& repository);

/// simulateDemoRuns() archived as git notes under refs/notes/gatehouse-runs on their commits, so a fresh demo's
/// Runs tab and `gatehouse runs analyze` have data without any import. Returns the number of runs archived.
Result<int> archiveDemoRuns(git::Repository& repository);

} // namespace gatehouse::demo
