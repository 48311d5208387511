// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScratchRepository.h"
#include "demo/DemoRepository.h"
#include "git/Repository.h"
#include "security/Posture.h"
#include "security/ScanHistoryCache.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <QTimeZone>
#include <atomic>

using namespace gatehouse;
using namespace Qt::StringLiterals;

namespace {

void compareHistories(const ScanHistory& a, const ScanHistory& e)
{
    QCOMPARE(a.head, e.head);
    QCOMPARE(a.commitsWalked, e.commitsWalked);
    QCOMPARE(a.scans.size(), e.scans.size());
    for (qsizetype s = 0; s < e.scans.size(); ++s) {
        const Scan& as = a.scans.at(s);
        const Scan& es = e.scans.at(s);
        QCOMPARE(as.commit, es.commit);
        QCOMPARE(as.time, es.time);
        QCOMPARE(as.time.timeSpec(), es.time.timeSpec());
        QCOMPARE(as.author, es.author);
        QCOMPARE(as.summary, es.summary);
        QCOMPARE(as.reports.size(), es.reports.size());
        for (qsizetype r = 0; r < es.reports.size(); ++r) {
            const ScanReport& ar = as.reports.at(r);
            const ScanReport& er = es.reports.at(r);
            QCOMPARE(ar.path, er.path);
            QCOMPARE(ar.fromNote, er.fromNote);
            QCOMPARE(ar.blob, er.blob);
            QCOMPARE(ar.format, er.format);
            QCOMPARE(ar.tool, er.tool);
            QCOMPARE(ar.findings.size(), er.findings.size());
            for (qsizetype f = 0; f < er.findings.size(); ++f) {
                const Finding& af = ar.findings.at(f);
                const Finding& ef = er.findings.at(f);
                QCOMPARE(af.tool, ef.tool);
                QCOMPARE(af.category, ef.category);
                QCOMPARE(af.rule, ef.rule);
                QCOMPARE(af.severity, ef.severity);
                QCOMPARE(af.title, ef.title);
                QCOMPARE(af.description, ef.description);
                QCOMPARE(af.location.path, ef.location.path);
                QCOMPARE(af.location.line, ef.location.line);
                QCOMPARE(af.location.package, ef.location.package);
                QCOMPARE(af.location.version, ef.location.version);
                QCOMPARE(af.location.fixedVersion, ef.location.fixedVersion);
                QCOMPARE(af.location.target, ef.location.target);
                QCOMPARE(af.ids, ef.ids);
                QCOMPARE(af.fingerprint, ef.fingerprint);
                QCOMPARE(af.toolFingerprint, ef.toolFingerprint);
                QCOMPARE(af.triage, ef.triage);
            }
        }
    }
    QCOMPARE(a.skipped.size(), e.skipped.size());
    for (qsizetype i = 0; i < e.skipped.size(); ++i) {
        QCOMPARE(a.skipped.at(i).commit, e.skipped.at(i).commit);
        QCOMPARE(a.skipped.at(i).path, e.skipped.at(i).path);
        QCOMPARE(a.skipped.at(i).fromNote, e.skipped.at(i).fromNote);
        QCOMPARE(a.skipped.at(i).diagnostic.code, e.skipped.at(i).diagnostic.code);
        QCOMPARE(a.skipped.at(i).diagnostic.message, e.skipped.at(i).diagnostic.message);
        QCOMPARE(a.skipped.at(i).diagnostic.offset, e.skipped.at(i).diagnostic.offset);
        QCOMPARE(a.skipped.at(i).diagnostic.line, e.skipped.at(i).diagnostic.line);
        QCOMPARE(a.skipped.at(i).diagnostic.column, e.skipped.at(i).diagnostic.column);
    }
}

} // namespace

class TestScanHistoryCache : public QObject
{
    Q_OBJECT

    QString demo() const { return m_demo.filePath(u"demo"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_demo.isValid());
        const auto created = DemoRepository::create(demo());
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        ScanSourceOptions options;
        options.cacheDir = u"-"_s;
        const Result<ScanHistory> history = ScanHistoryReader::read(demo(), options);
        QVERIFY(history.ok());
        m_history = history.value();
        QVERIFY(m_history.scans.size() >= 3);
    }

    void demoHistoryRoundTrips()
    {
        const std::optional<ScanHistory> read = ScanHistoryCache::decode(ScanHistoryCache::encode(m_history));
        QVERIFY(read.has_value());
        compareHistories(*read, m_history);
        qsizetype findings = 0;
        for (const Scan& scan : std::as_const(read->scans))
            for (const ScanReport& report : scan.reports)
                findings += report.findings.size();
        QVERIFY(findings > 0);
    }

    void handBuiltSkippedReportRoundTrips()
    {
        ScanHistory history;
        history.head = git::ObjectId::fromHex(u"0123456789abcdef0123456789abcdef01234567"_s);
        SkippedReport skipped;
        skipped.commit = history.head;
        skipped.path = u"reports/broken.json"_s;
        skipped.fromNote = true;
        skipped.diagnostic = {u"report.truncated"_s, u"ends early"_s, 42, 3, 7};
        history.skipped = {skipped};
        history.commitsWalked = 12;
        const std::optional<ScanHistory> read = ScanHistoryCache::decode(ScanHistoryCache::encode(history));
        QVERIFY(read.has_value());
        compareHistories(*read, history);
        const QByteArray bytes = ScanHistoryCache::encode(history);
        QVERIFY(!ScanHistoryCache::decode(bytes.chopped(2)).has_value());
        QVERIFY(!ScanHistoryCache::decode(bytes + "z").has_value());
    }

    void readGoesThroughTheDisk()
    {
        QTemporaryDir cache;
        ScanSourceOptions options;
        options.cacheDir = cache.path();
        const Result<ScanHistory> first = ScanHistoryCache::read(demo(), options);
        QVERIFY(first.ok());
        compareHistories(first.value(), m_history);
        const QStringList files = QDir(cache.filePath(u"scan-history"_s)).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);

        // From the disk: nothing diffed or parsed, the same history.
        const Result<ScanHistory> second = ScanHistoryCache::read(demo(), options);
        QVERIFY(second.ok());
        QCOMPARE(second->treeDiffs, 0);
        QCOMPARE(second->reportsParsed, 0);
        compareHistories(second.value(), m_history);

        // A cancelled job gets no answer, not even a stored one.
        ProgressSink cancelled;
        cancelled.cancel();
        const Result<ScanHistory> none = ScanHistoryCache::read(demo(), options, &cancelled);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, u"cancelled"_s);

        // The posture built from it is the posture built from the history read afresh.
        ScanSourceOptions uncached = options;
        uncached.cacheDir = u"-"_s;
        QVERIFY(ScanHistoryCache::folderFor(uncached).isEmpty());
        const QDateTime now(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc());
        const Result<Posture> cached = PostureBuilder::compute(demo(), {}, now, nullptr, cache.path());
        const Result<Posture> fresh = PostureBuilder::compute(demo(), {}, now, nullptr, u"-"_s);
        QVERIFY(cached.ok() && fresh.ok());
        QCOMPARE(cached->toJson(), fresh->toJson());

        // A damaged entry is read afresh and rewritten.
        const QString file = cache.filePath(u"scan-history/"_s + files.first());
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        damaged.seek(damaged.size() / 2);
        damaged.write("xxxx");
        damaged.close();
        const Result<ScanHistory> third = ScanHistoryCache::read(demo(), options);
        QVERIFY(third.ok());
        QVERIFY(third->treeDiffs > 0 || third->cacheHits > 0 || third->commitsWalked > 0);
        compareHistories(third.value(), m_history);
        QVERIFY(ScanHistoryCache::read(demo(), options)->treeDiffs == 0);
    }

    // Two threads asking for one history at once (the Overview and the Security page on a first open): one
    // reads it, the other gets its answer, as if from a cache.
    void concurrentReadsShareOneReading()
    {
        ScanSourceOptions options;
        options.cacheDir = u"-"_s; // no disk: only the sharing in the process
        std::atomic<bool> launched{false};
        QFuture<Result<ScanHistory>> second;
        ProgressSink first([&](int, const QString&) {
            if (launched.exchange(true))
                return;
            second = QtConcurrent::run([this, options] { return ScanHistoryCache::read(demo(), options); });
            // The first reading goes on once the second waits for it (bounded: a failure shows below).
            QDeadlineTimer deadline(10000);
            while (ScanHistoryCache::waitingReaders() < 1 && !deadline.hasExpired())
                QThread::yieldCurrentThread();
        });
        const Result<ScanHistory> a = ScanHistoryCache::read(demo(), options, &first);
        QVERIFY(launched);
        const Result<ScanHistory> b = second.result();
        QVERIFY(a.ok() && b.ok());
        compareHistories(a.value(), m_history);
        compareHistories(b.value(), m_history);
        QVERIFY(a->treeDiffs > 0);
        QCOMPARE(b->treeDiffs, 0);
        QCOMPARE(b->reportsParsed, 0);
        QCOMPARE(b->cacheHits, a->reportsParsed + a->cacheHits);
        QCOMPARE(ScanHistoryCache::waitingReaders(), 0);
    }

    void movedRefsChangeTheKey_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("new commit") << u"commit"_s;
        QTest::newRow("scan notes") << u"notes"_s;
        QTest::newRow("other globs") << u"globs"_s;
    }

    void movedRefsChangeTheKey()
    {
        QFETCH(QString, change);
        test::ScratchRepository scratch;
        const QDateTime t0(QDate(2026, 1, 5), QTime(9, 0), QTimeZone::utc());
        const git::ObjectId base = scratch.commit(u"feat: one"_s, {{u"a"_s, "1"}}, t0);
        ScanSourceOptions options;
        const QByteArray before = ScanHistoryCache::key(scratch.repo(), options);
        QVERIFY(!before.isEmpty());
        QCOMPARE(ScanHistoryCache::key(scratch.repo(), options), before);
        if (change == u"commit")
            scratch.commit(u"fix: two"_s, {{u"a"_s, "2"}}, t0.addSecs(60));
        else if (change == u"notes")
            QVERIFY(scratch.repo()
                        .writeNote(options.notesRef, base, "{}", test::ScratchRepository::alice(t0.addSecs(60)))
                        .ok());
        else
            options.globs = {u"*.sarif"_s};
        QVERIFY(ScanHistoryCache::key(scratch.repo(), options) != before);
    }

private:
    QTemporaryDir m_demo;
    ScanHistory m_history;
};

QTEST_GUILESS_MAIN(TestScanHistoryCache)
#include "tst_scanhistorycache.moc"
