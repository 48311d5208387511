// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "runs/RunReader.h"
#include "runs/RunStore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::runs;
using gatehouse::test::ScratchRepository;

namespace {

QList<Run> fixtureRuns(const QString& name)
{
    auto result = RunReader::readFile(QStringLiteral(GATEHOUSE_FIXTURES_DIR "/runs/") + name);
    return result ? result->runs : QList<Run>();
}

Run runOn(const QString& sha, const QString& id, RunStatus status)
{
    Run run;
    run.source = QStringLiteral("github");
    run.id = id;
    run.name = QStringLiteral("CI");
    run.sha = sha;
    run.branch = QStringLiteral("main");
    run.status = status;
    run.created = QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC);
    run.started = run.created.addSecs(5);
    run.finished = run.started.addSecs(300);
    run.durationSeconds = 300;
    Job job;
    job.id = id + QStringLiteral("1");
    job.runId = id;
    job.name = QStringLiteral("build");
    job.status = status;
    job.started = run.started;
    job.finished = run.finished;
    job.durationSeconds = 300;
    run.jobs.append(job);
    return run;
}

} // namespace

class TestRunStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultLocationIsPerRepository()
    {
        QVERIFY(RunStore::defaultDirectory().endsWith(QLatin1String("/runs")));
        QVERIFY(RunStore::defaultDirectory().contains(QLatin1String("qttest")));
        QTemporaryDir a;
        QTemporaryDir b;
        const QString pathA = RunStore::storePath(a.path() + QStringLiteral("/.git"));
        QCOMPARE(RunStore::storePath(a.path() + QStringLiteral("/./.git")), pathA);
        QVERIFY(RunStore::storePath(b.path() + QStringLiteral("/.git")) != pathA);
        QVERIFY(pathA.startsWith(RunStore::defaultDirectory()));
        QVERIFY(pathA.endsWith(QLatin1String(".json")));
        QCOMPARE(RunStore::storePath(a.path(), QStringLiteral("/elsewhere")).section(QLatin1Char('/'), 0, 1),
                 QStringLiteral("/elsewhere"));
    }

    void reimportIsIdempotent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("runs/store.json"));
        const QList<Run> runs = fixtureRuns(QStringLiteral("github-runs.json"))
            + fixtureRuns(QStringLiteral("gitlab-jobs.json")) + fixtureRuns(QStringLiteral("junit.xml"));
        QCOMPARE(runs.size(), 5);

        RunStore store(path);
        QVERIFY(store.load().ok());
        ImportOutcome outcome = store.merge(runs);
        QCOMPARE(outcome.added, 5);
        outcome = store.merge(runs);
        QCOMPARE(outcome.added, 0);
        QCOMPARE(outcome.unchanged, 5);
        QVERIFY(store.save().ok());

        // Through the file and back: the same runs, and re-importing still changes nothing.
        RunStore reloaded(path);
        QVERIFY(reloaded.load().ok());
        QCOMPARE(reloaded.runs().size(), 5);
        QCOMPARE(reloaded.runs(), store.runs());
        outcome = reloaded.merge(runs);
        QCOMPARE(outcome.unchanged, 5);
        QCOMPARE(outcome.added + outcome.updated, 0);
    }

    void attemptsAreSeparateRuns()
    {
        RunStore store;
        const QList<Run> runs = fixtureRuns(QStringLiteral("github-runs.json"));
        store.merge(runs);
        // Run 30433642 has attempts 1 and 2: both kept.
        QCOMPARE(std::count_if(store.runs().cbegin(), store.runs().cend(),
                               [](const Run& run) { return run.id == QLatin1String("30433642"); }),
                 2);
    }

    void runRecordCompletesAJobsOnlyRun()
    {
        RunStore store;
        QCOMPARE(store.merge(fixtureRuns(QStringLiteral("gitlab-jobs.json"))).added, 1);
        QVERIFY(!store.runs().first().hasRunRecord);
        QCOMPARE(store.runs().first().pipelineName(), QStringLiteral("gitlab-ci"));

        Run record;
        record.source = QStringLiteral("gitlab");
        record.id = QStringLiteral("6");
        record.name = QStringLiteral("Build pipeline");
        record.status = RunStatus::Success;
        record.trigger = QStringLiteral("push");
        record.durationSeconds = 333;
        const ImportOutcome outcome = store.merge({record});
        QCOMPARE(outcome.updated, 1);
        const Run& merged = store.runs().first();
        QVERIFY(merged.hasRunRecord);
        QCOMPARE(merged.name, QStringLiteral("Build pipeline"));
        QCOMPARE(merged.trigger, QStringLiteral("push"));
        QCOMPARE(merged.durationSeconds, 333.0);
        QCOMPARE(merged.jobs.size(), 4); // kept
        QCOMPARE(merged.sha, QStringLiteral("0ff3ae198f8601a285adcf5c0fff204ee6fba5fd")); // not erased by the gap
    }

    void jobPagesMerge()
    {
        const Run all = fixtureRuns(QStringLiteral("gitlab-jobs.json")).first();
        Run page1 = all;
        page1.jobs = all.jobs.mid(0, 2);
        deriveFromJobs(page1);
        Run page2 = all;
        page2.jobs = all.jobs.mid(2);
        deriveFromJobs(page2);

        RunStore store;
        QCOMPARE(store.merge({page1}).added, 1);
        QCOMPARE(store.merge({page2}).updated, 1);
        const Run& merged = store.runs().first();
        QCOMPARE(merged.jobs.size(), 4);
        QCOMPARE(merged.started, all.started);
        QCOMPARE(merged.finished, all.finished);
        QCOMPARE(merged.durationSeconds, 320.0);
        QCOMPARE(store.merge({all}).unchanged, 1);
    }

    void corruptStore_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("truncated run") << QByteArray("{\"format\": \"gatehouse-runs\", \"version\": 1}\n"
                                                     "{\"source\": \"github\", \"id\": \"1\"}\n{\"source\": \"git")
                                       << "line 3, column ";
        QTest::newRow("foreign json") << QByteArray("{\"hello\": 1}") << "not a gatehouse run store";
        QTest::newRow("empty") << QByteArray("\n") << "not a gatehouse run store";
        QTest::newRow("run without id") << QByteArray("{\"format\": \"gatehouse-runs\", \"version\": 1}\n"
                                                      "{\"source\": \"github\"}\n")
                                        << "line 2: a run without source or id";
        QTest::newRow("newer version") << QByteArray("{\"format\": \"gatehouse-runs\", \"version\": 99}\n") << "newer";
    }
    void corruptStore()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, messageContains);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("store.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        RunStore store(path);
        const Status status = store.load();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, QStringLiteral("runs.store-corrupt"));
        QVERIFY2(status.error().message.contains(messageContains), qPrintable(status.error().message));
        QVERIFY(status.error().message.contains(path));
    }

    void notesArchive()
    {
        ScratchRepository scratch;
        const git::ObjectId first = scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        const git::ObjectId second = scratch.commit(QStringLiteral("feat: two"), {{QStringLiteral("a.txt"), "2"}});
        const QList<Run> runs{runOn(first.toString(), QStringLiteral("100"), RunStatus::Failed),
                              runOn(first.toString(), QStringLiteral("101"), RunStatus::Success),
                              runOn(second.toString(), QStringLiteral("102"), RunStatus::Success),
                              runOn(QStringLiteral("deadbeef"), QStringLiteral("103"), RunStatus::Success)};
        const git::Signature signature = ScratchRepository::alice(QDateTime(QDate(2026, 1, 6), QTime(9, 0), Qt::UTC));

        auto outcome = RunStore::archiveToNotes(scratch.repo(), runs, signature);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().toString()));
        QCOMPARE(outcome->notesWritten, 2);
        QCOMPARE(outcome->runsArchived, 3);
        QCOMPARE(outcome->runsWithoutCommit, 1);

        // Idempotent: nothing new, no note rewritten.
        outcome = RunStore::archiveToNotes(scratch.repo(), runs, signature);
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->notesWritten, 0);

        auto notes = scratch.repo().notes(RunStore::notesRef());
        QVERIFY(notes.ok());
        QCOMPARE(notes->size(), 2);

        // Read back from a fresh handle, as a worker would.
        auto reopened = git::Repository::open(scratch.path());
        QVERIFY(reopened.ok());
        int skipped = -1;
        auto read = RunStore::readNotes(*reopened, &skipped);
        QVERIFY(read.ok());
        QCOMPARE(skipped, 0);
        QCOMPARE(read->size(), 3);
        QStringList keys;
        for (const Run& run : *read)
            keys.append(run.key());
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("github:100#1"), QStringLiteral("github:101#1"),
                              QStringLiteral("github:102#1")}));
        for (const Run& run : *read) {
            const auto original = std::find_if(runs.cbegin(), runs.cend(),
                                               [&run](const Run& candidate) { return candidate.key() == run.key(); });
            QVERIFY(original != runs.cend());
            QCOMPARE(run, *original);
        }
    }

    void foreignNoteIsNotOverwritten()
    {
        ScratchRepository scratch;
        const git::ObjectId commit = scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a.txt"), "1"}});
        const git::Signature signature = ScratchRepository::alice(QDateTime(QDate(2026, 1, 6), QTime(9, 0), Qt::UTC));
        QVERIFY(scratch.repo().writeNote(RunStore::notesRef(), commit, "hand-written", signature).ok());
        auto outcome = RunStore::archiveToNotes(
            scratch.repo(), {runOn(commit.toString(), QStringLiteral("1"), RunStatus::Success)}, signature);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, QStringLiteral("runs.note-corrupt"));
        int skipped = 0;
        auto read = RunStore::readNotes(scratch.repo(), &skipped);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 0);
        QCOMPARE(skipped, 1);
    }
};

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
