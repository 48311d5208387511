// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryInspector.h"

#include "git/Repository.h"
#include "pipeline/GatePolicy.h"
#include "pipeline/PipelineDiscovery.h"
#include "pipeline/workspace/BufferValidation.h"
#include "strategy/StrategyDetector.h"

#include <QSet>

#include <algorithm>

namespace gatehouse::delivery {

namespace {

constexpr qint64 MaxPipelineSize = 4 << 20;

GateChange::State stateOf(pipeline::GateState state)
{
    switch (state) {
    case pipeline::GateState::Pass:
        return GateChange::State::Pass;
    case pipeline::GateState::Fail:
        return GateChange::State::Fail;
    case pipeline::GateState::NotApplicable:
        return GateChange::State::NotApplicable;
    case pipeline::GateState::Disabled:
        return GateChange::State::Disabled;
    }
    return GateChange::State::Absent;
}

Error cancelled()
{
    return makeError(QStringLiteral("cancelled"), QStringLiteral("cancelled"));
}

} // namespace

QString gateStateName(GateChange::State state)
{
    switch (state) {
    case GateChange::State::Absent:
        return QStringLiteral("absent");
    case GateChange::State::Pass:
        return QStringLiteral("pass");
    case GateChange::State::Fail:
        return QStringLiteral("fail");
    case GateChange::State::NotApplicable:
        return QStringLiteral("n/a");
    case GateChange::State::Disabled:
        return QStringLiteral("disabled");
    }
    return {};
}

QHash<QString, std::pair<GateChange::State, QString>>
DeliveryInspector::gateStates(const QString& repositoryPath, const git::ObjectId& commit, QStringList* files)
{
    QHash<QString, std::pair<GateChange::State, QString>> states;
    if (commit.isNull())
        return states;
    const Result<pipeline::FileSource> source
        = pipeline::PipelineDiscovery::fileSource(repositoryPath, commit.toString());
    if (!source.ok())
        return states;
    const QStringList discovered = pipeline::PipelineDiscovery::discover(source.value());
    for (const QString& path : discovered) {
        const Result<QByteArray> text = source->read(path);
        if (!text.ok() || text->size() > MaxPipelineSize)
            continue;
        if (files && !files->contains(path))
            files->append(path);
        const pipeline::BufferValidation validation = pipeline::validateBuffer(text.value(), path, source.value());
        for (const pipeline::GateStatus& gate : validation.gates)
            states.insert(path + QLatin1Char('\n') + gate.id, {stateOf(gate.state), gate.evidence});
    }
    return states;
}

Result<DeploymentDetail> DeliveryInspector::inspectDeployment(const QString& repositoryPath, const git::ObjectId& from,
                                                              const git::ObjectId& to, const QString& environment,
                                                              ProgressSink* sink)
{
    Result<git::Repository> opened = git::Repository::open(repositoryPath);
    if (!opened.ok())
        return opened.error();
    const git::Repository repository = std::move(opened).value();

    DeploymentDetail detail;
    detail.from = from;
    detail.to = to;
    detail.environment = environment;
    if (sink)
        sink->report(0, 3, QStringLiteral("changelog"));
    if (!from.isNull()) {
        Result<DeploymentDiff> diff = DeploymentComparison::compare(repository, from, to, 10000, sink);
        if (!diff.ok())
            return diff.error();
        detail.diff = std::move(diff).value();
    } else {
        detail.diff.to = to;
    }
    if (sink && sink->isCancelled())
        return cancelled();

    // Gates are compared per pipeline file over both sides, so a gate broken by an include or by the policy file
    // shows up even when the pipeline file itself did not change.
    if (sink)
        sink->report(1, 3, QStringLiteral("gates"));
    const auto before = gateStates(repositoryPath, from, &detail.pipelineFiles);
    const auto after = gateStates(repositoryPath, to, &detail.pipelineFiles);
    std::sort(detail.pipelineFiles.begin(), detail.pipelineFiles.end());
    QSet<QString> keys;
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        keys.insert(it.key());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        keys.insert(it.key());
    for (const QString& key : std::as_const(keys)) {
        const auto b = before.value(key, {GateChange::State::Absent, QString()});
        const auto a = after.value(key, {GateChange::State::Absent, QString()});
        if (b.first == GateChange::State::Fail)
            ++detail.gatesFailingBefore;
        if (a.first == GateChange::State::Fail)
            ++detail.gatesFailingAfter;
        if (b.first == a.first || from.isNull())
            continue;
        GateChange change;
        change.file = key.section(QLatin1Char('\n'), 0, 0);
        change.gate = key.section(QLatin1Char('\n'), 1);
        if (const pipeline::GateInfo* info = pipeline::findGate(change.gate))
            change.title = info->title;
        change.before = b.first;
        change.after = a.first;
        change.evidence = a.first == GateChange::State::Absent ? b.second : a.second;
        detail.gateChanges.append(change);
    }
    std::sort(detail.gateChanges.begin(), detail.gateChanges.end(), [](const GateChange& x, const GateChange& y) {
        return std::tie(x.file, x.gate) < std::tie(y.file, y.gate);
    });
    if (sink && sink->isCancelled())
        return cancelled();

    if (sink)
        sink->report(2, 3, QStringLiteral("strategy"));
    const Result<StrategyReport> strategies = StrategyDetector::scanRepository(repositoryPath, to.toString(), sink);
    if (strategies.ok()) {
        if (const EnvironmentStrategy* strategy = strategies->environment(environment))
            detail.strategy = *strategy;
    } else if (strategies.error().code != QLatin1String("cancelled")) {
        detail.notes.append(strategies.error().message);
    }
    if (sink && sink->isCancelled())
        return cancelled();
    return detail;
}

Result<IncidentDetail> DeliveryInspector::inspectIncident(const QString& repositoryPath,
                                                          const DeploymentHistory& history, const Incident& incident,
                                                          ProgressSink* sink)
{
    Result<git::Repository> opened = git::Repository::open(repositoryPath);
    if (!opened.ok())
        return opened.error();
    const git::Repository repository = std::move(opened).value();

    IncidentDetail detail;
    detail.blamedIndex = history.indexOfTag(incident.blamedDeployment);
    detail.fixedByIndex = history.indexOfTag(incident.fixedByDeployment);
    detail.lastGoodIndex = DeploymentComparison::lastGoodBefore(history, detail.blamedIndex);
    if (detail.blamedIndex >= 0 && detail.lastGoodIndex >= 0) {
        Result<DeploymentDiff> diff
            = DeploymentComparison::compare(repository, history.deployments.at(detail.lastGoodIndex).commit,
                                            history.deployments.at(detail.blamedIndex).commit, 10000, sink);
        if (!diff.ok())
            return diff.error();
        detail.whatChanged = std::move(diff).value();
    }
    if (sink && sink->isCancelled())
        return cancelled();

    for (const QString& fix : incident.fixCommits) {
        if (const Result<git::ObjectId> id = repository.resolve(fix); id.ok()) {
            detail.fixCommit = id.value();
            break;
        }
    }
    if (detail.fixCommit.isNull()) {
        detail.fixCommit = incident.commit;
        detail.fixIsIncidentCommit = true;
    }
    if (detail.fixCommit.isNull())
        return detail; // a document nobody committed yet
    const Result<git::CommitInfo> commit = repository.commit(detail.fixCommit);
    if (!commit.ok())
        return commit.error();
    detail.fixSummary = commit->summary;
    const git::ObjectId parent = commit->parents.isEmpty() ? git::ObjectId() : commit->parents.constFirst();
    Result<QString> patch = repository.patch(parent, detail.fixCommit);
    if (!patch.ok())
        return patch.error();
    detail.fixPatch = std::move(patch).value();
    if (detail.fixPatch.size() > MaxPatchCharacters) {
        detail.fixPatch.truncate(MaxPatchCharacters);
        detail.fixPatchTruncated = true;
    }
    return detail;
}

} // namespace gatehouse::delivery
