// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryAnalysis.h"

#include "DeliveryCache.h"
#include "DeliveryDiskCache.h"
#include "DeploymentScanner.h"
#include "IncidentScanner.h"
#include "git/CommitGraph.h"
#include "git/Repository.h"

namespace gatehouse::delivery {

Result<DeliverySnapshot> DeliveryAnalysis::run(const QString& repositoryPath, const QString& revision,
                                               ProgressSink* sink)
{
    const Result<git::Repository> repository = git::Repository::open(repositoryPath);
    if (!repository.ok())
        return repository.error();
    return run(repository.value(), revision, sink);
}

Result<DeliverySnapshot> DeliveryAnalysis::run(const git::Repository& repository, const QString& revision,
                                               ProgressSink* sink, WalkedHistory* walked)
{
    if (sink && sink->isCancelled())
        return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
    bool computed = false;
    Result<DeliverySnapshot> result = DeliveryCache::instance().get(DeliveryCache::stateKey(repository, revision), [&] {
        computed = true;
        // A state this process has not seen may have been analysed by an earlier one: read it from disk.
        const QByteArray diskKey = DeliveryDiskCache::stateKey(repository, revision);
        if (std::optional<DeliverySnapshot> stored = DeliveryDiskCache::find(diskKey))
            return Result<DeliverySnapshot>(std::move(*stored));
        Result<DeliverySnapshot> analysed = compute(repository, revision, sink, walked);
        if (analysed.ok())
            DeliveryDiskCache::store(diskKey, analysed.value());
        return analysed;
    });
    if (!computed && sink) {
        // Answered by another caller's analysis: this caller's progress jumps to the end, or it was cancelled.
        if (sink->isCancelled())
            return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
        sink->report(1, 1, QStringLiteral("Analyzing deployments"));
    }
    return result;
}

Result<DeliverySnapshot> DeliveryAnalysis::compute(const git::Repository& repository, const QString& revision,
                                                   ProgressSink* sink, WalkedHistory* walked)
{
    DeliverySnapshot snapshot;
    snapshot.repositoryPath = repository.isBare() ? repository.gitDir() : repository.workDir();
    const DeploymentRules rules = DeploymentScanner::loadRules(repository, revision, &snapshot.configDiagnostics);
    // One walk over history: the incident scan (or the caller's walk) reads the revision's commits into the graph,
    // the deployments add only what their tags reach beyond it (release branches), and every later question is
    // answered from memory.
    if (walked && !walked->m_used && !repository.isEmpty()) {
        const Result<git::ObjectId> tip = repository.resolve(revision.isEmpty() ? QStringLiteral("HEAD") : revision);
        if (!tip.ok() || tip.value() != walked->m_tip)
            walked = nullptr; // the revision moved since the caller's walk
    } else {
        walked = nullptr;
    }
    git::CommitGraph ownGraph;
    git::CommitGraph& graph = walked ? walked->m_graph : ownGraph;
    Result<QList<Incident>> incidents = walked
        ? IncidentScanner::finish(repository, walked->m_tip, std::move(walked->m_incidents), sink,
                                  &snapshot.incidentDiagnostics)
        : IncidentScanner::scan(repository, revision, sink, &snapshot.incidentDiagnostics, &graph);
    if (walked)
        walked->m_used = true;
    if (!incidents.ok())
        return incidents.error();
    snapshot.incidents = std::move(incidents).value();
    Result<DeploymentHistory> history = DeploymentScanner::scan(repository, rules, sink, &graph);
    if (!history.ok())
        return history.error();
    snapshot.history = std::move(history).value();
    if (const Status linked
        = IncidentScanner::link(repository, snapshot.incidents, snapshot.history, QStringLiteral("production"), &graph);
        !linked.ok())
        return linked.error();
    // Reverts of never-shipped work leave the incident list here, once, so no consumer can count them by mistake.
    for (qsizetype i = snapshot.incidents.size() - 1; i >= 0; --i) {
        if (snapshot.incidents.at(i).kind == Incident::Kind::RevertUnshipped)
            snapshot.unshippedReverts.prepend(snapshot.incidents.takeAt(i));
    }
    return snapshot;
}

} // namespace gatehouse::delivery
