// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShipIndex.h"

#include <QSet>

namespace gatehouse::delivery {

ShipIndex ShipIndex::build(const git::CommitGraph& graph, const DeploymentHistory& history,
                           const QList<git::ObjectId>& commits)
{
    ShipIndex index;
    const QSet<git::ObjectId> wanted(commits.cbegin(), commits.cend());
    if (wanted.isEmpty() || history.deployments.isEmpty())
        return index;
    auto record = [&](const git::ObjectId& commit, const QString& environment, int deployment) {
        QHash<QString, int>& firsts = index.m_first[commit];
        if (!firsts.contains(environment))
            firsts.insert(environment, deployment);
    };
    // The wanted commits in each D1's history, once per distinct commit.
    QHash<git::ObjectId, QList<git::ObjectId>> baselineCache;
    for (int i = 0; i < history.deployments.size(); ++i) {
        const Deployment& d = history.deployments.at(i);
        if (d.changes) {
            for (const git::ObjectId& commit : *d.changes) {
                if (wanted.contains(commit))
                    record(commit, d.environment, i);
            }
            continue;
        }
        auto cached = baselineCache.constFind(d.commit);
        if (cached == baselineCache.constEnd()) {
            QList<git::ObjectId> found;
            for (const int commit : graph.only(graph.indexOf(d.commit))) {
                if (wanted.contains(graph.id(commit)))
                    found.append(graph.id(commit));
            }
            cached = baselineCache.insert(d.commit, found);
        }
        for (const git::ObjectId& commit : cached.value())
            record(commit, d.environment, i);
    }
    return index;
}

int ShipIndex::first(const git::ObjectId& commit, const QString& environment) const
{
    return m_first.value(commit).value(environment, -1);
}

int ShipIndex::firstAnywhere(const git::ObjectId& commit) const
{
    int earliest = -1;
    for (const int deployment : m_first.value(commit)) {
        if (earliest < 0 || deployment < earliest)
            earliest = deployment;
    }
    return earliest;
}

} // namespace gatehouse::delivery
