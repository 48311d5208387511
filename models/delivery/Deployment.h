// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeploymentRules.h"
#include "git/GitTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::delivery {

/// One deployment: a tag classified into an environment, a deployment a platform recorded (GitLab, GitHub; synced
/// into refs/notes/gatehouse-deployments), or both merged into one. Value type.
struct Deployment
{
    QString tag; ///< the tag; for a platform-only deployment "gitlab#<id>" / "github#<id>"
    /// Where it was seen: "tag", "gitlab", "github", or "tag+gitlab" / "tag+github" (seen both ways, counted once).
    QString source = QStringLiteral("tag");
    QString platformId; ///< the platform's deployment id; empty for a tag only
    QString platformStatus; ///< "success", "failed" or "canceled" as the platform recorded it; empty for a tag only
    git::ObjectId commit; ///< the peeled commit
    git::ObjectId tagObject; ///< null for lightweight tags
    bool annotated = false;
    QString environment;
    RuleSource ruleSource = RuleSource::Default;
    QString rule; ///< the pattern that classified the tag
    QDateTime time; ///< UTC: tagger time (annotated) or committer time of the commit (lightweight)
    QString deployer; ///< the tagger's name; empty for lightweight tags
    QString deployerEmail;
    QString message; ///< annotated tag message

    // --- Filled by the history analysis (per environment, in time order) ---
    int index = -1; ///< position within its environment (0 = D1)
    std::optional<int> previous; ///< index into DeploymentHistory::deployments of D(i-1), same environment
    bool redeploy = false; ///< same commit as the previous deployment: neither a change nor a rollback
    bool rollback = false;
    QString rollbackReason; ///< "ancestor" (commit is a strict ancestor of the previous one) or "message"
    bool failed = false;
    QStringList failedReasons; ///< "rolled back by <tag>", "incident <id>"
    /// Commits reachable from this deployment and not from the previous one; nullopt for D1 (no baseline).
    std::optional<QList<git::ObjectId>> changes;
    QList<qint64> leadTimesSeconds; ///< one per change (deploy time − committer time, clamped at 0)
    int clockSkewedChanges = 0; ///< changes whose committer time is after the deploy time (lead time clamped to 0)
    std::optional<double> leadTimeMedianSeconds;
};

/// Every deployment of a repository, in time order (ties: environment, then tag name), with notes about tags that
/// were skipped. Value type, produced on a worker thread.
struct DeploymentHistory
{
    QList<Deployment> deployments;
    QStringList notes; ///< e.g. "tag 'deploy-tree' does not point at a commit: ignored"
    QStringList environments; ///< sorted; production first when present

    /// Index of the deployment with this tag name, or -1.
    int indexOfTag(const QString& tag) const;
    /// Indexes into `deployments` of one environment, in time order.
    QList<int> indexesOf(const QString& environment) const;
};

} // namespace gatehouse::delivery
