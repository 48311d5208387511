// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "Incident.h"
#include "IncidentParser.h"
#include "common/ProgressSink.h"
#include "common/Result.h"
#include "git/Repository.h"

#include <QHash>

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
    /// The commit half of a scan, fed one commit at a time by whoever walks the revision's history (the scan's own
    /// walk, or a caller's walk that needs the same commits for other facts, so history is read once). Commits must
    /// come in Repository::walk's order from the tip (a revert without a commit id finds its target among the older
    /// commits that follow it). Records each commit in `graph` when given.
    class Walk
    {
    public:
        explicit Walk(git::CommitGraph* graph = nullptr)
            : m_graph(graph)
        { }
        void add(const git::CommitInfo& commit);
        /// The incidents found in the commits added so far (walk order).
        const QList<Incident>& incidents() const { return m_incidents; }

    private:
        friend class IncidentScanner;
        git::CommitGraph* m_graph;
        QList<Incident> m_incidents;
        /// Reverts naming no commit, by the subject they revert: the nearest older commit with it is their target.
        QHash<QString, QList<qsizetype>> m_revertsBySubject;
    };

    /// Incidents from every commit reachable from `revision` (HEAD when empty) and from the postmortem documents of
    /// that revision, in time order. A postmortem commit that adds a document becomes one incident (the commit's
    /// fields first, the document filling the gaps). An empty repository has none.
    /// `graph`, when given, receives every commit the walk reads (the delivery analysis then walks only what the
    /// deployments add to that history).
    static Result<QList<Incident>> scan(const git::Repository& repository, const QString& revision = {},
                                        ProgressSink* sink = nullptr, QList<IncidentDiagnostic>* diagnostics = nullptr,
                                        git::CommitGraph* graph = nullptr);

    /// The rest of a scan whose commits `walk` received (every commit reachable from `tip`): marks the history as
    /// walked in the walk's graph, adds the postmortem documents of `tip`, sorts. Gives the same answer as scan().
    static Result<QList<Incident>> finish(const git::Repository& repository, const git::ObjectId& tip, Walk&& walk,
                                          ProgressSink* sink = nullptr,
                                          QList<IncidentDiagnostic>* diagnostics = nullptr);

    /// `graph`: the deployed history as DeploymentScanner::scan built it (null: built here from the deployments).
    static Status link(const git::Repository& repository, QList<Incident>& incidents, DeploymentHistory& history,
                       const QString& environment = QStringLiteral("production"),
                       const git::CommitGraph* graph = nullptr);
};

} // namespace gatehouse::delivery
