// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnapshotDelivery.h"

#include "delivery/DeliveryAnalysis.h"
#include "git/Repository.h"

#include <QHash>

namespace gatehouse {

namespace {

IncidentCommit::Kind commitKind(delivery::Incident::Kind kind)
{
    switch (kind) {
    case delivery::Incident::Kind::Postmortem:
        return IncidentCommit::Kind::Postmortem;
    case delivery::Incident::Kind::Hotfix:
        return IncidentCommit::Kind::Hotfix;
    case delivery::Incident::Kind::Revert:
    case delivery::Incident::Kind::RevertUnshipped:
        return IncidentCommit::Kind::Revert;
    case delivery::Incident::Kind::Document:
        return IncidentCommit::Kind::Document;
    }
    return IncidentCommit::Kind::Postmortem;
}

} // namespace

Status fillDeliveryFacts(const git::Repository& repository, RepositorySnapshot& snapshot,
                         delivery::WalkedHistory* walked)
{
    snapshot.deployTags.clear();
    snapshot.incidents.clear();
    if (repository.isEmpty())
        return Success{};
    const QString revision = snapshot.workTree ? QString() : snapshot.commit.toString();
    const Result<delivery::DeliverySnapshot> analysis
        = delivery::DeliveryAnalysis::run(repository, revision, nullptr, walked);
    if (!analysis.ok())
        return analysis.error();

    QHash<git::ObjectId, git::CommitInfo> commits;
    auto commitOf = [&](const git::ObjectId& id) -> const git::CommitInfo& {
        auto it = commits.find(id);
        if (it == commits.end()) {
            const Result<git::CommitInfo> info = repository.commit(id);
            it = commits.insert(id, info.ok() ? info.value() : git::CommitInfo());
        }
        return it.value();
    };
    for (const delivery::Deployment& deployment : analysis->history.deployments) {
        DeployTag tag;
        tag.tag = deployment.tag;
        tag.environment = deployment.environment;
        tag.commit = deployment.commit;
        tag.commitSummary = commitOf(deployment.commit).summary;
        tag.time = deployment.time;
        tag.tagger = deployment.annotated ? deployment.deployer : commitOf(deployment.commit).committer.name;
        tag.message = deployment.message.trimmed();
        tag.annotated = deployment.annotated;
        tag.rollback = deployment.rollback;
        snapshot.deployTags.append(tag);
    }
    std::sort(snapshot.deployTags.begin(), snapshot.deployTags.end(), [](const DeployTag& a, const DeployTag& b) {
        return a.time != b.time ? a.time > b.time : a.tag < b.tag;
    });
    for (const delivery::Incident& found : analysis->incidents) {
        IncidentCommit incident;
        incident.kind = commitKind(found.kind);
        incident.commit = found.commit;
        incident.summary = found.commit.isNull() ? found.title : commitOf(found.commit).summary;
        if (incident.summary.isEmpty())
            incident.summary = found.title;
        incident.author = found.commit.isNull() ? QString() : commitOf(found.commit).author.name;
        incident.time = found.time;
        incident.incident = found.incident;
        incident.rootCause = found.rootCause;
        incident.fix = found.fix;
        incident.factors = found.factorNotes;
        snapshot.incidents.append(incident);
    }
    std::stable_sort(snapshot.incidents.begin(), snapshot.incidents.end(),
                     [](const IncidentCommit& a, const IncidentCommit& b) { return a.time > b.time; });
    snapshot.unshippedReverts = int(analysis->unshippedReverts.size());
    return Success{};
}

} // namespace gatehouse
