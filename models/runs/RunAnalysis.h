// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"

#include <QHash>

namespace gatehouse {
class ProgressSink;
}

// Reliability and performance figures over a run history. Plain functions over values: call them from a worker
// (the GUI thread never runs them on a real history); they keep no state and are reentrant.
//
// Conventions: every figure in seconds; -1 means "not enough data" (the CLI prints null). Percentiles and medians
// use the nearest-rank method (the median of an even count is the lower middle value), so every figure is a value
// that was actually observed.
namespace gatehouse::runs {

/// Job name → the jobs it `needs`, from the CI configuration. A job present with an empty list has `needs: []` (it
/// starts at once); a job absent waits for the previous stage. A need may name a parallel job's base name ("test"
/// for "test 1/3" … "test 3/3").
using NeedsMap = QHash<QString, QStringList>;

/// A commit that changed the CI configuration (the caller finds them with the git layer).
struct ConfigChange
{
    QString sha;
    QDateTime time; ///< committer time
    QString summary;
    QStringList files; ///< the CI files it changed
};

struct AnalysisOptions
{
    QDateTime since; ///< runs that started before are left out; invalid = no lower bound
    QString branch; ///< only runs on this branch; empty = all branches
    QString defaultBranch = QStringLiteral("main"); ///< where recovery time is measured
    double minSavingSeconds = 30; ///< suggestions saving less are not made
    /// `needs:` from the CI configuration, by Run::source ("gitlab"): used for the critical path when given.
    QHash<QString, NeedsMap> needs;
    /// CI-config commits to correlate with drops in the default branch's success rate (empty = no correlation).
    QList<ConfigChange> configChanges;
    int correlationWindow
        = 10; ///< concluded runs compared on each side of a change (fewer if another change is nearer)
    int correlationMinRuns = 3; ///< on each side
    double correlationMinDrop = 0.2; ///< success-rate drop (0..1) worth reporting
    /// Trend bucket size; 0 = by the span of the history (a day up to a month, a week up to a year, else 30 days).
    int trendBucketDays = 0;
};

/// A CI-config change after which the default branch's success rate dropped.
struct ConfigCorrelation
{
    QString pipeline;
    ConfigChange change;
    int runsBefore = 0;
    int runsAfter = 0;
    double successBefore = -1;
    double successAfter = -1;
};

/// The longest chain of dependent jobs in a typical run, with real job durations.
struct CriticalPath
{
    QString runKey; ///< the typical run (a successful run of median duration)
    QStringList jobs; ///< on the path, first to last
    double pathSeconds = -1; ///< sum of the path's job durations
    double observedSeconds = -1; ///< the typical run's wall-clock duration
    double serialSeconds = -1; ///< all its jobs one after the other
    /// observed - path: how much shorter the run would be if every job started as soon as what it depends on
    /// finished (independent jobs in parallel, no waiting for runners or stage barriers).
    double parallelSavingSeconds = -1;
    /// How dependencies were known: "needs", "stages" (GitLab stage order) or "timing" (observed start/finish).
    QString dependencies;
};

/// One bucket of a pipeline's history (for the success-rate and duration charts).
struct TrendPoint
{
    QDateTime start; ///< UTC start of the bucket
    int runs = 0;
    int successes = 0;
    int failures = 0;
    double successRate = -1;
    double durationP50 = -1;
    double durationP95 = -1;
};

struct PipelineStats
{
    QString name;
    /// Made of JUnit reports, not CI runs: shown, but left out of the overall success metrics.
    bool testReports = false;
    int runs = 0; ///< every run in the window (any status)
    int successes = 0;
    int failures = 0;
    int canceled = 0;
    double successRate = -1; ///< successes / (successes + failures)
    double durationP50 = -1; ///< of successful and failed runs
    double durationP95 = -1;
    double queueP50 = -1;
    int falseFailures = 0; ///< failed runs of a commit on which a later run of this pipeline succeeded
    double falseFailureRate = -1; ///< falseFailures / (successes + failures)
    int recoveries = 0;
    double recoveryMedian = -1; ///< default branch: first failure finished → next success finished
    double feedbackMedian = -1; ///< start → first failed job finished (failed runs) or → finished (successes)
    int manualJobsRun = 0; ///< manual jobs someone started
    int jobRetries = 0; ///< job executions beyond the first of the same job in a run
    int reruns = 0; ///< runs with attempt > 1
    int runsWithIntervention = 0;
    double manualInterventionRate = -1; ///< runsWithIntervention / runs
    CriticalPath criticalPath;
    /// Duration p50 of the newer half of the runs relative to the older half: +0.25 = 25 % slower, -0.1 = 10 %
    /// faster; 0 with fewer than 4 durations.
    double durationP50Change = 0;
    int trendBucketDays = 0; ///< the bucket size the trend uses
    QList<TrendPoint> trend; ///< non-empty buckets, oldest first
};

struct JobStats
{
    QString pipeline;
    QString name;
    QString stage;
    int runs = 0; ///< executions (each attempt counts)
    int successes = 0;
    int failures = 0; ///< allowed failures included
    int flakyFailures = 0; ///< failed executions that passed on a later attempt for the same commit
    double flakySeconds = 0; ///< time those flaky executions took
    int retries = 0;
    int manualRuns = 0;
    double failureRate = -1; ///< failures / (successes + failures)
    double durationP50 = -1;
    double durationP95 = -1;
    double queueP50 = -1;
};

struct StepStats
{
    QString pipeline;
    QString job;
    QString name;
    int runs = 0;
    double durationP50 = -1;
};

/// One recommendation, with what it rests on and what it would save per run (or, for flakiness, in total).
struct Suggestion
{
    QString kind; ///< use-needs, add-cache, critical-path, runner-wait, retry-hides-flakiness, config-change
    QString pipeline;
    QString job;
    QString evidence;
    double savingSeconds = 0; ///< -1 when the suggestion saves no time (config-change: it restores reliability)
};

/// All pipelines together (JUnit report groups left out), for the success metrics.
struct OverallStats
{
    int runs = 0;
    int concluded = 0; ///< successes + failures
    double successRate = -1;
    double falseFailureRate = -1;
    double recoveryMedian = -1; ///< over every recovery of every pipeline
    double feedbackMedian = -1;
    double manualInterventionRate = -1;
};

/// One of the seed's pipeline success metrics against its target.
struct MetricCheck
{
    QString metric; ///< pipeline_success_rate, false_failure_rate, mean_time_to_recovery_s, feedback_time_s,
                    ///< manual_intervention_rate
    QString comparison; ///< ">" or "<"
    double target = 0;
    double actual = -1; ///< -1 = no data
    /// Met, missed, or unknown without data.
    enum class Outcome
    {
        Met,
        Missed,
        NoData
    } outcome
        = Outcome::NoData;
};

struct RunAnalysis
{
    int runsConsidered = 0;
    OverallStats overall;
    QList<PipelineStats> pipelines; ///< by name
    QList<JobStats> jobs; ///< flakiest first, then by failure rate, pipeline and name
    QList<StepStats> slowestSteps; ///< at most 20, slowest first
    QList<Suggestion> suggestions; ///< largest saving first
    QList<ConfigCorrelation> configCorrelations; ///< by pipeline, then change time
};

/// The success metrics of the seed (Factor X): success rate > 95 %, false failure rate < 5 %, time to recovery
/// < 15 min (the median stands for the mean: robust to one long outage), feedback time < 10 min, manual
/// intervention rate < 5 %.
QList<MetricCheck> checkSuccessMetrics(const OverallStats& overall);

/// Nearest-rank percentile (p in 0..100) of `values`; -1 when empty.
double percentile(QList<double> values, double p);

/// The critical path of one run from its jobs' real durations (the last attempt of each job), using `needs` when
/// known (from `needs`, else the jobs' own), else stage order, else observed timing.
CriticalPath criticalPathOf(const Run& run, const NeedsMap& needs = {});

/// The whole analysis. `sink` (optional) reports progress and is checked for cancellation (a cancelled analysis
/// returns what was computed so far).
RunAnalysis analyzeRuns(const QList<Run>& runs, const AnalysisOptions& options, ProgressSink* sink = nullptr);

} // namespace gatehouse::runs
