// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunAnalysis.h"
#include "runs/RunFilterModel.h"
#include "runs/RunSimulator.h"
#include "runs/RunStore.h"
#include "runs/RunTableModel.h"

#include <QFile>
#include <QtTest>

using namespace gatehouse::runs;

namespace {

// A memory figure of this process in KiB from Linux /proc ("VmRSS" = resident now, "VmHWM" = peak), or -1.
// (/proc files report size 0, so read them whole rather than testing atEnd().)
qint64 memoryKiB(const char* field = "VmRSS")
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}
qint64 residentKiB()
{
    return memoryKiB("VmRSS");
}

// 100,000 runs of three pipelines with five staged jobs each (one flaky, one manual), from the simulator.
QList<Run> generateHistory(int count)
{
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QStringList pipelines{QStringLiteral("CI"), QStringLiteral("Nightly"), QStringLiteral("Release")};
    QList<Run> runs;
    runs.reserve(count);
    for (int p = 0; p < pipelines.size(); ++p) {
        QList<SimulatedCommit> commits;
        for (int i = p; i < count; i += int(pipelines.size()))
            commits.append({QStringLiteral("%1").arg(i / 2, 40, 16, QLatin1Char('0')), start.addSecs(qint64(i) * 300),
                            i % 5 ? QStringLiteral("main") : QStringLiteral("feature/%1").arg(i % 97)});
        SimulationProfile profile;
        profile.pipeline = pipelines.at(p);
        profile.seed = quint32(42 + p);
        profile.firstId = 1000000 * (p + 1);
        profile.jobs = {{QStringLiteral("build"), QStringLiteral("build"), 300, {}, false, 0.01, false},
                        {QStringLiteral("lint"), QStringLiteral("build"), 60, {}, false, 0.01, false},
                        {QStringLiteral("unit"), QStringLiteral("test"), 240, {}, false, 0.05, true},
                        {QStringLiteral("integration"), QStringLiteral("test"), 600, {}, false, 0.03, false},
                        {QStringLiteral("deploy"), QStringLiteral("deploy"), 90, {}, true, 0, false}};
        runs += RunSimulator::simulate(commits, profile);
    }
    return runs;
}

} // namespace

class BenchRunAnalysis : public QObject
{
    Q_OBJECT

    QList<Run> m_runs;

private Q_SLOTS:
    void initTestCase()
    {
        const qint64 before = residentKiB();
        QElapsedTimer timer;
        timer.start();
        m_runs = generateHistory(100000);
        qint64 jobs = 0;
        for (const Run& run : std::as_const(m_runs))
            jobs += run.jobs.size();
        qInfo("generated %lld runs with %lld jobs in %lld ms; resident memory +%lld MiB", qint64(m_runs.size()), jobs,
              timer.elapsed(), (residentKiB() - before) / 1024);
    }

    void analyze100k()
    {
        RunAnalysis analysis;
        const qint64 before = residentKiB();
        QBENCHMARK
        {
            analysis = analyzeRuns(m_runs, AnalysisOptions());
        }
        QCOMPARE(analysis.runsConsidered, 100000);
        QCOMPARE(analysis.pipelines.size(), 3);
        QVERIFY(analysis.pipelines.first().falseFailures >= 0);
        qInfo("resident growth after analysis: %lld MiB; process peak so far %lld MiB", (residentKiB() - before) / 1024,
              memoryKiB("VmHWM") / 1024);
    }

    void analyzeWindow()
    {
        AnalysisOptions options;
        options.since = QDateTime(QDate(2025, 6, 1), QTime(0, 0), Qt::UTC);
        options.branch = QStringLiteral("main");
        QBENCHMARK
        {
            const RunAnalysis analysis = analyzeRuns(m_runs, options);
            QVERIFY(analysis.runsConsidered < 100000);
        }
    }

    void storeRoundTrip100k()
    {
        QByteArray data;
        QBENCHMARK
        {
            data = RunStore::serialize(m_runs);
            const auto back = RunStore::deserialize(data);
            QVERIFY(back.ok());
            QCOMPARE(back->size(), m_runs.size());
        }
        qInfo("store file for 100000 runs: %lld MiB; process peak %lld MiB", qint64(data.size()) >> 20,
              memoryKiB("VmHWM") / 1024);
    }

    // The Runs tab's GUI-thread share: the table takes the 100,000-run snapshot, then the filters re-run.
    void runsTableAndFilters100k()
    {
        RunTableModel table;
        RunFilterModel filter;
        filter.setSourceModel(&table);
        QElapsedTimer timer;
        timer.start();
        table.setSnapshot(m_runs);
        const qint64 snapshotMs = timer.elapsed();
        QBENCHMARK
        {
            filter.setStatus(RunStatus::Failed);
            filter.setBranch(QStringLiteral("main"));
            filter.setText(QStringLiteral("CI"));
            QVERIFY(filter.rowCount() > 0 && filter.rowCount() < 100000);
            filter.setStatus(std::nullopt);
            filter.setBranch(QString());
            filter.setText(QString());
            QCOMPARE(filter.rowCount(), 100000);
        }
        qInfo("table snapshot of 100000 runs: %lld ms; process peak %lld MiB", snapshotMs, memoryKiB("VmHWM") / 1024);
    }

    // The per-run work of selecting a row: the critical path of one run.
    void criticalPathOfOneRun()
    {
        const Run& run = m_runs.at(m_runs.size() / 2);
        QBENCHMARK
        {
            const CriticalPath path = criticalPathOf(run);
            QVERIFY(!path.jobs.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(BenchRunAnalysis)
#include "bench_runanalysis.moc"
