// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"
#include "git/CommitGraph.h"

#include <QHash>

namespace gatehouse::delivery {

/// For a set of commits, the first deployment of each environment that contained them.
///
/// Built once per analysis without a reachability query per commit: a deployment Di (i > 1) ships exactly its
/// `changes` (commits reachable from Di and not from Di-1), and the first Di that contains a commit is the one whose
/// changes list it (a rollback's commits were all in Di-1 already); only D1 of each environment, which has no
/// baseline, needs its whole history, read from the graph of the deployed history (DeploymentScanner::scan's).
/// Plain value; build it on a worker thread.
class ShipIndex
{
public:
    static ShipIndex build(const git::CommitGraph& graph, const DeploymentHistory& history,
                           const QList<git::ObjectId>& commits);

    /// Index into the history's deployments of the first deployment of `environment` containing `commit`; -1.
    int first(const git::ObjectId& commit, const QString& environment) const;
    /// The first deployment of any environment containing `commit` (the earliest in time); -1 when none.
    int firstAnywhere(const git::ObjectId& commit) const;

private:
    QHash<git::ObjectId, QHash<QString, int>> m_first;
};

} // namespace gatehouse::delivery
