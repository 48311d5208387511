// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "delivery/DeliveryCache.h"
#include "git/Repository.h"
#include "scorecard/HistoryFactsCache.h"
#include "scorecard/Scorecard.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace gatehouse;
using namespace gatehouse::scorecard;
using gatehouse::test::ScratchRepository;
using namespace Qt::StringLiterals;

class TestHistoryFactsCache : public QObject
{
    Q_OBJECT

    static QDateTime at(int hour) { return QDateTime(QDate(2026, 1, 5), QTime(hour, 0), QTimeZone::utc()); }

    static void compareFacts(const HistoryFacts& actual, const HistoryFacts& expected)
    {
        QCOMPARE(actual.recentSubjects, expected.recentSubjects);
        QCOMPARE(actual.scanTimes, expected.scanTimes);
        for (qsizetype i = 0; i < expected.scanTimes.size(); ++i)
            QCOMPARE(actual.scanTimes.at(i).timeSpec(), expected.scanTimes.at(i).timeSpec());
    }

    /// The history-wide inputs as the Overview's second stage collects them.
    ScorecardInputs collect(ScratchRepository& scratch)
    {
        Result<ScorecardInputs> inputs = Scorecard::collectAtRevision(scratch.repo(), {}, at(20));
        if (!inputs.ok())
            return {};
        const CollectOptions options{m_runs.path(), u"-"_s, {}};
        if (!Scorecard::collectHistoryWide(scratch.repo(), {}, inputs.value(), nullptr, options).ok())
            return {};
        return inputs.value();
    }

    /// A repository with merges, reports and scan notes, so every fact has values.
    static void populate(ScratchRepository& scratch)
    {
        const git::ObjectId base = scratch.commit(u"feat: base"_s, {{u"a"_s, "1"}}, at(1));
        const git::ObjectId side = scratch.commitOn({base}, u"fix(side): side work"_s, {{u"b"_s, "1"}}, at(2));
        const git::ObjectId main = scratch.commit(u"docs: main work"_s, {{u"reports/trivy.json"_s, "{}"}}, at(3));
        scratch.commitOn({main, side}, u"Merge branch 'side'"_s, {{u"b"_s, "1"}}, at(4), u"HEAD"_s);
        scratch.commit(u"chore: after the merge"_s, {{u"reports/trivy.json"_s, "{\"x\":1}"}}, at(5));
        QVERIFY(scratch.repo()
                    .writeNote(u"refs/notes/gatehouse-scans"_s, base, "scan", ScratchRepository::alice(at(6)))
                    .ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid() && m_runs.isValid());
        qputenv("XDG_CACHE_HOME", m_cache.path().toUtf8());
    }

    void init() { delivery::DeliveryCache::instance().clear(); }

    void valueRoundTrips()
    {
        HistoryFacts facts;
        facts.recentSubjects = {u"feat: ä"_s, QString(), u"Revert \"x\""_s};
        facts.scanTimes = {at(1), QDateTime(QDate(2026, 2, 1), QTime(1, 2, 3, 4), QTimeZone(-7200)), QDateTime()};
        const std::optional<HistoryFacts> read = HistoryFactsCache::decode(HistoryFactsCache::encode(facts));
        QVERIFY(read.has_value());
        compareFacts(*read, facts);
        const QByteArray bytes = HistoryFactsCache::encode(facts);
        QVERIFY(!HistoryFactsCache::decode(bytes.left(bytes.size() - 1)).has_value());
        QVERIFY(!HistoryFactsCache::decode(bytes + "?").has_value());
    }

    // A report committed on a side branch reaches the branch with the merge: that is when it counts, once (the
    // branch's first-parent chain, as the posture reads it).
    void sideBranchReportsCountAtTheMerge()
    {
        ScratchRepository scratch;
        const git::ObjectId base = scratch.commit(u"feat: base"_s, {{u"a"_s, "1"}}, at(1));
        const git::ObjectId side
            = scratch.commitOn({base}, u"ci: side scan"_s, {{u"reports/trivy.json"_s, "{}"}}, at(2));
        const git::ObjectId main = scratch.commit(u"docs: main work"_s, {{u"a"_s, "2"}}, at(3));
        scratch.commitOn({main, side}, u"Merge branch 'side'"_s, {{u"reports/trivy.json"_s, "{}"}}, at(4), u"HEAD"_s);
        const ScorecardInputs inputs = collect(scratch);
        QCOMPARE(inputs.scanTimes, QList<QDateTime>{at(4).toUTC()});
    }

    void collectWritesAndThenReadsTheFacts()
    {
        ScratchRepository scratch;
        populate(scratch);
        const QByteArray key = HistoryFactsCache::stateKey(scratch.repo(), {});
        QVERIFY(!HistoryFactsCache::find(key).has_value());
        const ScorecardInputs first = collect(scratch);
        QCOMPARE(first.recentSubjects,
                 QStringList(
                     {u"chore: after the merge"_s, u"docs: main work"_s, u"fix(side): side work"_s, u"feat: base"_s}));
        QCOMPARE(first.scanTimes.size(), 3); // one note, two report commits
        const std::optional<HistoryFacts> stored = HistoryFactsCache::find(key);
        QVERIFY(stored.has_value());
        compareFacts(*stored, HistoryFacts{first.recentSubjects, first.scanTimes});

        // The next run takes them from the disk: a marked entry is what it shows.
        HistoryFacts marked = *stored;
        marked.recentSubjects.prepend(u"marked: from the disk"_s);
        QVERIFY(HistoryFactsCache::store(key, marked));
        QCOMPARE(collect(scratch).recentSubjects.value(0), u"marked: from the disk"_s);

        // Damaged: ignored, collected afresh and rewritten.
        QFile file(HistoryFactsCache::fileFor(key));
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(12);
        file.write("\xff\xff");
        file.close();
        QVERIFY(!HistoryFactsCache::find(key).has_value());
        QCOMPARE(collect(scratch).recentSubjects, first.recentSubjects);
        QVERIFY(HistoryFactsCache::find(key).has_value());
    }

    void movedRefInvalidates_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::newRow("scan notes") << u"refs/notes/gatehouse-scans"_s;
        QTest::newRow("a new branch") << u"refs/heads/other"_s;
        QTest::newRow("a new tag") << u"refs/tags/v9"_s;
        QTest::newRow("a new commit on HEAD") << u"HEAD"_s;
    }

    void movedRefInvalidates()
    {
        QFETCH(QString, ref);
        ScratchRepository scratch;
        populate(scratch);
        const QByteArray before = HistoryFactsCache::stateKey(scratch.repo(), {});
        const ScorecardInputs first = collect(scratch);
        HistoryFacts marked{{u"marked: stale"_s}, {}};
        QVERIFY(HistoryFactsCache::store(before, marked));
        const git::ObjectId head = scratch.head();
        if (ref == u"refs/notes/gatehouse-scans")
            QVERIFY(scratch.repo().writeNote(ref, head, "scan 2", ScratchRepository::alice(at(7))).ok());
        else if (ref == u"refs/heads/other")
            scratch.commitOn({head}, u"feat: other"_s, {{u"c"_s, "1"}}, at(7), ref);
        else if (ref == u"refs/tags/v9")
            scratch.tag(u"v9"_s, head, u"release"_s, at(7));
        else
            scratch.commit(u"feat: newest"_s, {{u"c"_s, "1"}}, at(7));
        QVERIFY(HistoryFactsCache::stateKey(scratch.repo(), {}) != before);
        const ScorecardInputs second = collect(scratch);
        QVERIFY(!second.recentSubjects.contains(u"marked: stale"_s));
        if (ref == u"HEAD")
            QCOMPARE(second.recentSubjects.value(0), u"feat: newest"_s);
        else
            QCOMPARE(second.recentSubjects, first.recentSubjects);
        if (ref == u"refs/notes/gatehouse-scans")
            QCOMPARE(second.scanTimes.size(), first.scanTimes.size() + 1);
    }

private:
    QTemporaryDir m_cache;
    QTemporaryDir m_runs;
};

QTEST_GUILESS_MAIN(TestHistoryFactsCache)
#include "tst_historyfactscache.moc"
