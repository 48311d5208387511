// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewSummary.h"

#include "git/Repository.h"

namespace gatehouse::scorecard {

namespace {

void fillPipelineFacts(OverviewSummary& summary, const ScorecardInputs& inputs)
{
    summary.now = inputs.now;
    summary.pipelines = int(inputs.pipelineGates.size());
    for (const PipelineGateSummary& pipeline : inputs.pipelineGates) {
        // The repository's main pipeline (the gates put repository-wide findings there); else GitLab's root file,
        // else the first found.
        if (pipeline.path == inputs.mainPipeline || pipeline.path.startsWith(QLatin1String(".gitlab-ci."))) {
            summary.mainPipeline = pipeline;
            break;
        }
        if (!summary.mainPipeline)
            summary.mainPipeline = pipeline;
    }
}

} // namespace

OverviewSummary OverviewSummary::fromInputs(const ScorecardInputs& inputs)
{
    OverviewSummary summary;
    summary.complete = true;
    summary.report = Scorecard::evaluate(inputs);
    fillPipelineFacts(summary, inputs);

    summary.posture = inputs.posture;
    summary.postureError = inputs.postureError;
    if (inputs.posture) {
        const QMap<Severity, int> open = inputs.posture->openBySeverity();
        summary.openCritical = open.value(Severity::Critical);
        summary.openHigh = open.value(Severity::High);
        summary.overdue = inputs.posture->overdueCount();
    }

    const QList<int> production = inputs.deployments.indexesOf(QStringLiteral("production"));
    summary.productionDeployments = int(production.size());
    if (!production.isEmpty())
        summary.lastProduction = inputs.deployments.deployments.at(production.last());
    summary.dora = delivery::DoraMetrics::compute(inputs.deployments, QStringLiteral("production"));

    summary.incidents = int(inputs.incidents.size());
    for (const delivery::Incident& incident : inputs.incidents) {
        if (!summary.lastIncident || incident.time > summary.lastIncident->time)
            summary.lastIncident = incident;
    }

    summary.runs = inputs.runs;
    summary.runsError = inputs.runsError;
    return summary;
}

Result<OverviewSummary> OverviewSummary::compute(const QString& repositoryPath, const QString& revision,
                                                 const QDateTime& now, ProgressSink* sink,
                                                 const CollectOptions& options)
{
    const Result<git::Repository> repository = git::Repository::open(repositoryPath);
    if (!repository.ok())
        return repository.error();
    const Result<ScorecardInputs> inputs = Scorecard::collect(repository.value(), revision, now, sink, options);
    if (!inputs.ok())
        return inputs.error();
    OverviewSummary summary = fromInputs(inputs.value());
    summary.repositoryPath = repositoryPath;
    summary.revision = revision;
    return summary;
}

Result<OverviewFirstStage> OverviewSummary::computeFirstStage(const QString& repositoryPath, const QString& revision,
                                                              const QDateTime& now, ProgressSink* sink)
{
    const Result<git::Repository> repository = git::Repository::open(repositoryPath);
    if (!repository.ok())
        return repository.error();
    Result<ScorecardInputs> inputs = Scorecard::collectAtRevision(repository.value(), revision, now, sink);
    if (!inputs.ok())
        return inputs.error();
    OverviewFirstStage first;
    first.inputs = std::move(inputs).value();
    fillPipelineFacts(first.summary, first.inputs);
    first.summary.repositoryPath = repositoryPath;
    first.summary.revision = revision;
    return first;
}

Result<OverviewSummary> OverviewSummary::computeSecondStage(const OverviewFirstStage& first, ProgressSink* sink,
                                                            const CollectOptions& options)
{
    const Result<git::Repository> repository = git::Repository::open(first.summary.repositoryPath);
    if (!repository.ok())
        return repository.error();
    ScorecardInputs inputs = first.inputs;
    const Status rest
        = Scorecard::collectHistoryWide(repository.value(), first.summary.revision, inputs, sink, options);
    if (!rest.ok())
        return rest.error();
    OverviewSummary summary = fromInputs(inputs);
    summary.repositoryPath = first.summary.repositoryPath;
    summary.revision = first.summary.revision;
    return summary;
}

} // namespace gatehouse::scorecard
