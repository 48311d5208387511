// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OverviewSummary.h"

#include "git/Repository.h"

namespace gatehouse::scorecard {

OverviewSummary OverviewSummary::fromInputs(const ScorecardInputs& inputs)
{
    OverviewSummary summary;
    summary.now = inputs.now;
    summary.report = Scorecard::evaluate(inputs);

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

} // namespace gatehouse::scorecard
