// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "Incident.h"
#include "IncidentParser.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/Repository.h"

namespace gatehouse::git {
class CommitGraph;
}

namespace gatehouse::delivery {

/// Finds incidents in a repository and links them to deployments.
///
/// Linking, per incident (the rules below, made exact where the repository knows more):
/// - blamed deployment: the deployment a `Deployment:` line names (tag name, or a commit id prefix of >= 7 hex
///   digits); else, for a revert whose "This reverts commit X" resolves, the first deployment of `environment`
///   (production) that shipped X, at or before the incident (none if X never shipped: nothing failed); else the last
///   deployment of `environment` at or before the incident's time;
/// - fixed-by deployment: the first deployment of the blamed one's environment after it (or of `environment` from
///   the start when nothing is blamed) that contains the incident's commit or a commit its `Fix:` line names
///   (whichever shipped first: a postmortem written days later must not stretch the restore time);
/// - time to restore: fixed-by deploy time - blamed deploy time;
/// - the blamed deployment is marked failed ("incident <id or title>").
/// For a document, the incident's commit is the one that added the file.
///
/// Plain functions; call on a worker thread with a Repository opened by that thread.
class IncidentScanner
{
public:
    /// Incidents from every commit reachable from `revision` (HEAD when empty) and from the postmortem documents of
    /// that revision, in time order. A postmortem commit that adds a document becomes one incident (the commit's
    /// fields first, the document filling the gaps). An empty repository has none.
    /// `graph`, when given, receives every commit the walk reads (the delivery analysis then walks only what the
    /// deployments add to that history).
    static Result<QList<Incident>> scan(const git::Repository& repository, const QString& revision = {},
                                        ProgressSink* sink = nullptr, QList<IncidentDiagnostic>* diagnostics = nullptr,
                                        git::CommitGraph* graph = nullptr);

    /// `graph`: the deployed history as DeploymentScanner::scan built it (null: built here from the deployments).
    static Status link(const git::Repository& repository, QList<Incident>& incidents, DeploymentHistory& history,
                       const QString& environment = QStringLiteral("production"),
                       const git::CommitGraph* graph = nullptr);
};

} // namespace gatehouse::delivery
