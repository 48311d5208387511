// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "security/ScanHistory.h"
#include "security/ScanNote.h"

#include <QtTest>

using namespace gatehouse;
using gatehouse::test::ScratchRepository;

namespace {

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC);
}

/// A semgrep JSON report with one result per rule id.
QByteArray semgrep(const QStringList& rules)
{
    QByteArray out = "{\"errors\": [], \"paths\": {\"scanned\": []}, \"results\": [";
    for (qsizetype i = 0; i < rules.size(); ++i) {
        out += (i ? "," : "");
        out += "{\"check_id\": \"" + rules.at(i).toUtf8() + "\", \"path\": \"app.py\", \"start\": {\"line\": "
            + QByteArray::number(10 + i) + "}, \"extra\": {\"severity\": \"ERROR\", \"message\": \"m\", \"lines\": \""
            + rules.at(i).toUtf8() + "()\"}}";
    }
    return out + "]}";
}

QByteArray gitleaks(const QString& rule)
{
    return "[{\"RuleID\": \"" + rule.toUtf8() + "\", \"File\": \"config.py\", \"StartLine\": 3, \"Secret\": \"s\"}]";
}

/// Everything a reader's answer says, one line per scan and per skipped report, for comparing two walks.
QStringList describe(const ScanHistory& history)
{
    QStringList lines{QStringLiteral("head %1, %2 walked").arg(history.head.toString()).arg(history.commitsWalked)};
    for (const Scan& scan : history.scans) {
        QStringList reports;
        for (const ScanReport& r : scan.reports)
            reports << QStringLiteral("%1%2@%3 %4 %5x")
                           .arg(r.fromNote ? QStringLiteral("note:") : QString(), r.path, r.blob, r.tool)
                           .arg(r.findings.size());
        lines << QStringLiteral("scan %1 %2 %3 %4: %5")
                     .arg(scan.commit.toString(), scan.time.toString(Qt::ISODate), scan.author, scan.summary,
                          reports.join(QStringLiteral(", ")));
    }
    for (const SkippedReport& skipped : history.skipped)
        lines
            << QStringLiteral("skipped %1 %2 %3").arg(skipped.commit.toString(), skipped.path, skipped.diagnostic.code);
    return lines;
}

QStringList reportPaths(const Scan& scan)
{
    QStringList paths;
    for (const ScanReport& r : scan.reports)
        paths << (r.fromNote ? QStringLiteral("note:") : QString()) + r.path;
    paths.sort();
    return paths;
}

} // namespace

class TestScanHistoryReader : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_cache;

    ScanSourceOptions options() const
    {
        ScanSourceOptions o;
        o.cacheDir = m_cache->path();
        return o;
    }

private Q_SLOTS:
    void init()
    {
        // Every test starts cold: no memory cache, an empty disk cache.
        ScanHistoryReader::clearMemoryCache();
        m_cache = std::make_unique<QTemporaryDir>();
    }

    void globs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("matches");
        QTest::newRow("reports/** top") << "reports/**"
                                        << "reports/semgrep.json" << true;
        QTest::newRow("reports/** nested") << "reports/**"
                                           << "reports/2026/w10/trivy.json" << true;
        QTest::newRow("reports/** other dir") << "reports/**"
                                              << "src/reports/a.json" << false;
        QTest::newRow("**/*.sarif root") << "**/*.sarif"
                                         << "codeql.sarif" << true;
        QTest::newRow("**/*.sarif deep") << "**/*.sarif"
                                         << "build/out/codeql.sarif" << true;
        QTest::newRow("**/*.sarif other ext") << "**/*.sarif"
                                              << "build/codeql.sarif.bak" << false;
        QTest::newRow("name glob at root") << "gl-*-report.json"
                                           << "gl-sast-report.json" << true;
        QTest::newRow("name glob in dir") << "gl-*-report.json"
                                          << "ci/gl-dependency-scanning-report.json" << true;
        QTest::newRow("name glob mismatch") << "gl-*-report.json"
                                            << "gl-report.json" << false;
        QTest::newRow("star stays in dir") << "reports/*.json"
                                           << "reports/a/b.json" << false;
        QTest::newRow("question mark") << "reports/w?.json"
                                       << "reports/w1.json" << true;
        QTest::newRow("demo style") << "reports/**/*.json"
                                    << "reports/trivy.json" << true;
        QTest::newRow("dots are literal") << "reports/*.json"
                                          << "reports/ajson" << false;
    }
    void globs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, path);
        QFETCH(bool, matches);
        QCOMPARE(ScanHistoryReader::matchesGlob(glob, path), matches);
    }

    // Files: a scan when a matching report is added or changed; notes: plain and bundles; broken reports skipped.
    void scansFromFilesAndNotes()
    {
        ScratchRepository scratch;
        QVERIFY(scratch.isValid());
        const auto c1 = scratch.commit(
            QStringLiteral("scan 1"),
            {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.a"), QStringLiteral("r.b")})},
             {QStringLiteral("app.py"), "x"}},
            at(2, 10));
        const auto c2 = scratch.commit(QStringLiteral("code only"), {{QStringLiteral("app.py"), "y"}}, at(3, 10));
        const auto c3
            = scratch.commit(QStringLiteral("scan 2"),
                             {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.a")})}}, at(9, 10));
        const auto c4
            = scratch.commit(QStringLiteral("sarif and gitlab"),
                             {{QStringLiteral("build/codeql.sarif"),
                               "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},"
                               "\"results\":[]}]}"},
                              {QStringLiteral("gl-secret-detection-report.json"), gitleaks(QStringLiteral("k"))},
                              {QStringLiteral("docs/notes.json"), "{\"not\": \"a report\"}"}},
                             at(10, 10));
        const auto c5 = scratch.commit(
            QStringLiteral("broken"), {{QStringLiteral("reports/trivy.json"), "{\"SchemaVersion\": 2, \"Results\": ["}},
            at(16, 10));
        const auto sig = ScratchRepository::alice(at(17, 0));
        const QString ref = ScanSourceOptions::defaultNotesRef();
        QVERIFY(scratch.repo().writeNote(ref, c2, gitleaks(QStringLiteral("k")), sig).ok());
        QVERIFY(
            scratch.repo()
                .writeNote(ref, c4,
                           ScanNote::pack({{QStringLiteral("nightly-semgrep.json"), semgrep({QStringLiteral("r.c")})},
                                           {QStringLiteral("junk.json"), "{\"x\": 1}"}}),
                           sig)
                .ok());

        ProgressSink sink;
        const auto history = ScanHistoryReader::read(scratch.path(), options(), &sink);
        QVERIFY2(history.ok(), qPrintable(history.ok() ? QString() : history.error().message));
        QCOMPARE(history->head, c5);
        QCOMPARE(history->commitsWalked, 5);
        QCOMPARE(history->scans.size(), 4);
        QCOMPARE(history->scans.at(0).commit, c1);
        QCOMPARE(history->scans.at(0).time, at(2, 10));
        QCOMPARE(reportPaths(history->scans.at(0)), QStringList{QStringLiteral("reports/semgrep.json")});
        QCOMPARE(history->scans.at(0).reports.first().findings.size(), 2);
        QCOMPARE(history->scans.at(1).commit, c2);
        QCOMPARE(reportPaths(history->scans.at(1)), QStringList{QStringLiteral("note:note.json")});
        QCOMPARE(history->scans.at(1).reports.first().tool, QStringLiteral("gitleaks"));
        QCOMPARE(history->scans.at(2).commit, c3);
        QCOMPARE(history->scans.at(2).reports.first().findings.size(), 1);
        QCOMPARE(history->scans.at(3).commit, c4);
        QCOMPARE(reportPaths(history->scans.at(3)),
                 (QStringList{QStringLiteral("build/codeql.sarif"), QStringLiteral("gl-secret-detection-report.json"),
                              QStringLiteral("note:nightly-semgrep.json")}));

        // The broken trivy report and the junk in the bundle are skipped with their reasons; docs/ is not a report.
        QCOMPARE(history->skipped.size(), 2);
        QCOMPARE(history->skipped.at(0).commit, c4);
        QCOMPARE(history->skipped.at(0).path, QStringLiteral("junk.json"));
        QVERIFY(history->skipped.at(0).fromNote);
        QCOMPARE(history->skipped.at(0).diagnostic.code, QStringLiteral("report.unknown-format"));
        QCOMPARE(history->skipped.at(1).commit, c5);
        QCOMPARE(history->skipped.at(1).path, QStringLiteral("reports/trivy.json"));
        QCOMPARE(history->skipped.at(1).diagnostic.code, QStringLiteral("report.truncated"));
        QCOMPARE(history->reportsParsed, 7);
        QCOMPARE(history->cacheHits, 0);
    }

    void blobsParsedOnceAndCached()
    {
        ScratchRepository scratch;
        // The same report content committed twice under different names: one parse.
        scratch.commit(QStringLiteral("a"), {{QStringLiteral("reports/a.json"), semgrep({QStringLiteral("r.a")})}},
                       at(2, 10));
        scratch.commit(QStringLiteral("b"), {{QStringLiteral("reports/b.json"), semgrep({QStringLiteral("r.a")})}},
                       at(3, 10));
        auto history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->scans.size(), 2);
        QCOMPARE(history->reportsParsed, 1);
        QCOMPARE(history->cacheHits, 0);

        QCOMPARE(history->treeDiffs, 2);

        // Reopen: the memory cache answers, and the walk cache spares the tree diffs.
        history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->reportsParsed, 0);
        QCOMPARE(history->cacheHits, 1);
        QCOMPARE(history->treeDiffs, 0);
        QCOMPARE(history->scans.size(), 2);
        QCOMPARE(history->scans.at(1).reports.first().path, QStringLiteral("reports/b.json"));

        // New commits are diffed, the known ones are not.
        scratch.commit(QStringLiteral("c"), {{QStringLiteral("reports/c.json"), semgrep({QStringLiteral("r.c")})}},
                       at(4, 10));
        history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->treeDiffs, 1);
        QCOMPARE(history->scans.size(), 3);

        // An older revision of the same history (a past week's report) is known commit by commit.
        ScanSourceOptions older = options();
        older.revision = QStringLiteral("HEAD~1");
        history = ScanHistoryReader::read(scratch.path(), older);
        QVERIFY(history.ok());
        QCOMPARE(history->treeDiffs, 0);
        QCOMPARE(history->scans.size(), 2);

        // Other globs are another walk cache.
        ScanSourceOptions onlyA = options();
        onlyA.globs = {QStringLiteral("reports/a.json")};
        history = ScanHistoryReader::read(scratch.path(), onlyA);
        QVERIFY(history.ok());
        QCOMPARE(history->treeDiffs, 3);
        QCOMPARE(history->scans.size(), 1);
        const QList<Finding> fromMemory = history->scans.at(0).reports.first().findings;

        // A new process (memory cache empty): the disk cache answers with the same findings.
        ScanHistoryReader::clearMemoryCache();
        history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->reportsParsed, 0);
        QCOMPARE(history->cacheHits, 2);
        QCOMPARE(history->treeDiffs, 0);
        QCOMPARE(history->scans.at(0).reports.first().findings, fromMemory);
        const ScanHistory reference = *history;

        // Without the disk cache it parses (and diffs) again.
        ScanHistoryReader::clearMemoryCache();
        ScanSourceOptions noDisk = options();
        noDisk.cacheDir = QStringLiteral("-");
        history = ScanHistoryReader::read(scratch.path(), noDisk);
        QVERIFY(history.ok());
        QCOMPARE(history->reportsParsed, 2);
        QCOMPARE(history->treeDiffs, 3);

        // Corrupt cache files are misses, not errors: one parse cache entry and the walk cache.
        ScanHistoryReader::clearMemoryCache();
        const auto corrupt = [](const QString& dir, bool all) {
            int count = 0;
            QDirIterator it(dir, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext() && (all || count == 0)) {
                QFile file(it.next());
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                    return false;
                file.write("{garbage");
                ++count;
            }
            return count > 0;
        };
        QVERIFY(corrupt(m_cache->path() + QStringLiteral("/v2"), false));
        QVERIFY(corrupt(m_cache->path() + QStringLiteral("/walks"), true));
        history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->reportsParsed, 1);
        QCOMPARE(history->treeDiffs, 3);
        QCOMPARE(history->scans.size(), reference.scans.size());
        for (qsizetype i = 0; i < reference.scans.size(); ++i)
            QCOMPARE(history->scans.at(i).reports.first().findings, reference.scans.at(i).reports.first().findings);
    }

    void firstParentAndMerges()
    {
        ScratchRepository scratch;
        const auto base = scratch.commit(QStringLiteral("base"), {{QStringLiteral("app.py"), "x"}}, at(2, 10));
        // A report committed on a side branch reaches the branch's history when merged: the merge is the scan.
        const auto side
            = scratch.commitOn({base}, QStringLiteral("side scan"),
                               {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.a")})}}, at(3, 10));
        const auto main2 = scratch.commit(QStringLiteral("main work"), {{QStringLiteral("app.py"), "y"}}, at(4, 10));
        // commitOn() builds on the first parent's tree: the merge result carries the side branch's file.
        const auto merge
            = scratch.commitOn({main2, side}, QStringLiteral("merge"),
                               {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.a")})}}, at(5, 10),
                               QStringLiteral("HEAD"));
        QVERIFY(!merge.isNull());
        const auto history = ScanHistoryReader::read(scratch.path(), options());
        QVERIFY(history.ok());
        QCOMPARE(history->commitsWalked, 3);
        QCOMPARE(history->scans.size(), 1);
        QCOMPARE(history->scans.first().commit, merge);
        QCOMPARE(history->scans.first().time, at(5, 10));
    }

    // Report globs that all lie in folders: the walk reads only the commits that change the folders (and those with
    // notes); it must find exactly the scans of the walk that compares every commit.
    void pathLimitedWalk_data()
    {
        QTest::addColumn<QStringList>("globs");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("maxCommits");
        QTest::addColumn<int>("scans");
        const QString head = QStringLiteral("HEAD");
        const QStringList reports{QStringLiteral("reports/**")};
        QTest::newRow("reports/**: merges, renames, notes, deletions") << reports << head << -1 << 6;
        QTest::newRow("one level: the renamed report is outside")
            << QStringList{QStringLiteral("reports/*.json")} << head << -1 << 5;
        QTest::newRow("two folders") << QStringList{QStringLiteral("reports/**"), QStringLiteral("scans/*.json")}
                                     << head << -1 << 7;
        QTest::newRow("a deeper folder") << QStringList{QStringLiteral("reports/old/*.json")} << head << -1 << 3;
        QTest::newRow("a folder no commit touches") << QStringList{QStringLiteral("audit/**")} << head << -1 << 2;
        QTest::newRow("older revision") << reports << QStringLiteral("HEAD~3") << -1 << 4;
        QTest::newRow("newest commits only") << reports << head << 4 << 2;
        QTest::newRow("a glob matching anywhere: every commit read either way")
            << QStringList{QStringLiteral("reports/**"), QStringLiteral("**/*.sarif")} << head << -1 << 7;
    }
    void pathLimitedWalk()
    {
        QFETCH(QStringList, globs);
        QFETCH(QString, revision);
        QFETCH(int, maxCommits);
        QFETCH(int, scans);
        ScratchRepository scratch;
        const QString trivy = QStringLiteral("reports/trivy.json");
        const auto base
            = scratch.commit(QStringLiteral("first scan"),
                             {{trivy, semgrep({QStringLiteral("r.a")})}, {QStringLiteral("app.py"), "x"}}, at(2, 10));
        // A report committed on a side branch reaches main with the merge; the side commit is not on the
        // first-parent history.
        const auto side
            = scratch.commitOn({base}, QStringLiteral("side scan"),
                               {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.b")})}}, at(3, 10));
        const auto work = scratch.commit(QStringLiteral("work"), {{QStringLiteral("app.py"), "y"}}, at(4, 10));
        scratch.commitOn({work, side}, QStringLiteral("Merge branch 'side'"),
                         {{QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.b")})}}, at(5, 10),
                         QStringLiteral("HEAD"));
        // Renamed within the folder (same blob, new path), then out of it and back in.
        scratch.commit(
            QStringLiteral("move trivy"),
            {{trivy, QByteArray()}, {QStringLiteral("reports/old/trivy.json"), semgrep({QStringLiteral("r.a")})}},
            at(6, 10));
        const auto noted
            = scratch.commit(QStringLiteral("code with a note"), {{QStringLiteral("app.py"), "z"}}, at(7, 10));
        scratch.commit(QStringLiteral("report outside the folder"),
                       {{QStringLiteral("scans/zap.json"), semgrep({QStringLiteral("r.z")})},
                        {QStringLiteral("build/codeql.sarif"),
                         "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"CodeQL\"}},"
                         "\"results\":[]}]}"}},
                       at(8, 10));
        scratch.commit(QStringLiteral("move semgrep out"),
                       {{QStringLiteral("reports/semgrep.json"), QByteArray()},
                        {QStringLiteral("archive/semgrep.json"), semgrep({QStringLiteral("r.b")})}},
                       at(9, 10));
        scratch.commit(
            QStringLiteral("move it back, changed"),
            {{QStringLiteral("archive/semgrep.json"), QByteArray()},
             {QStringLiteral("reports/semgrep.json"), semgrep({QStringLiteral("r.b"), QStringLiteral("r.c")})}},
            at(10, 10));
        const auto broken
            = scratch.commit(QStringLiteral("broken report"),
                             {{QStringLiteral("reports/old/trivy.json"), "{\"SchemaVersion\": 2, ["}}, at(11, 10));
        const auto sig = ScratchRepository::alice(at(12, 0));
        const QString ref = ScanSourceOptions::defaultNotesRef();
        QVERIFY(scratch.repo().writeNote(ref, noted, gitleaks(QStringLiteral("k")), sig).ok());
        QVERIFY(scratch.repo().writeNote(ref, broken, gitleaks(QStringLiteral("k2")), sig).ok());

        ScanSourceOptions o = options();
        o.globs = globs;
        o.revision = revision;
        o.maxCommits = maxCommits;
        o.pathLimitedWalk = false;
        const auto everyCommit = ScanHistoryReader::read(scratch.path(), o);
        QVERIFY(everyCommit.ok());
        QCOMPARE(everyCommit->scans.size(), scans);
        // Cold caches for the second reader too: it diffs and parses on its own.
        ScanHistoryReader::clearMemoryCache();
        o.cacheDir = QStringLiteral("-");
        o.pathLimitedWalk = true;
        const auto limited = ScanHistoryReader::read(scratch.path(), o);
        QVERIFY(limited.ok());
        QCOMPARE(describe(*limited), describe(*everyCommit));
        const bool folders = std::none_of(globs.cbegin(), globs.cend(),
                                          [](const QString& glob) { return glob.startsWith(QLatin1Char('*')); });
        // Only the commits that change the folders are compared tree by tree.
        if (folders)
            QVERIFY(limited->treeDiffs < everyCommit->treeDiffs);
        else
            QCOMPARE(limited->treeDiffs, everyCommit->treeDiffs);
    }

    void optionsRespected()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("a"), {{QStringLiteral("reports/a.json"), semgrep({QStringLiteral("r.a")})}},
                       at(2, 10));
        scratch.commit(QStringLiteral("b"), {{QStringLiteral("scans/b.json"), semgrep({QStringLiteral("r.b")})}},
                       at(3, 10));
        scratch.commit(QStringLiteral("c"), {{QStringLiteral("reports/c.json"), semgrep({QStringLiteral("r.c")})}},
                       at(4, 10));

        ScanSourceOptions o = options();
        o.globs = {QStringLiteral("scans/*.json")};
        auto history = ScanHistoryReader::read(scratch.path(), o);
        QVERIFY(history.ok());
        QCOMPARE(history->scans.size(), 1);
        QCOMPARE(history->scans.first().reports.first().path, QStringLiteral("scans/b.json"));

        o = options();
        o.maxCommits = 2;
        history = ScanHistoryReader::read(scratch.path(), o);
        QVERIFY(history.ok());
        QCOMPARE(history->commitsWalked, 2);
        QCOMPARE(history->scans.size(), 1); // c; b is outside the default globs

        o = options();
        o.revision = QStringLiteral("HEAD~1");
        history = ScanHistoryReader::read(scratch.path(), o);
        QVERIFY(history.ok());
        QCOMPARE(history->scans.size(), 1);
        QCOMPARE(history->scans.first().reports.first().path, QStringLiteral("reports/a.json"));

        o.revision = QStringLiteral("no-such-branch");
        QVERIFY(!ScanHistoryReader::read(scratch.path(), o).ok());
        QVERIFY(!ScanHistoryReader::read(QDir::tempPath() + QStringLiteral("/no-such-repo"), options()).ok());
    }

    void cancel()
    {
        ScratchRepository scratch;
        scratch.commit(QStringLiteral("a"), {{QStringLiteral("reports/a.json"), semgrep({QStringLiteral("r.a")})}},
                       at(2, 10));
        ProgressSink sink;
        sink.cancel();
        auto history = ScanHistoryReader::read(scratch.path(), options(), &sink);
        QVERIFY(!history.ok());
        QCOMPARE(history.error().code, QStringLiteral("cancelled"));
        // The path-limited walk (every glob in a folder) honours it too.
        ScanSourceOptions folders = options();
        folders.globs = {QStringLiteral("reports/**")};
        history = ScanHistoryReader::read(scratch.path(), folders, &sink);
        QVERIFY(!history.ok());
        QCOMPARE(history.error().code, QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestScanHistoryReader)
#include "tst_scanhistoryreader.moc"
