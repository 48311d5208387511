// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunAnalysis.h"

#include "RunOrder.h"
#include "common/ProgressSink.h"
#include "common/Statistics.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace gatehouse::runs {

double percentile(QList<double> values, double p)
{
    return statistics::nearestRank(std::move(values), p / 100.0).value_or(-1);
}

namespace {

double median(const QList<double>& values)
{
    return percentile(values, 50);
}

bool runBefore(const Run* a, const Run* b)
{
    const int order = compareByTimeThenId(a->when(), a->id, b->when(), b->id);
    return order != 0 ? order < 0 : a->attempt < b->attempt;
}

bool played(const Job& job)
{
    return job.manual && (job.status == RunStatus::Success || job.status == RunStatus::Failed);
}

QString seconds(double value)
{
    return QString::number(qRound64(value));
}

struct JobAccumulator
{
    JobStats stats;
    QList<double> durations;
    QList<double> queues;
    QHash<QString, int> stages;
    // (commit or run, order) → status, for flakiness
    struct Execution
    {
        QString commit;
        RunStatus status;
        double duration;
    };
    QList<Execution> executions;
    // step name → durations; step names that look like a cache
    QHash<QString, QList<double>> steps;
    QStringList stepOrder;
    bool hasCacheStep = false;
};

const QRegularExpression& installPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("\\b(npm (ci|install)|yarn( install)?$|pnpm install|pip3? install|poetry install|pipenv "
                       "install|uv sync|bundle install|install gems|gem install|go mod download|cargo fetch|mvn\\b|"
                       "gradle|composer install|dotnet restore|install dependencies|apt-get install)"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

const QRegularExpression& cachePattern()
{
    static const QRegularExpression pattern(QStringLiteral("cache"), QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// Buckets of `days` days from the first run's day (weeks from its Monday), oldest first, empty ones left out.
QList<TrendPoint> trendOf(const QList<const Run*>& group, int days, int& bucketDays)
{
    QList<TrendPoint> points;
    QDateTime first;
    QDateTime last;
    for (const Run* run : group) {
        const QDateTime when = run->when();
        if (!when.isValid())
            continue;
        if (!first.isValid() || when < first)
            first = when;
        if (!last.isValid() || when > last)
            last = when;
    }
    if (!first.isValid())
        return points;
    if (days <= 0) {
        const qint64 span = first.daysTo(last);
        days = span <= 31 ? 1 : span <= 366 ? 7 : 30;
    }
    bucketDays = days;
    QDate originDate = first.toUTC().date();
    if (days == 7)
        originDate = originDate.addDays(1 - originDate.dayOfWeek());
    const QDateTime origin(originDate, QTime(0, 0), Qt::UTC);
    const qint64 bucketSeconds = qint64(days) * 86400;

    struct Bucket
    {
        TrendPoint point;
        QList<double> durations;
    };
    QMap<qint64, Bucket> buckets;
    for (const Run* run : group) {
        const QDateTime when = run->when();
        if (!when.isValid())
            continue;
        const qint64 index = origin.secsTo(when) / bucketSeconds;
        Bucket& bucket = buckets[index];
        bucket.point.start = origin.addSecs(index * bucketSeconds);
        ++bucket.point.runs;
        if (run->status == RunStatus::Success)
            ++bucket.point.successes;
        else if (run->status == RunStatus::Failed)
            ++bucket.point.failures;
        if ((run->status == RunStatus::Success || run->status == RunStatus::Failed) && run->durationSeconds >= 0)
            bucket.durations.append(run->durationSeconds);
    }
    for (Bucket& bucket : buckets) {
        TrendPoint& point = bucket.point;
        if (point.successes + point.failures > 0)
            point.successRate = double(point.successes) / (point.successes + point.failures);
        point.durationP50 = percentile(bucket.durations, 50);
        point.durationP95 = percentile(bucket.durations, 95);
        points.append(point);
    }
    return points;
}

QString percentText(double rate)
{
    return QStringLiteral("%1 %").arg(qRound(rate * 100));
}

// Compares the default branch's success rate just before and just after each CI-config change.
void correlateConfigChanges(const QList<const Run*>& group, const QString& pipeline, const AnalysisOptions& options,
                            RunAnalysis& analysis)
{
    if (options.configChanges.isEmpty())
        return;
    QList<const Run*> concluded; // in time order, default branch only
    for (const Run* run : group) {
        if (run->branch == options.defaultBranch && run->when().isValid()
            && (run->status == RunStatus::Success || run->status == RunStatus::Failed))
            concluded.append(run);
    }
    QList<ConfigChange> changes = options.configChanges;
    std::stable_sort(changes.begin(), changes.end(),
                     [](const ConfigChange& a, const ConfigChange& b) { return a.time < b.time; });
    for (qsizetype c = 0; c < changes.size(); ++c) {
        const ConfigChange& change = changes.at(c);
        if (!change.time.isValid())
            continue;
        const QDateTime previous = c > 0 ? changes.at(c - 1).time : QDateTime();
        const QDateTime next = c + 1 < changes.size() ? changes.at(c + 1).time : QDateTime();
        QList<const Run*> before;
        QList<const Run*> after;
        for (const Run* run : std::as_const(concluded)) {
            const QDateTime when = run->when();
            if (when < change.time && (!previous.isValid() || when >= previous))
                before.append(run);
            else if (when >= change.time && (!next.isValid() || when < next)
                     && after.size() < options.correlationWindow)
                after.append(run);
        }
        if (before.size() > options.correlationWindow)
            before = before.mid(before.size() - options.correlationWindow);
        if (before.size() < options.correlationMinRuns || after.size() < options.correlationMinRuns)
            continue;
        const auto rate = [](const QList<const Run*>& runs) {
            const auto successes = std::count_if(runs.cbegin(), runs.cend(),
                                                 [](const Run* run) { return run->status == RunStatus::Success; });
            return double(successes) / double(runs.size());
        };
        ConfigCorrelation correlation{pipeline,          change,       int(before.size()),
                                      int(after.size()), rate(before), rate(after)};
        if (correlation.successBefore - correlation.successAfter < options.correlationMinDrop)
            continue;
        analysis.configCorrelations.append(correlation);
        analysis.suggestions.append(
            {QStringLiteral("config-change"), pipeline, QString(),
             QStringLiteral("success rate on %1 fell from %2 (%3 runs before) to %4 (%5 runs after) commit %6 \"%7\" "
                            "changed %8: review that change.")
                 .arg(options.defaultBranch, percentText(correlation.successBefore))
                 .arg(correlation.runsBefore)
                 .arg(percentText(correlation.successAfter))
                 .arg(correlation.runsAfter)
                 .arg(change.sha.left(8), change.summary,
                      change.files.isEmpty() ? QStringLiteral("the CI configuration")
                                             : change.files.join(QStringLiteral(", "))),
             -1});
    }
}

} // namespace

QList<MetricCheck> checkSuccessMetrics(const OverallStats& overall)
{
    const auto check = [](const char* metric, const char* comparison, double target, double actual) {
        MetricCheck result{QString::fromLatin1(metric), QString::fromLatin1(comparison), target, actual};
        if (actual < 0)
            result.outcome = MetricCheck::Outcome::NoData;
        else if (comparison[0] == '>')
            result.outcome = actual > target ? MetricCheck::Outcome::Met : MetricCheck::Outcome::Missed;
        else
            result.outcome = actual < target ? MetricCheck::Outcome::Met : MetricCheck::Outcome::Missed;
        return result;
    };
    return {check("pipeline_success_rate", ">", 0.95, overall.successRate),
            check("false_failure_rate", "<", 0.05, overall.falseFailureRate),
            check("mean_time_to_recovery_s", "<", 15 * 60, overall.recoveryMedian),
            check("feedback_time_s", "<", 10 * 60, overall.feedbackMedian),
            check("manual_intervention_rate", "<", 0.05, overall.manualInterventionRate)};
}

RunAnalysis analyzeRuns(const QList<Run>& runs, const AnalysisOptions& options, ProgressSink* sink)
{
    RunAnalysis analysis;

    // The window and branch; then one group per pipeline, each in time order.
    QHash<QString, QList<const Run*>> groups;
    for (const Run& run : runs) {
        if (options.since.isValid() && (!run.when().isValid() || run.when() < options.since))
            continue;
        if (!options.branch.isEmpty() && run.branch != options.branch)
            continue;
        groups[run.pipelineName()].append(&run);
        ++analysis.runsConsidered;
    }
    QStringList names = groups.keys();
    names.sort();

    qint64 done = 0;
    QList<double> allRecoveries;
    QList<double> allFeedback;
    int intervened = 0;
    for (const QString& name : std::as_const(names)) {
        if (sink && sink->isCancelled())
            break;
        QList<const Run*>& group = groups[name];
        std::stable_sort(group.begin(), group.end(), runBefore);

        PipelineStats stats;
        stats.name = name;
        stats.runs = int(group.size());
        stats.testReports = std::all_of(group.cbegin(), group.cend(),
                                        [](const Run* run) { return run->source == QLatin1String("junit"); });
        QList<double> durations;
        QList<double> queues;
        QList<double> feedback;
        QList<double> recoveries;
        QHash<QString, JobAccumulator> jobs;
        QStringList jobOrder;

        // False failures: a failed run whose commit later had a successful run of the same pipeline.
        QSet<QString> laterSuccess;
        laterSuccess.reserve(group.size());
        QList<bool> falseFailure(group.size(), false);
        for (qsizetype i = group.size() - 1; i >= 0; --i) {
            const Run* run = group.at(i);
            if (run->sha.isEmpty())
                continue;
            if (run->status == RunStatus::Failed && laterSuccess.contains(run->sha))
                falseFailure[i] = true;
            if (run->status == RunStatus::Success)
                laterSuccess.insert(run->sha);
        }

        bool failing = false;
        QDateTime failingSince;
        for (qsizetype i = 0; i < group.size(); ++i) {
            const Run& run = *group.at(i);
            switch (run.status) {
            case RunStatus::Success:
                ++stats.successes;
                break;
            case RunStatus::Failed:
                ++stats.failures;
                break;
            case RunStatus::Canceled:
                ++stats.canceled;
                break;
            default:
                break;
            }
            const bool concluded = run.status == RunStatus::Success || run.status == RunStatus::Failed;
            if (concluded && run.durationSeconds >= 0)
                durations.append(run.durationSeconds);
            if (run.queueSeconds >= 0)
                queues.append(run.queueSeconds);
            if (falseFailure.at(i))
                ++stats.falseFailures;

            // Recovery on the default branch: from the first failure's end to the next success's end.
            if (run.branch == options.defaultBranch && concluded) {
                const QDateTime at = run.finished.isValid() ? run.finished : run.when();
                if (run.status == RunStatus::Failed && !failing) {
                    failing = true;
                    failingSince = at;
                } else if (run.status == RunStatus::Success && failing) {
                    failing = false;
                    const double recovery = secondsBetween(failingSince, at);
                    if (recovery >= 0)
                        recoveries.append(recovery);
                }
            }

            // Feedback: how long until the author learns the outcome.
            if (concluded && run.when().isValid()) {
                QDateTime learned;
                if (run.status == RunStatus::Failed) {
                    for (const Job& job : run.jobs) {
                        if (job.status == RunStatus::Failed && !job.allowFailure && job.finished.isValid()
                            && (!learned.isValid() || job.finished < learned))
                            learned = job.finished;
                    }
                }
                if (!learned.isValid())
                    learned = run.finished;
                const double seconds = secondsBetween(run.when(), learned);
                if (seconds >= 0)
                    feedback.append(seconds);
            }

            bool intervened = run.attempt > 1;
            if (run.attempt > 1)
                ++stats.reruns;
            const QString commit = run.sha.isEmpty() ? run.key() : run.sha;
            for (const QList<const Job*>& executions : executionsByName(run)) {
                const QString jobName = executions.first()->name;
                auto it = jobs.find(jobName);
                if (it == jobs.end()) {
                    it = jobs.insert(jobName, JobAccumulator());
                    it->stats.pipeline = name;
                    it->stats.name = jobName;
                    jobOrder.append(jobName);
                }
                JobAccumulator& acc = *it;
                acc.stats.retries += int(executions.size()) - 1;
                stats.jobRetries += int(executions.size()) - 1;
                if (executions.size() > 1)
                    intervened = true;
                for (const Job* job : executions) {
                    ++acc.stats.runs;
                    if (!job->stage.isEmpty())
                        ++acc.stages[job->stage];
                    if (job->status == RunStatus::Success)
                        ++acc.stats.successes;
                    else if (job->status == RunStatus::Failed)
                        ++acc.stats.failures;
                    if (played(*job)) {
                        ++acc.stats.manualRuns;
                        ++stats.manualJobsRun;
                        intervened = true;
                    }
                    const bool jobConcluded = job->status == RunStatus::Success || job->status == RunStatus::Failed;
                    if (jobConcluded && job->durationSeconds >= 0)
                        acc.durations.append(job->durationSeconds);
                    if (job->queueSeconds >= 0)
                        acc.queues.append(job->queueSeconds);
                    acc.executions.append({commit, job->status, qMax(0.0, job->durationSeconds)});
                    for (const Step& step : job->steps) {
                        if (cachePattern().match(step.name).hasMatch())
                            acc.hasCacheStep = true;
                        if (step.durationSeconds < 0)
                            continue;
                        auto stepIt = acc.steps.find(step.name);
                        if (stepIt == acc.steps.end()) {
                            stepIt = acc.steps.insert(step.name, {});
                            acc.stepOrder.append(step.name);
                        }
                        stepIt->append(step.durationSeconds);
                    }
                }
            }
            if (intervened)
                ++stats.runsWithIntervention;
            if (sink)
                sink->report(++done, runs.size(), QStringLiteral("analyzing runs"));
        }

        const int concludedRuns = stats.successes + stats.failures;
        if (concludedRuns > 0) {
            stats.successRate = double(stats.successes) / concludedRuns;
            stats.falseFailureRate = double(stats.falseFailures) / concludedRuns;
        }
        if (durations.size() >= 4) {
            const qsizetype half = durations.size() / 2;
            const double older = percentile(durations.mid(0, half), 50);
            const double newer = percentile(durations.mid(half), 50);
            if (older > 0)
                stats.durationP50Change = (newer - older) / older;
        }
        stats.trend = trendOf(group, options.trendBucketDays, stats.trendBucketDays);
        stats.durationP50 = percentile(durations, 50);
        stats.durationP95 = percentile(durations, 95);
        stats.queueP50 = median(queues);
        if (!stats.testReports) {
            allRecoveries += recoveries;
            allFeedback += feedback;
            intervened += stats.runsWithIntervention;
            analysis.overall.runs += stats.runs;
            analysis.overall.concluded += concludedRuns;
        }
        stats.recoveries = int(recoveries.size());
        stats.recoveryMedian = median(recoveries);
        stats.feedbackMedian = median(feedback);
        if (stats.runs > 0)
            stats.manualInterventionRate = double(stats.runsWithIntervention) / stats.runs;

        // The typical run: the successful run with jobs whose duration is the median.
        QList<const Run*> candidates;
        for (const Run* run : std::as_const(group)) {
            if (run->status == RunStatus::Success && !run->jobs.isEmpty())
                candidates.append(run);
        }
        if (!candidates.isEmpty()) {
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Run* a, const Run* b) { return a->durationSeconds < b->durationSeconds; });
            const auto rank = qsizetype(std::ceil(0.5 * double(candidates.size())));
            const Run* typical = candidates.at(std::max<qsizetype>(rank, 1) - 1);
            stats.criticalPath = criticalPathOf(*typical, options.needs.value(typical->source));
        }

        for (const QString& jobName : std::as_const(jobOrder)) {
            JobAccumulator& acc = jobs[jobName];
            JobStats& js = acc.stats;
            // Flaky: failed, and a later execution of this job for the same commit passed.
            QSet<QString> passedLater;
            passedLater.reserve(acc.executions.size());
            for (qsizetype i = acc.executions.size() - 1; i >= 0; --i) {
                const auto& execution = acc.executions.at(i);
                if (execution.status == RunStatus::Failed && passedLater.contains(execution.commit)) {
                    ++js.flakyFailures;
                    js.flakySeconds += execution.duration;
                }
                if (execution.status == RunStatus::Success)
                    passedLater.insert(execution.commit);
            }
            if (js.successes + js.failures > 0)
                js.failureRate = double(js.failures) / (js.successes + js.failures);
            js.durationP50 = percentile(acc.durations, 50);
            js.durationP95 = percentile(acc.durations, 95);
            js.queueP50 = median(acc.queues);
            int bestCount = 0;
            for (auto it = acc.stages.cbegin(); it != acc.stages.cend(); ++it) {
                if (it.value() > bestCount || (it.value() == bestCount && it.key() < js.stage)) {
                    bestCount = it.value();
                    js.stage = it.key();
                }
            }
            for (const QString& stepName : std::as_const(acc.stepOrder)) {
                const QList<double>& values = acc.steps.value(stepName);
                analysis.slowestSteps.append({name, jobName, stepName, int(values.size()), median(values)});
            }

            if (js.flakyFailures > 0) {
                analysis.suggestions.append(
                    {QStringLiteral("retry-hides-flakiness"), name, jobName,
                     QStringLiteral("'%1' failed %2 of %3 times; %4 of those failures passed on a retry of the same "
                                    "commit. Retries hide the flakiness: fix or quarantine the unstable tests. The "
                                    "flaky attempts cost %5 s of CI time in this window.")
                         .arg(jobName)
                         .arg(js.failures)
                         .arg(js.runs)
                         .arg(js.flakyFailures)
                         .arg(seconds(js.flakySeconds)),
                     js.flakySeconds});
            }
            if (!acc.hasCacheStep) {
                for (const QString& stepName : std::as_const(acc.stepOrder)) {
                    if (!installPattern().match(stepName).hasMatch())
                        continue;
                    const double stepMedian = median(acc.steps.value(stepName));
                    // A warm cache skips most of a download; 80 % is the conservative share we promise.
                    const double saving = 0.8 * stepMedian;
                    if (saving < options.minSavingSeconds)
                        continue;
                    analysis.suggestions.append(
                        {QStringLiteral("add-cache"), name, jobName,
                         QStringLiteral("step '%1' of '%2' downloads dependencies (median %3 s over %4 runs) and the "
                                        "job has no cache step; caching them would save about 80 % of it.")
                             .arg(stepName, jobName, seconds(stepMedian))
                             .arg(acc.steps.value(stepName).size()),
                         saving});
                }
            }
            analysis.jobs.append(js);
        }

        // Suggestions from the typical run's critical path.
        const CriticalPath& path = stats.criticalPath;
        const Run* typical = nullptr;
        for (const Run* run : std::as_const(candidates)) {
            if (run->key() == path.runKey)
                typical = run;
        }
        if (typical && path.pathSeconds > 0) {
            QHash<QString, const Job*> lastByName;
            for (const QList<const Job*>& executions : executionsByName(*typical))
                lastByName.insert(executions.first()->name, executions.last());
            // The longest job on the path: splitting it in two parallel halves saves half of it.
            const Job* longest = nullptr;
            for (const QString& jobName : path.jobs) {
                const Job* job = lastByName.value(jobName);
                if (job && (!longest || job->durationSeconds > longest->durationSeconds))
                    longest = job;
            }
            if (longest && longest->durationSeconds / 2 >= options.minSavingSeconds
                && longest->durationSeconds >= 0.25 * path.pathSeconds) {
                analysis.suggestions.append(
                    {QStringLiteral("critical-path"), name, longest->name,
                     QStringLiteral("'%1' takes %2 s of the %3 s critical path (%4) of a typical run (%5); splitting "
                                    "it into two parallel jobs (parallel: 2 or a matrix) would save about %6 s.")
                         .arg(longest->name, seconds(longest->durationSeconds), seconds(path.pathSeconds),
                              path.jobs.join(QStringLiteral(" → ")), path.runKey,
                              seconds(longest->durationSeconds / 2)),
                     longest->durationSeconds / 2});
            }
            if (path.parallelSavingSeconds >= options.minSavingSeconds) {
                analysis.suggestions.append(
                    {QStringLiteral("runner-wait"), name, QString(),
                     QStringLiteral("a typical run (%1) takes %2 s but its critical path is %3 s: jobs wait for "
                                    "runners or for stages. With enough runners and jobs starting as soon as what "
                                    "they depend on is done, it would take %4 s less.")
                         .arg(path.runKey, seconds(path.observedSeconds), seconds(path.pathSeconds),
                              seconds(path.parallelSavingSeconds)),
                     path.parallelSavingSeconds});
            }
            // Stage barriers: a much longer job on the path holds the whole next stage back.
            if (path.dependencies == QLatin1String("stages")) {
                for (qsizetype i = 0; i + 1 < path.jobs.size(); ++i) {
                    const Job* holder = lastByName.value(path.jobs.at(i));
                    const Job* waiting = lastByName.value(path.jobs.at(i + 1));
                    if (!holder || !waiting)
                        continue;
                    double others = 0;
                    int stageMates = 0;
                    for (const Job* job : std::as_const(lastByName)) {
                        if (job == holder || job->stage != holder->stage)
                            continue;
                        ++stageMates;
                        others = qMax(others, job->durationSeconds);
                    }
                    // Alone in its stage, the job is not a barrier for anything but itself.
                    const double saving = holder->durationSeconds - others;
                    if (stageMates == 0 || saving < options.minSavingSeconds)
                        continue;
                    analysis.suggestions.append(
                        {QStringLiteral("use-needs"), name, waiting->name,
                         QStringLiteral(
                             "stage '%1' waits for '%2' (%3 s) although the other jobs of stage '%4' finish "
                             "within %5 s; if '%6' does not depend on '%2', `needs:` lets it start up to %7 s "
                             "earlier.")
                             .arg(waiting->stage, holder->name, seconds(holder->durationSeconds), holder->stage,
                                  seconds(others), waiting->name, seconds(saving)),
                         saving});
                }
            }
        }
        correlateConfigChanges(group, stats.name, options, analysis);
        analysis.pipelines.append(stats);
    }

    OverallStats& overall = analysis.overall;
    if (overall.concluded > 0) {
        int successes = 0;
        int falseFailures = 0;
        for (const PipelineStats& stats : std::as_const(analysis.pipelines)) {
            if (stats.testReports)
                continue;
            successes += stats.successes;
            falseFailures += stats.falseFailures;
        }
        overall.successRate = double(successes) / overall.concluded;
        overall.falseFailureRate = double(falseFailures) / overall.concluded;
    }
    overall.recoveryMedian = median(allRecoveries);
    overall.feedbackMedian = median(allFeedback);
    if (overall.runs > 0)
        overall.manualInterventionRate = double(intervened) / overall.runs;

    std::stable_sort(analysis.jobs.begin(), analysis.jobs.end(), [](const JobStats& a, const JobStats& b) {
        if (a.flakyFailures != b.flakyFailures)
            return a.flakyFailures > b.flakyFailures;
        if (a.failureRate != b.failureRate)
            return a.failureRate > b.failureRate;
        if (a.pipeline != b.pipeline)
            return a.pipeline < b.pipeline;
        return a.name < b.name;
    });
    std::stable_sort(analysis.slowestSteps.begin(), analysis.slowestSteps.end(),
                     [](const StepStats& a, const StepStats& b) { return a.durationP50 > b.durationP50; });
    if (analysis.slowestSteps.size() > 20)
        analysis.slowestSteps.resize(20);
    std::stable_sort(analysis.suggestions.begin(), analysis.suggestions.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.savingSeconds > b.savingSeconds; });
    return analysis;
}

} // namespace gatehouse::runs
