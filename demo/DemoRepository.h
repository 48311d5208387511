// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Result.h"
#include "git/GitTypes.h"

#include <QString>

namespace gatehouse {

/// The built-in demo repository: "parcel-api", a small Flask service with 16 weeks of history (2026-08-03 to
/// 2026-11-20) that tells the stories Gatehouse exists to show — evolving GitLab and GitHub pipelines with one
/// weakened and restored security gate, weekly scan reports (semgrep, trivy, gitleaks, SARIF) with findings that
/// appear, persist and get fixed, staging/production deployment tags with a rollback, incidents with postmortems,
/// and the repository's own .gatehouse/ settings.
///
/// Written with the git layer only (no `git` subprocess) and fully deterministic: fixed identities, timestamps,
/// UTC offsets and content, so one version of Gatehouse always produces the same commit and tag ids.
/// Thread affinity: none (opens its own repository); takes well under a second.
class DemoRepository
{
public:
    struct Summary
    {
        git::ObjectId head;
        int commits = 0; ///< commits reachable from any ref (main and the open feature branch)
        int tags = 0;
        int notes = 0;
    };

    /// Writes the demo into `dir` (created if missing; must be empty otherwise), checks out `main` and returns
    /// HEAD's id. Errors: "demo.not-empty", "demo.not-a-directory", "io.cannot-create", or a git error.
    static Result<git::ObjectId> create(const QString& dir);
    /// Same as create(), with counts for reports (the CLI's JSON output).
    static Result<Summary> createWithSummary(const QString& dir);

    /// Where the nightly scans are archived as notes.
    static QString notesRef() { return QStringLiteral("refs/notes/gatehouse-scans"); }
};

} // namespace gatehouse
