// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "runs/RunAnalysis.h"
#include "runs/RunStore.h"

#include <QFile>
#include <QRandomGenerator>
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

// 100,000 runs of three pipelines with five staged jobs each; ~8 % failures, a third of them retried and passing.
QList<Run> generateHistory(int count)
{
    QRandomGenerator random(42);
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const QStringList pipelines{QStringLiteral("CI"), QStringLiteral("Nightly"), QStringLiteral("Release")};
    struct Spec
    {
        const char* name;
        const char* stage;
        int from;
        int duration;
    };
    const Spec specs[] = {{"build", "build", 0, 300},
                          {"lint", "build", 0, 60},
                          {"unit", "test", 300, 240},
                          {"integration", "test", 300, 600},
                          {"deploy", "deploy", 900, 90}};
    QList<Run> runs;
    runs.reserve(count);
    for (int i = 0; i < count; ++i) {
        Run run;
        run.source = QStringLiteral("gitlab");
        run.id = QString::number(1000000 + i);
        run.name = pipelines.at(i % pipelines.size());
        run.sha = QStringLiteral("%1").arg(i / 2, 40, 16, QLatin1Char('0'));
        run.branch = i % 5 ? QStringLiteral("main") : QStringLiteral("feature/%1").arg(i % 97);
        run.created = start.addSecs(qint64(i) * 300);
        run.started = run.created.addSecs(random.bounded(60));
        run.queueSeconds = double(run.created.secsTo(run.started));
        bool failed = false;
        int jobId = 0;
        for (const Spec& spec : specs) {
            const double jitter = 0.8 + 0.4 * random.generateDouble();
            Job job;
            job.id = run.id + QString::number(jobId++);
            job.runId = run.id;
            job.name = QLatin1String(spec.name);
            job.stage = QLatin1String(spec.stage);
            job.started = run.started.addSecs(spec.from);
            job.durationSeconds = std::round(spec.duration * jitter);
            job.finished = job.started.addSecs(qint64(job.durationSeconds));
            job.status = random.bounded(100) < 2 ? RunStatus::Failed : RunStatus::Success;
            run.jobs.append(job);
            if (job.status == RunStatus::Failed) {
                if (random.bounded(3) == 0) {
                    Job retry = job;
                    retry.id = run.id + QString::number(jobId++);
                    retry.started = job.finished.addSecs(10);
                    retry.finished = retry.started.addSecs(qint64(job.durationSeconds));
                    retry.status = RunStatus::Success;
                    run.jobs.last().retried = true;
                    run.jobs.append(retry);
                } else {
                    failed = true;
                }
            }
        }
        run.status = failed ? RunStatus::Failed : RunStatus::Success;
        run.finished = run.jobs.last().finished;
        run.durationSeconds = double(run.started.secsTo(run.finished));
        runs.append(run);
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
        qInfo("generated 100000 runs with %lld jobs in %lld ms; resident memory +%lld MiB", qint64(m_runs.size()) * 5,
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
};

QTEST_GUILESS_MAIN(BenchRunAnalysis)
#include "bench_runanalysis.moc"
