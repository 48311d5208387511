// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ProgressSink.h"
#include "runs/RunAnalysis.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::runs;

namespace {

const QDateTime kT0(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);

// A run at hour `hour` after kT0, lasting `duration` seconds.
Run makeRun(const QString& source, const QString& pipeline, const QString& id, const QString& sha, RunStatus status,
            int hour, double duration, const QString& branch = QStringLiteral("main"))
{
    Run run;
    run.source = source;
    run.name = pipeline;
    run.id = id;
    run.sha = sha;
    run.branch = branch;
    run.status = status;
    run.created = kT0.addSecs(hour * 3600);
    run.started = run.created;
    run.finished = run.started.addMSecs(qint64(duration * 1000));
    run.durationSeconds = duration;
    return run;
}

// A job from `from` to `to` seconds after the run's start.
Job makeJob(const Run& run, const QString& id, const QString& name, const QString& stage, RunStatus status, int from,
            int to)
{
    Job job;
    job.id = id;
    job.runId = run.id;
    job.name = name;
    job.stage = stage;
    job.status = status;
    job.started = run.started.addSecs(from);
    job.finished = run.started.addSecs(to);
    job.durationSeconds = to - from;
    return job;
}

// main: success, fail/success on B (flaky), fail on C, fail/success on D (flaky); one feature-branch run first.
QList<Run> reliabilityHistory()
{
    const QString ci = QStringLiteral("CI");
    const QString gh = QStringLiteral("github");
    return {
        makeRun(gh, ci, QStringLiteral("1"), QStringLiteral("A"), RunStatus::Success, 1, 100),
        makeRun(gh, ci, QStringLiteral("2"), QStringLiteral("B"), RunStatus::Failed, 2, 200),
        makeRun(gh, ci, QStringLiteral("3"), QStringLiteral("B"), RunStatus::Success, 3, 300),
        makeRun(gh, ci, QStringLiteral("4"), QStringLiteral("C"), RunStatus::Failed, 4, 400),
        makeRun(gh, ci, QStringLiteral("5"), QStringLiteral("D"), RunStatus::Failed, 5, 500),
        makeRun(gh, ci, QStringLiteral("6"), QStringLiteral("D"), RunStatus::Success, 6, 600),
        makeRun(gh, ci, QStringLiteral("0"), QStringLiteral("F"), RunStatus::Success, 0, 50, QStringLiteral("feature")),
    };
}

// GitLab with stages: X retries a flaky test and plays a manual deploy; Y fails on S2; Z passes on S2.
QList<Run> stagedHistory()
{
    const QString gl = QStringLiteral("gitlab");
    const QString name = QStringLiteral("gl");
    Run x = makeRun(gl, name, QStringLiteral("10"), QStringLiteral("S1"), RunStatus::Success, 1, 270);
    x.jobs = {
        makeJob(x, QStringLiteral("100"), QStringLiteral("build"), QStringLiteral("build"), RunStatus::Success, 0, 100),
        makeJob(x, QStringLiteral("101"), QStringLiteral("lint"), QStringLiteral("build"), RunStatus::Success, 0, 20),
        makeJob(x, QStringLiteral("102"), QStringLiteral("test"), QStringLiteral("test"), RunStatus::Failed, 100, 160),
        makeJob(x, QStringLiteral("105"), QStringLiteral("test"), QStringLiteral("test"), RunStatus::Success, 170, 230),
        makeJob(x, QStringLiteral("103"), QStringLiteral("docs"), QStringLiteral("test"), RunStatus::Success, 100, 130),
        makeJob(x, QStringLiteral("104"), QStringLiteral("deploy"), QStringLiteral("deploy"), RunStatus::Success, 240,
                270)};
    x.jobs[2].retried = true;
    x.jobs[5].manual = true;
    Run y = makeRun(gl, name, QStringLiteral("11"), QStringLiteral("S2"), RunStatus::Failed, 2, 170);
    y.jobs = {
        makeJob(y, QStringLiteral("110"), QStringLiteral("build"), QStringLiteral("build"), RunStatus::Success, 0, 110),
        makeJob(y, QStringLiteral("111"), QStringLiteral("lint"), QStringLiteral("build"), RunStatus::Success, 0, 20),
        makeJob(y, QStringLiteral("112"), QStringLiteral("test"), QStringLiteral("test"), RunStatus::Failed, 110, 170),
        makeJob(y, QStringLiteral("113"), QStringLiteral("docs"), QStringLiteral("test"), RunStatus::Success, 110,
                140)};
    Run z = makeRun(gl, name, QStringLiteral("12"), QStringLiteral("S2"), RunStatus::Success, 3, 150);
    z.jobs = {
        makeJob(z, QStringLiteral("120"), QStringLiteral("build"), QStringLiteral("build"), RunStatus::Success, 0, 90),
        makeJob(z, QStringLiteral("121"), QStringLiteral("lint"), QStringLiteral("build"), RunStatus::Success, 0, 20),
        makeJob(z, QStringLiteral("122"), QStringLiteral("test"), QStringLiteral("test"), RunStatus::Success, 90, 150),
        makeJob(z, QStringLiteral("123"), QStringLiteral("docs"), QStringLiteral("test"), RunStatus::Success, 90, 120)};
    return {x, y, z};
}

// GitHub (no stages): build → test → package chained by `needs`, lint and docs independent.
Run chainedRun()
{
    Run run = makeRun(QStringLiteral("github"), QStringLiteral("CI"), QStringLiteral("7"), QStringLiteral("S"),
                      RunStatus::Success, 1, 400);
    run.jobs = {makeJob(run, QStringLiteral("1"), QStringLiteral("lint"), {}, RunStatus::Success, 0, 60),
                makeJob(run, QStringLiteral("2"), QStringLiteral("build"), {}, RunStatus::Success, 0, 120),
                makeJob(run, QStringLiteral("3"), QStringLiteral("test"), {}, RunStatus::Success, 125, 305),
                makeJob(run, QStringLiteral("4"), QStringLiteral("package"), {}, RunStatus::Success, 310, 340),
                makeJob(run, QStringLiteral("5"), QStringLiteral("docs"), {}, RunStatus::Success, 0, 30)};
    return run;
}

const PipelineStats* pipeline(const RunAnalysis& analysis, const QString& name)
{
    for (const PipelineStats& stats : analysis.pipelines) {
        if (stats.name == name)
            return &stats;
    }
    return nullptr;
}

const JobStats* job(const RunAnalysis& analysis, const QString& name)
{
    for (const JobStats& stats : analysis.jobs) {
        if (stats.name == name)
            return &stats;
    }
    return nullptr;
}

} // namespace

class TestRunAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<double>("expected");
        QTest::newRow("empty") << QList<double>{} << 50.0 << -1.0;
        QTest::newRow("one") << QList<double>{7} << 95.0 << 7.0;
        QTest::newRow("odd median, unsorted") << QList<double>{5, 1, 3, 2, 4} << 50.0 << 3.0;
        QTest::newRow("even median is the lower middle") << QList<double>{4, 1, 3, 2} << 50.0 << 2.0;
        QTest::newRow("p95 of five is the max") << QList<double>{5, 1, 3, 2, 4} << 95.0 << 5.0;
        QTest::newRow("p95 of twenty is the 19th")
            << QList<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20} << 95.0 << 19.0;
        QTest::newRow("p0 is the min") << QList<double>{3, 9, 1} << 0.0 << 1.0;
    }
    void percentiles()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, p);
        QFETCH(double, expected);
        QCOMPARE(percentile(values, p), expected);
    }

    void reliabilityOnMain()
    {
        AnalysisOptions options;
        options.branch = QStringLiteral("main");
        const RunAnalysis analysis = analyzeRuns(reliabilityHistory(), options);
        QCOMPARE(analysis.runsConsidered, 6);
        QCOMPARE(analysis.pipelines.size(), 1);
        const PipelineStats& ci = analysis.pipelines.first();
        QCOMPARE(ci.name, QStringLiteral("CI"));
        QCOMPARE(ci.runs, 6);
        QCOMPARE(ci.successes, 3);
        QCOMPARE(ci.failures, 3);
        QCOMPARE(ci.successRate, 0.5);
        QCOMPARE(ci.durationP50, 300.0);
        QCOMPARE(ci.durationP95, 600.0);
        QCOMPARE(ci.falseFailures, 2); // run 2 (B passed in run 3) and run 5 (D passed in run 6)
        QCOMPARE(ci.falseFailureRate, 2.0 / 6.0);
        // Red from run 2's end (2h+200s) to run 3's end (3h+300s); from run 4's end (4h+400s) to run 6's (6h+600s).
        QCOMPARE(ci.recoveries, 2);
        QCOMPARE(ci.recoveryMedian, 3700.0);
        QCOMPARE(ci.feedbackMedian, 300.0); // without jobs: start → finished
        QCOMPARE(ci.reruns, 0);
        QCOMPARE(ci.manualInterventionRate, 0.0);
    }

    void windowAndBranchFilters()
    {
        AnalysisOptions options;
        QCOMPARE(analyzeRuns(reliabilityHistory(), options).runsConsidered, 7);
        options.since = kT0.addSecs(3 * 3600);
        const RunAnalysis since = analyzeRuns(reliabilityHistory(), options);
        QCOMPARE(since.runsConsidered, 4);
        QCOMPARE(since.pipelines.first().falseFailures, 1);
        QCOMPARE(since.pipelines.first().recoveries, 1);
        QCOMPARE(since.pipelines.first().recoveryMedian, 7400.0);
        options = AnalysisOptions();
        options.branch = QStringLiteral("feature");
        const RunAnalysis feature = analyzeRuns(reliabilityHistory(), options);
        QCOMPARE(feature.runsConsidered, 1);
        QCOMPARE(feature.pipelines.first().recoveries, 0);
        QCOMPARE(feature.pipelines.first().recoveryMedian, -1.0);
        options.branch = QStringLiteral("nope");
        QVERIFY(analyzeRuns(reliabilityHistory(), options).pipelines.isEmpty());
    }

    void recoveryOnAnotherDefaultBranch()
    {
        AnalysisOptions options;
        options.defaultBranch = QStringLiteral("feature");
        const RunAnalysis analysis = analyzeRuns(reliabilityHistory(), options);
        QCOMPARE(analysis.pipelines.first().recoveries, 0);
    }

    void flakyJobsAndInterventions()
    {
        const RunAnalysis analysis = analyzeRuns(stagedHistory(), AnalysisOptions());
        const PipelineStats* gl = pipeline(analysis, QStringLiteral("gl"));
        QVERIFY(gl);
        QCOMPARE(gl->runs, 3);
        QCOMPARE(gl->falseFailures, 1); // Y failed on S2, Z passed on S2
        QCOMPARE(gl->jobRetries, 1);
        QCOMPARE(gl->manualJobsRun, 1);
        QCOMPARE(gl->runsWithIntervention, 1);
        QCOMPARE(gl->manualInterventionRate, 1.0 / 3.0);
        // Y learns of its failure when `test` fails at 170 s; X and Z at their ends: median of 150, 170, 270.
        QCOMPARE(gl->feedbackMedian, 170.0);

        const JobStats* test = job(analysis, QStringLiteral("test"));
        QVERIFY(test);
        QCOMPARE(test->runs, 4);
        QCOMPARE(test->failures, 2);
        QCOMPARE(test->flakyFailures, 2); // X's first attempt (retried in X), Y's (passed in Z)
        QCOMPARE(test->flakySeconds, 120.0);
        QCOMPARE(test->retries, 1);
        QCOMPARE(test->failureRate, 0.5);
        QCOMPARE(test->durationP50, 60.0);
        QCOMPARE(test->stage, QStringLiteral("test"));
        QCOMPARE(analysis.jobs.first().name, QStringLiteral("test")); // flakiest first
        const JobStats* deploy = job(analysis, QStringLiteral("deploy"));
        QVERIFY(deploy);
        QCOMPARE(deploy->manualRuns, 1);
        const JobStats* build = job(analysis, QStringLiteral("build"));
        QCOMPARE(build->flakyFailures, 0);
        QCOMPARE(build->failureRate, 0.0);
        QCOMPARE(build->durationP50, 100.0);
    }

    void criticalPathFromStages()
    {
        const QList<Run> history = stagedHistory();
        const CriticalPath x = criticalPathOf(history.at(0));
        QCOMPARE(x.dependencies, QStringLiteral("stages"));
        QCOMPARE(x.jobs, (QStringList{QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")}));
        QCOMPARE(x.pathSeconds, 190.0); // build 100 + test (last attempt) 60 + deploy 30
        QCOMPARE(x.serialSeconds, 240.0);
        QCOMPARE(x.observedSeconds, 270.0);
        QCOMPARE(x.parallelSavingSeconds, 80.0);

        // The typical run is the median successful one: Z (150 s) of {Z, X}.
        const RunAnalysis analysis = analyzeRuns(history, AnalysisOptions());
        const CriticalPath& typical = analysis.pipelines.first().criticalPath;
        QCOMPARE(typical.runKey, QStringLiteral("gitlab:12#1"));
        QCOMPARE(typical.jobs, (QStringList{QStringLiteral("build"), QStringLiteral("test")}));
        QCOMPARE(typical.pathSeconds, 150.0);
        QCOMPARE(typical.parallelSavingSeconds, 0.0);
    }

    void criticalPathFromTiming()
    {
        const CriticalPath path = criticalPathOf(chainedRun());
        QCOMPARE(path.dependencies, QStringLiteral("timing"));
        QCOMPARE(path.jobs, (QStringList{QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("package")}));
        QCOMPARE(path.pathSeconds, 330.0);
        QCOMPARE(path.serialSeconds, 420.0);
        QCOMPARE(path.parallelSavingSeconds, 70.0);
    }

    void criticalPathFromNeeds()
    {
        Run run = chainedRun();
        run.jobs[2].needs = QStringList{QStringLiteral("lint")};
        run.jobs[3].needs = QStringList{QStringLiteral("test")};
        const CriticalPath path = criticalPathOf(run);
        QCOMPARE(path.dependencies, QStringLiteral("needs"));
        QCOMPARE(path.jobs, (QStringList{QStringLiteral("lint"), QStringLiteral("test"), QStringLiteral("package")}));
        QCOMPARE(path.pathSeconds, 270.0);

        // A cycle leaves its jobs out instead of looping.
        run.jobs[2].needs = QStringList{QStringLiteral("package")};
        const CriticalPath cyclic = criticalPathOf(run);
        QCOMPARE(cyclic.jobs, QStringList{QStringLiteral("build")});
        QCOMPARE(cyclic.pathSeconds, 120.0);
    }

    void criticalPathFromConfiguredNeeds()
    {
        const Run z = stagedHistory().at(2);
        // test needs only lint; build and lint start at once; docs has no needs: it waits for the build stage.
        const NeedsMap needs{{QStringLiteral("test"), {QStringLiteral("lint")}},
                             {QStringLiteral("build"), {}},
                             {QStringLiteral("lint"), {}}};
        const CriticalPath path = criticalPathOf(z, needs);
        QCOMPARE(path.dependencies, QStringLiteral("needs"));
        QCOMPARE(path.jobs, (QStringList{QStringLiteral("build"), QStringLiteral("docs")}));
        QCOMPARE(path.pathSeconds, 120.0);

        AnalysisOptions options;
        options.needs.insert(QStringLiteral("gitlab"), needs);
        const RunAnalysis analysis = analyzeRuns(stagedHistory(), options);
        QCOMPARE(analysis.pipelines.first().criticalPath.pathSeconds, 120.0);
        for (const Suggestion& suggestion : analysis.suggestions)
            QVERIFY(suggestion.kind != QLatin1String("use-needs")); // needs already in use
    }

    // `needs: []` in a later stage starts with the pipeline: it must not make that stage look earlier than the stage
    // whose jobs waited for their turn (the demo's security jobs beside lint).
    void needsEmptyInALaterStage()
    {
        Run run = makeRun(QStringLiteral("gitlab"), QStringLiteral("gl"), QStringLiteral("1"), QStringLiteral("S"),
                          RunStatus::Success, 1, 500);
        run.jobs = {makeJob(run, QStringLiteral("2"), QStringLiteral("trivy"), QStringLiteral("security"),
                            RunStatus::Success, 0, 170),
                    makeJob(run, QStringLiteral("1"), QStringLiteral("lint"), QStringLiteral("validate"),
                            RunStatus::Success, 1, 51),
                    makeJob(run, QStringLiteral("3"), QStringLiteral("unit"), QStringLiteral("test"),
                            RunStatus::Success, 51, 201)};
        const NeedsMap needs{{QStringLiteral("trivy"), {}}, {QStringLiteral("unit"), {QStringLiteral("lint")}}};
        const CriticalPath path = criticalPathOf(run, needs);
        QCOMPARE(path.jobs, (QStringList{QStringLiteral("lint"), QStringLiteral("unit")}));
        QCOMPARE(path.pathSeconds, 200.0);
    }

    void needsOfAParallelJob()
    {
        Run run = makeRun(QStringLiteral("gitlab"), QStringLiteral("gl"), QStringLiteral("1"), QStringLiteral("S"),
                          RunStatus::Success, 1, 500);
        run.jobs = {makeJob(run, QStringLiteral("1"), QStringLiteral("build"), QStringLiteral("build"),
                            RunStatus::Success, 0, 100),
                    makeJob(run, QStringLiteral("2"), QStringLiteral("test 1/2"), QStringLiteral("test"),
                            RunStatus::Success, 0, 50),
                    makeJob(run, QStringLiteral("3"), QStringLiteral("test 2/2"), QStringLiteral("test"),
                            RunStatus::Success, 0, 300),
                    makeJob(run, QStringLiteral("4"), QStringLiteral("report"), QStringLiteral("report"),
                            RunStatus::Success, 300, 310)};
        const NeedsMap needs{{QStringLiteral("test 1/2"), {}},
                             {QStringLiteral("test 2/2"), {}},
                             {QStringLiteral("report"), {QStringLiteral("test")}}};
        const CriticalPath path = criticalPathOf(run, needs);
        QCOMPARE(path.jobs, (QStringList{QStringLiteral("test 2/2"), QStringLiteral("report")}));
        QCOMPARE(path.pathSeconds, 310.0);
    }

    void criticalPathWithoutJobs()
    {
        const CriticalPath path = criticalPathOf(reliabilityHistory().first());
        QCOMPARE(path.pathSeconds, -1.0);
        QVERIFY(path.jobs.isEmpty());
    }

    void suggestions()
    {
        const RunAnalysis analysis = analyzeRuns(stagedHistory(), AnalysisOptions());
        QStringList printed;
        for (const Suggestion& suggestion : analysis.suggestions)
            printed.append(
                QStringLiteral("%1 %2 %3").arg(suggestion.kind, suggestion.job).arg(suggestion.savingSeconds));
        QCOMPARE(printed,
                 (QStringList{QStringLiteral("retry-hides-flakiness test 120"), QStringLiteral("use-needs test 70"),
                              QStringLiteral("critical-path build 45")}));
        QVERIFY(analysis.suggestions.at(1).evidence.contains(QLatin1String("waits for 'build' (90 s)")));
        QVERIFY(analysis.suggestions.at(0).evidence.contains(QLatin1String("2 of those failures")));
    }

    void runnerWaitAndCache()
    {
        Run first = chainedRun();
        Step install{QStringLiteral("Run npm ci"), 2, RunStatus::Success, {}, {}, 100};
        Step cache{QStringLiteral("Run actions/cache@v4"), 1, RunStatus::Success, {}, {}, 3};
        first.jobs[1].steps = {install};
        first.jobs[0].steps = {cache, install};
        Run second = first;
        second.id = QStringLiteral("8");
        for (Job& job : second.jobs)
            job.id += QStringLiteral("0");
        second.jobs[1].steps[0].durationSeconds = 60;
        const RunAnalysis analysis = analyzeRuns({first, second}, AnalysisOptions());
        QStringList printed;
        for (const Suggestion& suggestion : analysis.suggestions)
            printed.append(
                QStringLiteral("%1 %2 %3").arg(suggestion.kind, suggestion.job).arg(suggestion.savingSeconds));
        // build has no cache step: median of 60 and 100 is 60, 80 % of it is 48. lint caches: nothing to say.
        QCOMPARE(printed,
                 (QStringList{QStringLiteral("critical-path test 90"), QStringLiteral("runner-wait  70"),
                              QStringLiteral("add-cache build 48")}));
        QCOMPARE(analysis.slowestSteps.first().name, QStringLiteral("Run npm ci"));
        QCOMPARE(analysis.slowestSteps.first().runs, 2);
    }

    void configChangeCorrelation()
    {
        QList<Run> runs;
        const RunStatus after[] = {RunStatus::Success, RunStatus::Failed, RunStatus::Failed,
                                   RunStatus::Success, RunStatus::Failed, RunStatus::Failed};
        for (int hour = 1; hour <= 12; ++hour)
            runs.append(makeRun(QStringLiteral("github"), QStringLiteral("CI"), QString::number(hour),
                                QStringLiteral("s%1").arg(hour), hour <= 6 ? RunStatus::Success : after[hour - 7], hour,
                                100));
        AnalysisOptions options;
        // 3.5 h: no change in rate; 6.5 h: the drop; 20 h: no runs after it.
        options.configChanges = {
            {QStringLiteral("bbbbbbbbbbbb"),
             kT0.addSecs(6 * 3600 + 1800),
             QStringLiteral("ci: new runner image"),
             {QStringLiteral(".github/workflows/ci.yml")}},
            {QStringLiteral("aaaaaaaaaaaa"), kT0.addSecs(3 * 3600 + 1800), QStringLiteral("ci: cache"), {}},
            {QStringLiteral("cccccccccccc"), kT0.addSecs(20 * 3600), QStringLiteral("ci: later"), {}},
        };
        const RunAnalysis analysis = analyzeRuns(runs, options);
        QCOMPARE(analysis.configCorrelations.size(), 1);
        const ConfigCorrelation& correlation = analysis.configCorrelations.first();
        QCOMPARE(correlation.change.sha, QStringLiteral("bbbbbbbbbbbb"));
        QCOMPARE(correlation.runsBefore, 3); // bounded by the previous change at 3.5 h
        QCOMPARE(correlation.runsAfter, 6);
        QCOMPARE(correlation.successBefore, 1.0);
        QCOMPARE(correlation.successAfter, 2.0 / 6.0);
        QCOMPARE(analysis.suggestions.last().kind, QStringLiteral("config-change"));
        QCOMPARE(analysis.suggestions.last().evidence,
                 QStringLiteral("success rate on main fell from 100 % (3 runs before) to 33 % (6 runs after) commit "
                                "bbbbbbbb \"ci: new runner image\" changed .github/workflows/ci.yml: review that "
                                "change."));
        QCOMPARE(analysis.suggestions.last().savingSeconds, -1.0);

        options.correlationMinDrop = 0.7;
        QVERIFY(analyzeRuns(runs, options).configCorrelations.isEmpty());
    }

    void trend()
    {
        // Three days: day 1 two green runs (100, 200 s), day 2 nothing, day 3 one red and one green (300, 500 s).
        const QString ci = QStringLiteral("CI");
        const QString gh = QStringLiteral("github");
        const QList<Run> runs{makeRun(gh, ci, QStringLiteral("1"), QStringLiteral("a"), RunStatus::Success, 1, 100),
                              makeRun(gh, ci, QStringLiteral("2"), QStringLiteral("b"), RunStatus::Success, 5, 200),
                              makeRun(gh, ci, QStringLiteral("3"), QStringLiteral("c"), RunStatus::Failed, 49, 300),
                              makeRun(gh, ci, QStringLiteral("4"), QStringLiteral("c"), RunStatus::Success, 50, 500)};
        const PipelineStats stats = analyzeRuns(runs, AnalysisOptions()).pipelines.first();
        QCOMPARE(stats.trendBucketDays, 1);
        QStringList printed;
        for (const TrendPoint& point : stats.trend)
            printed.append(QStringLiteral("%1 runs=%2 rate=%3 p50=%4 p95=%5")
                               .arg(point.start.toString(Qt::ISODate))
                               .arg(point.runs)
                               .arg(point.successRate)
                               .arg(point.durationP50)
                               .arg(point.durationP95));
        QCOMPARE(printed,
                 (QStringList{QStringLiteral("2026-01-05T00:00:00Z runs=2 rate=1 p50=100 p95=200"),
                              QStringLiteral("2026-01-07T00:00:00Z runs=2 rate=0.5 p50=300 p95=500")}));
        // Older half p50 100, newer half p50 300: three times slower.
        QCOMPARE(stats.durationP50Change, 2.0);

        AnalysisOptions weekly;
        weekly.trendBucketDays = 7;
        const PipelineStats byWeek = analyzeRuns(runs, weekly).pipelines.first();
        QCOMPARE(byWeek.trend.size(), 1);
        QCOMPARE(byWeek.trend.first().start, QDateTime(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC)); // a Monday
        QCOMPARE(byWeek.trend.first().runs, 4);
    }

    void successMetrics()
    {
        AnalysisOptions options;
        options.branch = QStringLiteral("main");
        const RunAnalysis analysis = analyzeRuns(reliabilityHistory() + stagedHistory(), options);
        const OverallStats& overall = analysis.overall;
        QCOMPARE(overall.runs, 9);
        QCOMPARE(overall.concluded, 9);
        QCOMPARE(overall.successRate, 5.0 / 9.0); // CI 3 of 6, gl 2 of 3
        QCOMPARE(overall.falseFailureRate, 3.0 / 9.0); // CI 2, gl 1
        QCOMPARE(overall.recoveryMedian, 3700.0); // CI: 3700 and 7400, gl: 3580 (Y → Z)
        QCOMPARE(overall.manualInterventionRate, 1.0 / 9.0);
        // Feedback over both pipelines: 100..600 and 150, 170, 270; the 5th of 9 is 270.
        QCOMPARE(overall.feedbackMedian, 270.0);

        QStringList printed;
        for (const MetricCheck& check : checkSuccessMetrics(overall))
            printed.append(QStringLiteral("%1 %2 %3: %4 %5")
                               .arg(check.metric, check.comparison)
                               .arg(check.target)
                               .arg(check.actual, 0, 'f', 3)
                               .arg(check.outcome == MetricCheck::Outcome::Met          ? QStringLiteral("met")
                                        : check.outcome == MetricCheck::Outcome::Missed ? QStringLiteral("missed")
                                                                                        : QStringLiteral("no data")));
        QCOMPARE(printed,
                 (QStringList{QStringLiteral("pipeline_success_rate > 0.95: 0.556 missed"),
                              QStringLiteral("false_failure_rate < 0.05: 0.333 missed"),
                              QStringLiteral("mean_time_to_recovery_s < 900: 3700.000 missed"),
                              QStringLiteral("feedback_time_s < 600: 270.000 met"),
                              QStringLiteral("manual_intervention_rate < 0.05: 0.111 missed")}));

        // JUnit reports are shown as their own group but do not count as CI runs.
        Run report = makeRun(QStringLiteral("junit"), QStringLiteral("pytest"), QStringLiteral("abc"), QString(),
                             RunStatus::Failed, 2, 4);
        const RunAnalysis withReport
            = analyzeRuns(reliabilityHistory() + stagedHistory() + QList<Run>{report}, options);
        QCOMPARE(withReport.overall.runs, 9);
        QCOMPARE(withReport.overall.successRate, overall.successRate);
        QCOMPARE(withReport.pipelines.size(), 3);
        QVERIFY(withReport.pipelines.last().testReports);

        const QList<MetricCheck> empty = checkSuccessMetrics(OverallStats());
        QVERIFY(std::all_of(empty.cbegin(), empty.cend(),
                            [](const MetricCheck& check) { return check.outcome == MetricCheck::Outcome::NoData; }));
    }

    void cancelledAnalysisStops()
    {
        ProgressSink sink;
        sink.cancel();
        const RunAnalysis analysis = analyzeRuns(stagedHistory(), AnalysisOptions(), &sink);
        QVERIFY(analysis.pipelines.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunAnalysis)
#include "tst_runanalysis.moc"
