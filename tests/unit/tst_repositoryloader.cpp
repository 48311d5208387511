// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "ShellFixture.h"
#include "delivery/DeliveryCache.h"
#include "git/Repository.h"
#include "repo/RepositoryLoader.h"
#include "repo/SnapshotDelivery.h"
#include "repo/SnapshotJson.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimeZone>
#include <QtTest>

using namespace gatehouse;

class TestRepositoryLoader : public QObject
{
    Q_OBJECT

private:
    static QStringList pipelinePaths(const RepositorySnapshot& s)
    {
        QStringList paths;
        for (const PipelineFile& file : s.pipelineFiles)
            paths << file.path + QLatin1Char('=') + pipelineKindName(file.kind);
        return paths;
    }

private Q_SLOTS:
    void loadsTheWorkTree()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        auto result = loadRepositorySnapshot(scratch.path(), {});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        const RepositorySnapshot& s = result.value();

        QVERIFY(s.workTree);
        QCOMPARE(s.commit, fx.hotfix);
        QCOMPARE(s.head.branch, QStringLiteral("main"));
        QVERIFY(!s.head.detached);
        QCOMPARE(s.commitsWalked, 7);
        QCOMPARE(s.recentCommits.size(), 7);
        QCOMPARE(s.recentCommits.first().id, fx.hotfix);
        QVERIFY(s.warnings.isEmpty());
        QCOMPARE(pipelinePaths(s),
                 QStringList({QStringLiteral(".github/workflows/build.yml=github-workflow"),
                              QStringLiteral(".gitlab-ci.yml=gitlab-ci"), QStringLiteral("action.yml=github-action"),
                              QStringLiteral("ci/security.yml=gitlab-include")}));

        QCOMPARE(s.reportFiles.size(), 2);
        QCOMPARE(s.reportFiles.at(0).path, QStringLiteral("reports/semgrep.json"));
        QCOMPARE(s.reportFiles.at(0).tool, QStringLiteral("semgrep"));
        QCOMPARE(s.reportFiles.at(0).lastCommit, fx.secondScan);
        QCOMPARE(s.reportFiles.at(1).path, QStringLiteral("reports/trivy.sarif"));
        QCOMPARE(s.reportFiles.at(1).format, QStringLiteral("sarif"));
        QCOMPARE(s.reportFiles.at(1).lastCommit, fx.firstScan);

        QCOMPARE(s.scanNotes, 1);
        QCOMPARE(s.scanCommits.size(), 2);
        QCOMPARE(s.scanCommits.at(0).commit, fx.secondScan);
        QCOMPARE(s.scanCommits.at(0).reportPaths, QStringList{QStringLiteral("reports/semgrep.json")});
        QVERIFY(s.scanCommits.at(0).hasNote);
        QCOMPARE(s.scanCommits.at(0).noteSummary, QStringLiteral("semgrep: 1 finding"));
        QCOMPARE(s.scanCommits.at(1).commit, fx.firstScan);
        QCOMPARE(s.scanCommits.at(1).reportPaths.size(), 2);
        QVERIFY(!s.scanCommits.at(1).hasNote);

        // Two deploy tags and the plain version tag `v1.0` (a release), as the delivery analysis classifies them.
        QCOMPARE(s.deployTags.size(), 3);
        auto tagged = [&s](const QString& name) {
            const auto found = std::find_if(s.deployTags.cbegin(), s.deployTags.cend(),
                                            [&name](const DeployTag& tag) { return tag.tag == name; });
            return found == s.deployTags.cend() ? DeployTag() : *found;
        };
        const DeployTag production = tagged(QStringLiteral("prod-2026-01-05"));
        QCOMPARE(production.environment, QStringLiteral("production"));
        QCOMPARE(production.commit, fx.secondScan);
        QCOMPARE(production.tagger, QStringLiteral("Rita Release"));
        QCOMPARE(production.time, QDateTime(QDate(2026, 1, 5), QTime(15, 0), Qt::UTC));
        const DeployTag staging = tagged(QStringLiteral("deploy-") + fx.stagingDeploy.shortString(7));
        QCOMPARE(staging.environment, QStringLiteral("staging"));
        QCOMPARE(staging.commit, fx.stagingDeploy);
        QCOMPARE(staging.message, QStringLiteral("Staging deployment\n\nPipeline 4711"));
        QCOMPARE(tagged(QStringLiteral("v1.0")).environment, QStringLiteral("release"));
        QCOMPARE(s.lastDeploymentPerEnvironment().size(), 3);

        QCOMPARE(s.incidents.size(), 3);
        QCOMPARE(s.incidents.at(0).kind, IncidentCommit::Kind::Hotfix);
        QCOMPARE(s.incidents.at(0).incident, QStringLiteral("INC-7 cart empty after login"));
        QCOMPARE(s.incidents.at(1).kind, IncidentCommit::Kind::Revert);
        QCOMPARE(s.incidents.at(2).kind, IncidentCommit::Kind::Postmortem);
        QCOMPARE(s.incidents.at(2).rootCause, QStringLiteral("missing index on orders"));
        QCOMPARE(s.incidents.at(2).fix, QStringLiteral("add the index and alert on p99 latency"));
        QCOMPARE(s.incidents.at(2).factors.size(), 1);
        QCOMPARE(s.lastIncident()->commit, fx.hotfix);

        QCOMPARE(s.contributors.size(), 3);
        QCOMPARE(s.contributors.at(0).name, QStringLiteral("Alice Example"));
        QCOMPARE(s.contributors.at(0).commits, 3);
        QCOMPARE(s.commitsInLastWeeks(12), 7);
        QCOMPARE(s.contributorsInLastWeeks(12), 3);
        QCOMPARE(s.weeks.size(), RepositorySnapshot::kActivityWeeks);
        QCOMPARE(s.weeks.last().weekStart, QDate(2026, 1, 5));
        QCOMPARE(s.weeks.last().commits, 7);
        QCOMPARE(s.weeks.last().authors, 3);
    }

    void workTreeFilesDifferFromTheCommit()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        scratch.writeWorkTreeFile(QStringLiteral(".github/workflows/release.yaml"), "on: push\n");
        scratch.writeWorkTreeFile(QStringLiteral("out/scan.sarif"), "{}\n");

        auto tree = loadRepositorySnapshot(scratch.path(), {});
        QVERIFY(tree.ok());
        QCOMPARE(tree->pipelineFiles.size(), 5);
        QCOMPARE(tree->reportFiles.size(), 3);
        auto head = loadRepositorySnapshot(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(head.ok());
        QVERIFY(!head->workTree);
        QCOMPARE(head->pipelineFiles.size(), 4);
        QCOMPARE(head->reportFiles.size(), 2);
    }

    void loadsAnOlderRevision()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        auto result
            = loadRepositorySnapshot(scratch.path(), QStringLiteral("deploy-") + fx.stagingDeploy.shortString(7));
        QVERIFY(result.ok());
        QCOMPARE(result->commit, fx.stagingDeploy);
        QCOMPARE(result->commitsWalked, 3);
        QCOMPARE(result->incidents.size(), 0);
        QCOMPARE(result->scanCommits.size(), 2); // the note on a later commit is still listed
        QCOMPARE(result->reportFiles.size(), 2);
        QCOMPARE(result->reportFiles.at(0).lastCommit, fx.firstScan);
    }

    // The loader's history walk feeds the delivery analysis (history is read once): its deployments and incidents
    // are those of the analysis walking by itself, on a history with merges, a revert found by its subject, a
    // postmortem document and a commit after the last deployment.
    void deliveryFactsFromTheLoadersWalk_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("deployments"); // every deploy tag, whatever the revision
        QTest::addColumn<int>("incidents");
        QTest::newRow("work tree") << QString() << 3 << 3;
        QTest::newRow("branch") << QStringLiteral("main") << 3 << 3;
        QTest::newRow("older revision") << QStringLiteral("deploy-2") << 3 << 0;
    }
    void deliveryFactsFromTheLoadersWalk()
    {
        QFETCH(QString, revision);
        QFETCH(int, deployments);
        QFETCH(int, incidents);
        test::ScratchRepository s;
        const auto at = [](int hour, int minute = 0) {
            return QDateTime(QDate(2026, 2, 3), QTime(hour, minute), QTimeZone::utc());
        };
        const auto c1 = s.commit(QStringLiteral("feat: a"), {{QStringLiteral("a.txt"), "a\n"}}, at(10));
        s.tag(QStringLiteral("deploy-1"), c1, QStringLiteral("Production deployment"), at(11));
        const auto risky
            = s.commitOn({c1}, QStringLiteral("feat: risky"), {{QStringLiteral("r.txt"), "r\n"}}, at(11, 30));
        const auto c2 = s.commit(QStringLiteral("feat: b"), {{QStringLiteral("b.txt"), "b\n"}}, at(12));
        const auto merge = s.commitOn({c2, risky}, QStringLiteral("Merge branch 'risky'"),
                                      {{QStringLiteral("r.txt"), "r\n"}}, at(12, 30), QStringLiteral("HEAD"));
        s.tag(QStringLiteral("deploy-2"), merge, QStringLiteral("Production deployment"), at(13));
        s.commit(QStringLiteral("Revert \"feat: risky\""), {{QStringLiteral("r.txt"), QByteArray()}}, at(14));
        s.commit(QStringLiteral("postmortem: risky\n\nIncident: INC-1\nDeployment: deploy-2\n"),
                 {{QStringLiteral("postmortems/risky.md"), "---\nseverity: SEV2\n---\n# Risky\n"}}, at(15));
        s.tag(QStringLiteral("deploy-3"), s.head(), QStringLiteral("Production deployment"), at(16));
        s.commit(QStringLiteral("hotfix: after the last deployment"), {{QStringLiteral("a.txt"), "b\n"}}, at(17));
        s.writeWorkTreeFile(QStringLiteral("a.txt"), "b\n");

        delivery::DeliveryCache::instance().clear();
        const int computed = delivery::DeliveryCache::instance().computations();
        const auto loaded = loadRepositorySnapshot(s.path(), revision);
        QVERIFY(loaded.ok());
        QCOMPARE(delivery::DeliveryCache::instance().computations(), computed + 1);
        QCOMPARE(loaded->deployTags.size(), deployments);
        QCOMPARE(loaded->incidents.size(), incidents);
        QVERIFY(loaded->warnings.isEmpty());

        // The analysis on its own walk, from an empty cache.
        delivery::DeliveryCache::instance().clear();
        RepositorySnapshot alone = loaded.value();
        QVERIFY(fillDeliveryFacts(s.repo(), alone).ok());
        QCOMPARE(QJsonDocument(snapshotToJson(loaded.value())).toJson(), QJsonDocument(snapshotToJson(alone)).toJson());
    }

    void describesScanNotes_data()
    {
        QTest::addColumn<QByteArray>("note");
        QTest::addColumn<QString>("summary");
        QTest::newRow("sarif") << QByteArray(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Semgrep"}},)"
                                             R"("results":[{},{}]}]})")
                               << QStringLiteral("SARIF report from Semgrep: 2 results");
        QTest::newRow("trivy") << QByteArray(R"({"SchemaVersion":2,"Results":[{"Vulnerabilities":[{},{}]},)"
                                             R"({"Misconfigurations":[{}]}]})")
                               << QStringLiteral("trivy report: 3 findings");
        QTest::newRow("semgrep") << QByteArray(R"({"results":[{}],"errors":[]})")
                                 << QStringLiteral("semgrep report: 1 results");
        QTest::newRow("gitleaks") << QByteArray(R"([{"RuleID":"aws"},{"RuleID":"slack"}])")
                                  << QStringLiteral("gitleaks report: 2 leaks");
        QTest::newRow("other json") << QByteArray(R"({"scanner":"x","ok":true})")
                                    << QStringLiteral("JSON object (ok, scanner)");
        QTest::newRow("text") << QByteArray("\n\n  scanned by CI job 42  \nmore\n")
                              << QStringLiteral("scanned by CI job 42");
        QTest::newRow("broken json") << QByteArray("{\"runs\": [") << QStringLiteral("{\"runs\": [");
    }
    void describesScanNotes()
    {
        QFETCH(QByteArray, note);
        QFETCH(QString, summary);
        test::ScratchRepository scratch;
        const auto id = scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a"), "1"}});
        QVERIFY(scratch.repo()
                    .writeNote(QLatin1String(RepositorySnapshot::kScanNotesRef), id, note,
                               test::ScratchRepository::alice(scratch.nextTime()))
                    .ok());
        auto result = loadRepositorySnapshot(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(result.ok());
        QCOMPARE(result->scanCommits.size(), 1);
        QCOMPARE(result->scanCommits.first().noteSummary, summary);
        QCOMPARE(result->scanCommits.first().noteSize, note.size());
        QVERIFY(result->scanCommits.first().reportPaths.isEmpty());
    }

    void fails_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("not a repository") << QStringLiteral("plain") << QStringLiteral("repo.open-failed");
        QTest::newRow("missing path") << QStringLiteral("missing") << QStringLiteral("repo.open-failed");
        QTest::newRow("no commits") << QStringLiteral("empty") << QStringLiteral("repo.empty");
        QTest::newRow("unknown revision") << QStringLiteral("badrev") << QStringLiteral("repo.bad-revision");
    }

    void fails()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QTemporaryDir plain;
        test::ScratchRepository scratch;
        QString path = scratch.path();
        QString revision;
        if (kind == QLatin1String("plain"))
            path = plain.path();
        else if (kind == QLatin1String("missing"))
            path = plain.path() + QStringLiteral("/nothing/here");
        else if (kind == QLatin1String("badrev")) {
            scratch.commit(QStringLiteral("feat: one"), {{QStringLiteral("a"), "a"}});
            revision = QStringLiteral("no-such-branch");
        }
        auto result = loadRepositorySnapshot(path, revision);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
    }

    void honoursCancel()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        ProgressSink sink;
        sink.cancel();
        auto result = loadRepositorySnapshot(scratch.path(), {}, &sink);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("cancelled"));
    }

    void reportsStagedProgress()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        QList<int> values;
        QStringList stages;
        ProgressSink sink([&](int permille, const QString& stage) {
            values << permille;
            if (!stages.contains(stage))
                stages << stage;
        });
        QVERIFY(loadRepositorySnapshot(scratch.path(), {}, &sink).ok());
        QVERIFY(values.size() >= 4);
        QVERIFY(std::is_sorted(values.cbegin(), values.cend()));
        QCOMPARE(values.last(), 1000);
        QVERIFY(stages.contains(QStringLiteral("Reading history")));
    }

    void serviceDeliversSnapshotsAndErrors()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        RepositoryLoader loader;
        QSignalSpy snapshots(&loader, &RepositoryLoader::snapshotAvailable);
        QSignalSpy failures(&loader, &RepositoryLoader::loadFailed);
        QSignalSpy progress(&loader, &RepositoryLoader::progressChanged);
        loader.load(scratch.path());
        QVERIFY(loader.isLoading());
        QVERIFY(snapshots.wait(10000));
        QVERIFY(!loader.isLoading());
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots.at(0).at(0).value<RepositorySnapshot>().commit, fx.hotfix);
        QVERIFY(progress.size() > 0);

        QTemporaryDir plain;
        loader.load(plain.path());
        QVERIFY(failures.wait(10000));
        QCOMPARE(failures.at(0).at(0).value<Error>().code, QStringLiteral("repo.open-failed"));
        QCOMPARE(snapshots.size(), 1);
    }

    void newerLoadWins()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        RepositoryLoader loader;
        QSignalSpy snapshots(&loader, &RepositoryLoader::snapshotAvailable);
        loader.load(scratch.path(), QStringLiteral("HEAD~3"));
        loader.load(scratch.path(), QStringLiteral("HEAD"));
        QVERIFY(snapshots.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(loader.isLoading(), false, 10000);
        QCOMPARE(snapshots.size(), 1);
        QCOMPARE(snapshots.at(0).at(0).value<RepositorySnapshot>().commit, fx.hotfix);
    }

    // The cheap facts come first, then the complete snapshot of the same load; the partial one has no history.
    void partialSnapshotComesFirst()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        RepositoryLoader loader;
        QList<RepositorySnapshot> delivered;
        connect(&loader, &RepositoryLoader::partialSnapshotAvailable, this,
                [&delivered](const RepositorySnapshot& s) { delivered.append(s); });
        connect(&loader, &RepositoryLoader::snapshotAvailable, this,
                [&delivered](const RepositorySnapshot& s) { delivered.append(s); });
        loader.load(scratch.path());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 10000);
        const RepositorySnapshot& partial = delivered.at(0);
        const RepositorySnapshot& complete = delivered.at(1);
        QVERIFY(partial.partial);
        QVERIFY(!complete.partial);
        QCOMPARE(partial.commit, complete.commit);
        QCOMPARE(partial.head.branch, complete.head.branch);
        QCOMPARE(partial.tags.size(), complete.tags.size());
        QCOMPARE(partial.branches.size(), complete.branches.size());
        QCOMPARE(pipelinePaths(partial), pipelinePaths(complete));
        QCOMPARE(partial.commitsWalked, 0);
        QVERIFY(partial.recentCommits.isEmpty());
        QCOMPARE(complete.commitsWalked, 7);

        // Without a receiver the function computes the same complete snapshot.
        int calls = 0;
        const auto direct = loadRepositorySnapshot(scratch.path(), {}, nullptr, [&calls](const RepositorySnapshot& s) {
            ++calls;
            QVERIFY(s.partial);
        });
        QVERIFY(direct.ok());
        QCOMPARE(calls, 1);
        QVERIFY(!direct->partial);
        QCOMPARE(direct->commitsWalked, complete.commitsWalked);
    }

    // The partial snapshot of a load replaced (or cancelled) before it arrived is dropped like its result.
    void partialSnapshotOfAReplacedLoadIsDropped()
    {
        test::ScratchRepository scratch;
        test::ShellFixture fx;
        QVERIFY(fx.build(scratch));
        RepositoryLoader loader;
        QSignalSpy partials(&loader, &RepositoryLoader::partialSnapshotAvailable);
        QSignalSpy snapshots(&loader, &RepositoryLoader::snapshotAvailable);
        loader.load(scratch.path(), QStringLiteral("HEAD~3"));
        loader.load(scratch.path(), QStringLiteral("HEAD"));
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.size(), 1, 10000);
        // Whatever the replaced load's worker still posts arrives before this returns.
        JobTracker::pool()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(partials.size(), 1);
        QCOMPARE(partials.at(0).at(0).value<RepositorySnapshot>().commit, fx.hotfix);

        loader.load(scratch.path());
        loader.cancel();
        JobTracker::pool()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(partials.size(), 1);
        QCOMPARE(snapshots.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRepositoryLoader)
#include "tst_repositoryloader.moc"
