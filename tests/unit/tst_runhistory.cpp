// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "common/ProgressSink.h"
#include "runs/RunHistory.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::runs;
using gatehouse::test::ScratchRepository;

namespace {

const QString kFixtures = QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs");

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importFolderAndFiles()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        QTemporaryDir store;
        auto report = RunHistory::importFiles(scratch.path(), {kFixtures, QStringLiteral("/nonexistent.json")}, false,
                                              store.path());
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->files.size(), 9); // 8 fixtures + the missing file
        QVERIFY(report->anyUnreadable());
        QCOMPARE(report->files.last().error->code, QStringLiteral("io.not-found"));
        QCOMPARE(report->total.added, 14);
        QCOMPARE(report->storedRuns, 14);
        QVERIFY(report->storePath.startsWith(store.path()));
        QVERIFY(!report->notes);

        report = RunHistory::importFiles(scratch.path(), {kFixtures}, false, store.path());
        QVERIFY(report.ok());
        QCOMPARE(report->total.added, 0);
        QCOMPARE(report->total.unchanged, 14);
        QVERIFY(!report->anyUnreadable());
    }

    void concurrentImportsKeepEveryRun()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        QTemporaryDir store;
        const QString path = scratch.path();
        const QString storePath = store.path();
        // Two workers import different files into the same store at the same time.
        const auto importOne = [path, storePath](const QString& file) {
            return RunHistory::importFiles(path, {file}, false, storePath);
        };
        // QString, not `kFixtures + QStringLiteral(...)`: with QT_USE_QSTRINGBUILDER that is a lazy QStringBuilder
        // holding references to temporaries; QtConcurrent::run copies the builder and the worker evaluates it after
        // they died (optimized builds then gave both workers the same file, and the store held only 3 runs).
        const QString githubRuns = kFixtures + QStringLiteral("/github-runs.json");
        const QString ghRunList = kFixtures + QStringLiteral("/gh-run-list.json");
        QFuture<Result<ImportReport>> a = QtConcurrent::run(importOne, githubRuns);
        QFuture<Result<ImportReport>> b = QtConcurrent::run(importOne, ghRunList);
        QFutureWatcher<Result<ImportReport>> watchA;
        QFutureWatcher<Result<ImportReport>> watchB;
        QSignalSpy doneA(&watchA, &QFutureWatcherBase::finished);
        QSignalSpy doneB(&watchB, &QFutureWatcherBase::finished);
        watchA.setFuture(a);
        watchB.setFuture(b);
        QTRY_VERIFY_WITH_TIMEOUT(doneA.size() == 1 && doneB.size() == 1, 30000);
        QVERIFY(a.result().ok());
        QVERIFY(b.result().ok());
        // Each worker imported its own file, and the second saw the first's runs.
        QCOMPARE(a.result()->files.size(), 1);
        QCOMPARE(a.result()->files.first().path, githubRuns);
        QCOMPARE(b.result()->files.first().path, ghRunList);
        QCOMPARE(a.result()->total.added + b.result()->total.added, 6);
        QCOMPARE(qMax(a.result()->storedRuns, b.result()->storedRuns), 6);
        auto runs = RunHistory::load(path, false, storePath);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 6);
    }

    void progressAndCancel()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        QTemporaryDir store;
        ProgressSink cancelled;
        cancelled.cancel();
        auto report = RunHistory::importFiles(scratch.path(), {kFixtures}, false, store.path(), &cancelled);
        QVERIFY(report.ok());
        QCOMPARE(report->files.size(), 0);
        QCOMPARE(report->storedRuns, 0);
    }

    void notInARepository()
    {
        QTemporaryDir dir;
        auto report = RunHistory::importFiles(dir.path(), {kFixtures}, false, dir.path());
        QVERIFY(!report.ok());
        auto analysis = RunHistory::analyze(dir.path(), AnalysisOptions(), true, dir.path());
        QVERIFY(!analysis.ok());
    }

    // A worker runs the whole analysis on a pool thread and hands back a value.
    void analyzeOnAWorker()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("ci: pipeline"),
                       {{QStringLiteral(".gitlab-ci.yml"),
                         ".quick:\n  needs: []\nbuild:\n  script: make\n"
                         "teaspoon:\n  extends: .quick\n  script: test\n"}});
        QTemporaryDir store;
        QVERIFY(RunHistory::importFiles(scratch.path(), {kFixtures + QStringLiteral("/gitlab-jobs.json")}, false,
                                        store.path())
                    .ok());
        AnalysisOptions options;
        options.defaultBranch.clear();
        const QString path = scratch.path();
        const QString storePath = store.path();
        QFutureWatcher<Result<RepositoryAnalysis>> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(QtConcurrent::run(
            [path, options, storePath] { return RunHistory::analyze(path, options, true, storePath); }));
        QVERIFY(finished.wait(30000));
        const Result<RepositoryAnalysis> result = watcher.result();
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().toString()));
        QCOMPARE(result->options.defaultBranch, QStringLiteral("main")); // HEAD's branch
        QCOMPARE(result->options.configChanges.size(), 1);
        QCOMPARE(result->options.configChanges.first().files, QStringList{QStringLiteral(".gitlab-ci.yml")});
        QCOMPARE(result->runs.size(), 1);
        // teaspoon has `needs: []` (through extends): it no longer waits for build, so the path is build alone (120 s).
        const CriticalPath& critical = result->analysis.pipelines.first().criticalPath;
        QCOMPARE(critical.dependencies, QStringLiteral("needs"));
        QCOMPARE(critical.jobs, QStringList{QStringLiteral("build")});
        QCOMPARE(critical.pathSeconds, 120.0);
        QVERIFY(result->warnings.isEmpty());
    }

    void brokenCiConfigIsAWarning()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("ci: broken"), {{QStringLiteral(".gitlab-ci.yml"), "build: [unclosed\n"}});
        QTemporaryDir store;
        // No runs: the configuration's history and needs would sharpen nothing, so neither is read.
        auto result = RunHistory::analyze(scratch.path(), AnalysisOptions(), true, store.path());
        QVERIFY(result.ok());
        QVERIFY(result->warnings.isEmpty());
        QVERIFY(result->options.configChanges.isEmpty());

        QVERIFY(RunHistory::importFiles(scratch.path(), {kFixtures + QStringLiteral("/gitlab-jobs.json")}, false,
                                        store.path())
                    .ok());
        result = RunHistory::analyze(scratch.path(), AnalysisOptions(), true, store.path());
        QVERIFY(result.ok());
        QCOMPARE(result->options.configChanges.size(), 1);
        QCOMPARE(result->warnings.size(), 1);
        QVERIFY2(
            result->warnings.first().startsWith(QLatin1String(".gitlab-ci.yml:2:1: end of sequence flow not found")),
            qPrintable(result->warnings.first()));
        QVERIFY(result->warnings.first().endsWith(QLatin1String("(critical path from stage order)")));
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
