// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Scorecard.h"
#include "delivery/DoraMetrics.h"

#include <QMetaType>

namespace gatehouse::scorecard {

struct OverviewFirstStage;

/// Everything the Overview page shows besides the repository's own snapshot: the KPI figures of every area and
/// the scorecard, computed together from one collect() so the tiles and the scorecard never disagree.
/// Value type, built on a worker and handed to the GUI thread. Computed whole (compute()) or in two stages: the
/// facts of the revision first (the gates of its pipelines; `complete` false), then the history-wide ones.
struct OverviewSummary
{
    QString repositoryPath;
    QString revision;
    QDateTime now;
    bool complete = false; ///< false: only the pipeline fields are known, the rest is still being computed
    ScorecardReport report;

    std::optional<PipelineGateSummary> mainPipeline; ///< .gitlab-ci.yml when there is one, else the first found
    int pipelines = 0;

    std::optional<Posture> posture; ///< absent with postureError when it failed
    QString postureError;
    int openCritical = 0;
    int openHigh = 0;
    int overdue = 0;

    int productionDeployments = 0;
    std::optional<delivery::Deployment> lastProduction;
    delivery::DoraSummary dora; ///< production, first to last deployment
    std::optional<delivery::Incident> lastIncident; ///< the most recent by time
    int incidents = 0;

    std::optional<RunFacts> runs; ///< absent with runsError when the store could not be read
    QString runsError;

    /// The whole job for a worker: opens its own Repository from `repositoryPath`, collects and evaluates.
    static Result<OverviewSummary> compute(const QString& repositoryPath, const QString& revision, const QDateTime& now,
                                           ProgressSink* sink = nullptr, const CollectOptions& options = {});
    /// The figures from already collected inputs (tests build them by hand).
    static OverviewSummary fromInputs(const ScorecardInputs& inputs);

    /// Stage one for a worker: the revision's own facts (Scorecard::collectAtRevision), cheap on any history.
    static Result<OverviewFirstStage> computeFirstStage(const QString& repositoryPath, const QString& revision,
                                                        const QDateTime& now, ProgressSink* sink = nullptr);
    /// Stage two for a worker: the history-wide facts added to the first stage's inputs; the result is complete and
    /// equals compute() of the same revision and time.
    static Result<OverviewSummary> computeSecondStage(const OverviewFirstStage& first, ProgressSink* sink = nullptr,
                                                      const CollectOptions& options = {});
};

/// What the first stage delivers: the summary so far and the inputs the second stage continues from.
struct OverviewFirstStage
{
    OverviewSummary summary;
    ScorecardInputs inputs;
};

} // namespace gatehouse::scorecard

Q_DECLARE_METATYPE(gatehouse::scorecard::OverviewSummary)
