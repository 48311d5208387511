// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "DeploymentRules.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/Repository.h"
#include "sync/PlatformDeployment.h"

namespace gatehouse::git {
class CommitGraph;
}

namespace gatehouse::delivery {

/// Turns a repository's tags and synced platform deployments into its deployment history.
///
/// Per environment, deployments sorted by time D1…Dn:
/// - changes of Di (i > 1): commits reachable from Di and not from Di-1 (`git log Di ^Di-1`); D1 has none;
/// - rollback: Di whose commit is a strict ancestor of Di-1's, or whose tag message contains "rollback" (any case);
///   a redeploy of the same commit is neither a change nor a rollback (even when its message says "rollback");
/// - Di-1 is marked failed when Di is a rollback (incidents add more failures later, see IncidentScanner);
/// - lead time of each change: deploy time − committer time. A commit dated after its deployment (clock skew)
///   counts as 0 s and is counted in Deployment::clockSkewedChanges.
/// Equal deploy times are ordered by tag name, so two tags on one commit give a stable D(i-1) → D(i) redeploy.
///
/// All functions are plain: call them on a worker thread with a Repository opened by that thread.
class DeploymentScanner
{
public:
    /// The rules of `.gatehouse/config.yml`: the work tree's copy when `revision` is empty and there is a work tree,
    /// otherwise the file at `revision` (HEAD when empty). A missing file means the defaults.
    static DeploymentRules loadRules(const git::Repository& repository, const QString& revision,
                                     QList<RuleDiagnostic>* diagnostics = nullptr);

    /// Classifies every tag, then analyzes each environment's sequence over one in-memory graph of the deployed
    /// history (one walk, whatever the number of deployments). `graph`, when given, is that graph: what it already
    /// holds is not walked again (IncidentScanner::scan fills it with the revision's history), and it keeps the
    /// deployed history for the later steps (IncidentScanner::link). Cancelling (through `sink`) returns the error
    /// "cancelled".
    static Result<DeploymentHistory> scan(const git::Repository& repository, const DeploymentRules& rules,
                                          ProgressSink* sink = nullptr, git::CommitGraph* graph = nullptr);

    /// The pure first step: deployments from tag values (tags that do not point at a commit become notes).
    /// `commitTime` gives the committer time of a commit (for lightweight tags).
    static DeploymentHistory classify(const QList<git::TagInfo>& tags, const DeploymentRules& rules,
                                      const std::function<QDateTime(const git::ObjectId&)>& commitTime);

    /// Adds the finished deployments a platform recorded (synced notes). Seen both ways — a tag deployment of the
    /// same commit and environment — counts once: the tag's row (the closest in time) takes the platform's id and
    /// status and its source becomes "tag+gitlab"/"tag+github". A failed or canceled deployment is failed (counts in
    /// the change-failure rate). Running or pending ones and commits `exists` does not know are left out (noted).
    /// Call orderDeployments() afterwards.
    static void mergePlatformDeployments(DeploymentHistory& history, const QList<PlatformDeployment>& platform,
                                         const std::function<bool(const git::ObjectId&)>& exists);
    /// Sorts by time (ties: environment, tag) and links each deployment to the previous one of its environment.
    static void orderDeployments(DeploymentHistory& history);
};

} // namespace gatehouse::delivery
