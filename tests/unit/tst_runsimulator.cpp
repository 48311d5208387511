// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunAnalysis.h"
#include "runs/RunSimulator.h"

#include <QtTest>

using namespace gatehouse::runs;

namespace {

SimulationProfile profile()
{
    SimulationProfile p;
    p.seed = 11;
    p.jobs = {{QStringLiteral("build"), QStringLiteral("build"), 300, {}, false, 0, false},
              {QStringLiteral("lint"), QStringLiteral("build"), 40, {}, false, 0, false},
              {QStringLiteral("unit"), QStringLiteral("test"), 200, {}, false, 0.3, true},
              {QStringLiteral("e2e"), QStringLiteral("test"), 400, {}, false, 0.1, false},
              {QStringLiteral("deploy"), QStringLiteral("deploy"), 60, {}, true, 0, false}};
    return p;
}

QList<SimulatedCommit> commits(int count)
{
    QList<SimulatedCommit> list;
    const QDateTime start(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i)
        list.append({QStringLiteral("%1").arg(i + 1, 40, 16, QLatin1Char('a')), start.addSecs(i * 5400),
                     i % 4 == 3 ? QStringLiteral("feature") : QStringLiteral("main")});
    return list;
}

} // namespace

class TestRunSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deterministic()
    {
        QCOMPARE(RunSimulator::simulate(commits(30), profile()), RunSimulator::simulate(commits(30), profile()));
        SimulationProfile other = profile();
        other.seed = 12;
        QVERIFY(RunSimulator::simulate(commits(30), other) != RunSimulator::simulate(commits(30), profile()));
    }

    void runsFollowTheStages()
    {
        const QList<Run> runs = RunSimulator::simulate(commits(60), profile());
        QCOMPARE(runs.size(), 60);
        int retried = 0;
        int failed = 0;
        for (const Run& run : runs) {
            QCOMPARE(run.source, QStringLiteral("gitlab"));
            QVERIFY(run.durationSeconds > 0);
            QDateTime buildEnd;
            for (const Job& job : run.jobs) {
                if (job.stage == QLatin1String("build"))
                    buildEnd = qMax(buildEnd, job.finished);
            }
            for (const Job& job : run.jobs) {
                if (job.stage == QLatin1String("test"))
                    QVERIFY(job.created >= buildEnd); // the stage barrier
                if (job.name == QLatin1String("deploy"))
                    QCOMPARE(run.branch, QStringLiteral("main")); // manual, default branch only
                if (job.retried) {
                    ++retried;
                    QCOMPARE(job.name, QStringLiteral("unit")); // only the flaky job is retried
                }
                QVERIFY(job.finished <= run.finished);
            }
            if (run.status == RunStatus::Failed) {
                ++failed;
                for (const Job& job : run.jobs)
                    QVERIFY(job.stage != QLatin1String("deploy")); // nothing after a failed stage
            }
        }
        QVERIFY(retried > 0);
        QVERIFY(failed > 0);
        QVERIFY(failed < runs.size());
    }

    // What the demo's Runs tab will show: the analysis finds the flaky job and the critical path.
    void analysisSeesTheStory()
    {
        const RunAnalysis analysis = analyzeRuns(RunSimulator::simulate(commits(80), profile()), AnalysisOptions());
        QCOMPARE(analysis.jobs.first().name, QStringLiteral("unit"));
        QVERIFY(analysis.jobs.first().flakyFailures > 0);
        const CriticalPath& path = analysis.pipelines.first().criticalPath;
        QCOMPARE(path.dependencies, QStringLiteral("stages"));
        QCOMPARE(path.jobs.first(), QStringLiteral("build"));
        QCOMPARE(path.jobs.at(1), QStringLiteral("e2e"));
        bool flakySuggested = false;
        for (const Suggestion& suggestion : analysis.suggestions)
            flakySuggested = flakySuggested || suggestion.kind == QLatin1String("retry-hides-flakiness");
        QVERIFY(flakySuggested);
    }
};

QTEST_GUILESS_MAIN(TestRunSimulator)
#include "tst_runsimulator.moc"
