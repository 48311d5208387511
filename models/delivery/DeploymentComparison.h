// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/GitTypes.h"

namespace gatehouse::git {
class Repository;
}

namespace gatehouse::delivery {

/// What changed between two deployments: the changelog, the files, and the pipeline
/// and policy files among them. Value type.
struct DeploymentDiff
{
    git::ObjectId from;
    git::ObjectId to;
    /// `to` is a strict ancestor of `from` (a rollback): `commits` are the ones taken back out.
    bool backwards = false;
    QList<git::CommitInfo> commits; ///< reachable from the newer side and not the older one, newest first
    QList<git::FileChange> files; ///< tree diff from → to
    QList<git::FileChange> pipelineFiles; ///< the part of `files` under CI configs and .gatehouse/
};

/// Compares deployments; plain functions for a worker thread with its own Repository.
class DeploymentComparison
{
public:
    /// Any two commits (typically two deployments' commits, the older first). `maxCommits` bounds the changelog.
    static Result<DeploymentDiff> compare(const git::Repository& repository, const git::ObjectId& from,
                                          const git::ObjectId& to, int maxCommits = 10000,
                                          ProgressSink* sink = nullptr);
    /// The changelog of a deployment: against the previous deployment of its environment (empty for D1).
    static Result<DeploymentDiff> changelog(const git::Repository& repository, const DeploymentHistory& history,
                                            int index, ProgressSink* sink = nullptr);
    /// "What changed" for an incident: from the last good deployment before `blamedIndex` (same environment, not
    /// failed) to the blamed one; -1 when there is none.
    static int lastGoodBefore(const DeploymentHistory& history, int blamedIndex);
    /// CI configurations (GitLab, GitHub workflows and actions) and Gatehouse's own settings.
    static bool isPipelineOrPolicyPath(const QString& path);
};

} // namespace gatehouse::delivery
