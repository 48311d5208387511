// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingSpec.h"
#include "demo/DemoRepository.h"
#include "git/Repository.h"
#include "security/WeeklySummary.h"

#include <QtTest>

using namespace gatehouse;

namespace {

QDateTime nov(int day, int hour = 10)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC);
}

ScanReport report(const QString& tool, ReportFormat format, FindingCategory category, const QStringList& specs)
{
    return test::specReport(tool, format, specs, category);
}

ScanReport semgrep(const QStringList& specs)
{
    return report(QStringLiteral("semgrep"), ReportFormat::Semgrep, FindingCategory::Sast, specs);
}

ScanReport trivy(const QStringList& specs)
{
    return report(QStringLiteral("trivy"), ReportFormat::Trivy, FindingCategory::Dependency, specs);
}

ScanReport gitleaks(const QStringList& specs)
{
    return report(QStringLiteral("gitleaks"), ReportFormat::Gitleaks, FindingCategory::Secret, specs);
}

Scan scan(int id, const QDateTime& time, const QString& author, QList<ScanReport> reports)
{
    Scan s;
    s.commit = git::ObjectId::fromRaw(QByteArray(20, char(id)));
    s.time = time;
    s.author = author;
    s.reports = std::move(reports);
    return s;
}

/// Three weeks of November 2026 (W45 = 2–8, W46 = 9–15, W47 = 16–22, W48 = 23–29), one scan per line:
///   S1 Mon 2  alice  semgrep a! b c-, trivy d       S4 Tue 17 dave  semgrep c- e f!, gitleaks (nothing)
///   S2 Wed 4  bob    semgrep a! b c-                S5 Thu 19 erin  semgrep c- e, trivy d
///   S3 Tue 10 carol  semgrep b c- e                 S6 Tue 24 frank semgrep c-
ScanHistory story(const QDateTime& until = {})
{
    const auto s = [](const char* spec) { return QString::fromLatin1(spec); };
    const QList<Scan> all{
        scan(1, nov(2), s("alice"), {semgrep({s("a!"), s("b"), s("c-")}), trivy({s("d")})}),
        scan(2, nov(4), s("bob"), {semgrep({s("a!"), s("b"), s("c-")})}),
        scan(3, nov(10), s("carol"), {semgrep({s("b"), s("c-"), s("e")})}),
        scan(4, nov(17), s("dave"), {semgrep({s("c-"), s("e"), s("f!")}), gitleaks({})}),
        scan(5, nov(19), s("erin"), {semgrep({s("c-"), s("e")}), trivy({s("d")})}),
        scan(6, nov(24), s("frank"), {semgrep({s("c-")})}),
    };
    ScanHistory history;
    for (const Scan& one : all) {
        if (!until.isValid() || one.time <= until)
            history.scans << one;
    }
    if (!history.scans.isEmpty())
        history.head = history.scans.last().commit;
    return history;
}

QString counts(const QMap<Severity, int>& open)
{
    return QStringLiteral("C%1 H%2 M%3 L%4")
        .arg(open.value(Severity::Critical))
        .arg(open.value(Severity::High))
        .arg(open.value(Severity::Medium))
        .arg(open.value(Severity::Low));
}

QString fingerprints(const QList<WeeklyFinding>& findings, bool withOwner = false)
{
    QStringList out;
    for (const WeeklyFinding& f : findings)
        out << (withOwner ? f.finding.fingerprint + QLatin1Char('@') + f.owner : f.finding.fingerprint);
    return out.join(QLatin1Char(' '));
}

QString coverage(const WeeklySummary& summary)
{
    QStringList out;
    for (const ScanCoverage& c : summary.coverage) {
        if (c.covered)
            out << c.kind + QLatin1Char('(') + c.tools.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return out.join(QLatin1Char(' '));
}

QString medians(const WeeklySummary& summary)
{
    QStringList out;
    for (Severity s : allSeverities()) {
        if (summary.medianDaysToFix.contains(s))
            out << severityName(s) + QLatin1Char('=') + QString::number(summary.medianDaysToFix.value(s), 'f', 1);
    }
    return out.join(QLatin1Char(' '));
}

QString trend(const WeeklySummary& summary)
{
    QStringList out;
    for (const WeekTrendPoint& p : summary.trend)
        out << QStringLiteral("%1:%2/+%3/-%4/%5")
                   .arg(p.week.toString(), counts(p.open))
                   .arg(p.newFindings)
                   .arg(p.fixedFindings)
                   .arg(p.scans);
    return out.join(QLatin1String(" | "));
}

} // namespace

class TestWeeklySummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseWeek_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QDate>("monday");

        QTest::newRow("plain") << "2026-W47" << true << QDate(2026, 11, 16);
        QTest::newRow("no dash, one digit") << "2026W7" << true << QDate(2026, 2, 9);
        QTest::newRow("lower case") << "2026-w01" << true << QDate(2025, 12, 29);
        QTest::newRow("53 weeks in 2026") << "2026-W53" << true << QDate(2026, 12, 28);
        QTest::newRow("52 weeks in 2025") << "2025-W53" << false << QDate();
        QTest::newRow("week 0") << "2026-W00" << false << QDate();
        QTest::newRow("week 54") << "2026-W54" << false << QDate();
        QTest::newRow("a date") << "2026-11-16" << false << QDate();
        QTest::newRow("words") << "last week" << false << QDate();
        QTest::newRow("empty") << "" << false << QDate();
    }

    void parseWeek()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QDate, monday);
        const auto week = IsoWeek::parse(text);
        QCOMPARE(week.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(week->monday(), monday);
        QCOMPARE(week->start(), QDateTime(monday, QTime(0, 0), Qt::UTC));
        QCOMPARE(week->end(), QDateTime(monday.addDays(6), QTime(23, 59, 59), Qt::UTC));
        QCOMPARE(IsoWeek::parse(week->toString()), week);
    }

    void containing_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("week");

        QTest::newRow("mid-week") << QDate(2026, 11, 19) << "2026-W47";
        QTest::newRow("Sunday ends the week") << QDate(2026, 11, 22) << "2026-W47";
        QTest::newRow("1 Jan 2027 is in 2026's last week") << QDate(2027, 1, 1) << "2026-W53";
        QTest::newRow("30 Dec 2024 is in 2025's first week") << QDate(2024, 12, 30) << "2025-W01";
    }

    void containing()
    {
        QFETCH(QDate, date);
        QFETCH(QString, week);
        QCOMPARE(IsoWeek::containing(date).toString(), week);
        QCOMPARE(IsoWeek::containing(QDateTime(date, QTime(23, 0), Qt::UTC)).toString(), week);
        QCOMPARE(IsoWeek::containing(date).addWeeks(1).addWeeks(-1).toString(), week);
    }

    void summary_data()
    {
        QTest::addColumn<QString>("week");
        QTest::addColumn<QString>("open");
        QTest::addColumn<QString>("newFindings");
        QTest::addColumn<QString>("fixedFindings");
        QTest::addColumn<QString>("overdue"); // fingerprint@owner, most overdue first
        QTest::addColumn<QString>("covered");
        QTest::addColumn<QString>("medians");
        QTest::addColumn<int>("scans");

        QTest::newRow("W44: before the first scan") << "2026-W44"
                                                    << "C0 H0 M0 L0"
                                                    << ""
                                                    << ""
                                                    << ""
                                                    << ""
                                                    << "" << 0;
        QTest::newRow("W45: first scans, the critical is overdue") << "2026-W45"
                                                                   << "C1 H2 M0 L1"
                                                                   << "a b d c"
                                                                   << ""
                                                                   << "a@alice"
                                                                   << "sast(semgrep) dependency(trivy)"
                                                                   << "" << 2;
        QTest::newRow("W46: critical fixed, highs overdue, no dependency scan") << "2026-W46"
                                                                                << "C0 H3 M0 L1"
                                                                                << "e"
                                                                                << "a"
                                                                                << "b@alice d@alice"
                                                                                << "sast(semgrep)"
                                                                                << "critical=8.0" << 1;
        QTest::newRow("W47: a critical new and fixed the same week; e is fixed later but open at the week's end")
            << "2026-W47"
            << "C0 H2 M0 L1"
            << "f"
            << "f b"
            << "d@alice e@carol"
            << "sast(semgrep) dependency(trivy) secrets(gitleaks)"
            << "critical=5.0 high=15.0" << 2;
        QTest::newRow("W48") << "2026-W48"
                             << "C0 H1 M0 L1"
                             << ""
                             << "e"
                             << "d@alice"
                             << "sast(semgrep)"
                             << "critical=5.0 high=14.5" << 1;
    }

    void summary()
    {
        QFETCH(QString, week);
        const Posture posture = PostureBuilder::build(story(), SecurityConfig::defaults(), Triage(), nov(30, 12));
        const IsoWeek w = *IsoWeek::parse(week);
        const WeeklySummary summary = summarizeWeek(posture, w.year, w.week);

        QCOMPARE(summary.week, w);
        QCOMPARE(summary.asOf, w.end());
        QTEST(counts(summary.open), "open");
        QTEST(fingerprints(summary.newFindings), "newFindings");
        QTEST(fingerprints(summary.fixedFindings), "fixedFindings");
        QTEST(fingerprints(summary.overdue, true), "overdue");
        QTEST(coverage(summary), "covered");
        QTEST(medians(summary), "medians");
        QTEST(summary.scans, "scans");
        QCOMPARE(summary.coverage.size(), 5);
        QCOMPARE(summary.trend.size(), 12);
        QCOMPARE(summary.trend.last().week, w);

        // The JSON carries the same numbers.
        const QJsonObject json = summary.toJson();
        QCOMPARE(json.value(QStringLiteral("week")).toString(), week);
        QCOMPARE(json.value(QStringLiteral("new")).toInt(), summary.newFindings.size());
        QCOMPARE(json.value(QStringLiteral("fixed")).toInt(), summary.fixedFindings.size());
        QCOMPARE(json.value(QStringLiteral("overdue")).toInt(), summary.overdue.size());
        QCOMPARE(json.value(QStringLiteral("open")).toObject().value(QStringLiteral("high")).toInt(),
                 summary.open.value(Severity::High));
        QCOMPARE(json.value(QStringLiteral("open_total")).toInt(), summary.openTotal());
        QCOMPARE(json.value(QStringLiteral("trend")).toArray().size(), 12);
    }

    void trendWeeks()
    {
        const Posture posture = PostureBuilder::build(story(), SecurityConfig::defaults(), Triage(), nov(30, 12));
        const WeeklySummary summary = summarizeWeek(posture, 2026, 47, 4);
        QCOMPARE(trend(summary),
                 QStringLiteral("2026-W44:C0 H0 M0 L0/+0/-0/0 | 2026-W45:C1 H2 M0 L1/+4/-0/2 | "
                                "2026-W46:C0 H3 M0 L1/+1/-1/1 | 2026-W47:C0 H2 M0 L1/+1/-2/2"));
        // A trend of one week is the week itself; zero or less is one week too.
        QCOMPARE(summarizeWeek(posture, 2026, 47, 1).trend.size(), 1);
        QCOMPARE(summarizeWeek(posture, 2026, 47, 0).trend.size(), 1);
    }

    // For a posture cut at the week's end and evaluated then (what `gatehouse report` computes), the summary's
    // numbers are the posture's own.
    void equalsPostureAtWeekEnd_data()
    {
        QTest::addColumn<int>("week");
        for (int week = 44; week <= 49; ++week)
            QTest::addRow("W%d", week) << week;
    }

    void equalsPostureAtWeekEnd()
    {
        QFETCH(int, week);
        const IsoWeek w{2026, week};
        const ScanHistory history = story(w.end());
        if (history.scans.isEmpty())
            return; // nothing to compare before the first scan; the row above covers it
        const Posture posture = PostureBuilder::build(history, SecurityConfig::defaults(), Triage(), w.end());
        const WeeklySummary summary = summarizeWeek(posture, w.year, w.week);
        QCOMPARE(counts(summary.open), counts(posture.openBySeverity()));
        QCOMPARE(summary.overdue.size(), posture.overdueCount());
        QCOMPARE(summary.medianDaysToFix, posture.medianDaysToFix());
        const Posture full = PostureBuilder::build(story(), SecurityConfig::defaults(), Triage(), nov(30, 12));
        QCOMPARE(counts(summarizeWeek(full, w.year, w.week).open), counts(summary.open));
    }

    // In the current week the summary is evaluated at the posture's `now`, not at the week's end.
    void currentWeek()
    {
        const QDateTime now = nov(18, 12);
        const Posture posture = PostureBuilder::build(story(now), SecurityConfig::defaults(), Triage(), now);
        const WeeklySummary summary = summarizeWeek(posture, 2026, 47);
        QCOMPARE(summary.asOf, now);
        QCOMPARE(counts(summary.open), QStringLiteral("C1 H2 M0 L1")); // f (new on the 17th), d, e
        QCOMPARE(fingerprints(summary.overdue, true), QStringLiteral("d@alice e@carol f@dave")); // f was due at 10:00
        QCOMPARE(summary.overdue.size(), posture.overdueCount());
    }

    void triage()
    {
        TriageEntry falsePositive;
        falsePositive.fingerprint = QStringLiteral("c");
        falsePositive.status = TriageStatus::FalsePositive;
        TriageEntry accepted;
        accepted.fingerprint = QStringLiteral("d");
        accepted.status = TriageStatus::AcceptedRisk;
        accepted.expires = QDate(2026, 11, 20);
        const Posture posture = PostureBuilder::build(story(), SecurityConfig::defaults(),
                                                      Triage({falsePositive, accepted}), nov(30, 12));
        // Accepted until the 20th: not open in W46; open again (and overdue) at the end of W47.
        const WeeklySummary w46 = summarizeWeek(posture, 2026, 46);
        QCOMPARE(counts(w46.open), QStringLiteral("C0 H2 M0 L0"));
        QCOMPARE(fingerprints(w46.overdue), QStringLiteral("b"));
        const WeeklySummary w47 = summarizeWeek(posture, 2026, 47);
        QCOMPARE(counts(w47.open), QStringLiteral("C0 H2 M0 L0"));
        QCOMPARE(fingerprints(w47.overdue), QStringLiteral("d e"));
        // A triaged finding is still new when it first appears.
        QCOMPARE(fingerprints(summarizeWeek(posture, 2026, 45).newFindings), QStringLiteral("a b d c"));
    }

    void slaFromConfig()
    {
        SecurityConfig config = SecurityConfig::defaults();
        config.slaDays[Severity::High] = 30;
        config.slaDays[Severity::Critical] = 0; // no SLA
        const QDateTime now(QDate(2026, 12, 10), QTime(12, 0), Qt::UTC);
        const Posture posture = PostureBuilder::build(story(), config, Triage(), now);
        QCOMPARE(summarizeWeek(posture, 2026, 45).overdue.size(), 0);
        QCOMPARE(summarizeWeek(posture, 2026, 47).overdue.size(), 0);
        QCOMPARE(fingerprints(summarizeWeek(posture, 2026, 49).overdue), QStringLiteral("d"));
    }

    void invalidWeek()
    {
        const Posture posture = PostureBuilder::build(story(), SecurityConfig::defaults(), Triage(), nov(30, 12));
        const WeeklySummary summary = summarizeWeek(posture, 2025, 53);
        QVERIFY(!summary.week.isValid());
        QVERIFY(summary.open.isEmpty());
        QVERIFY(summary.trend.isEmpty());
    }

    void emptyPosture()
    {
        Posture posture;
        posture.now = nov(30, 12);
        const WeeklySummary summary = summarizeWeek(posture, 2026, 47);
        QCOMPARE(summary.openTotal(), 0);
        QCOMPARE(summary.coveredKinds(), 0);
        QCOMPARE(summary.trend.size(), 12);
        for (const ScanCoverage& c : summary.coverage)
            QVERIFY(!c.lastScan.isValid());
    }

    // The demo repository's known story: the critical PyYAML CVE is new and fixed within a day, and one high
    // finding goes overdue with its owner named.
    void demoStory()
    {
        QTemporaryDir dir;
        const auto head = DemoRepository::create(dir.path());
        QVERIFY2(head.ok(), qPrintable(head.ok() ? QString() : head.error().message));
        QTemporaryDir cache;
        const QDateTime now(QDate(2026, 11, 21), QTime(0, 0), Qt::UTC);
        const auto posture = PostureBuilder::compute(dir.path(), QString(), now, nullptr, cache.path());
        QVERIFY2(posture.ok(), qPrintable(posture.ok() ? QString() : posture.error().message));

        const IsoWeek first = IsoWeek::containing(posture->scans.first().time);
        const IsoWeek last = IsoWeek::containing(now);
        QCOMPARE(last.toString(), QStringLiteral("2026-W47"));
        int criticalWeeks = 0;
        for (IsoWeek w = first; w.monday() <= last.monday(); w = w.addWeeks(1)) {
            const WeeklySummary summary = summarizeWeek(*posture, w.year, w.week);
            for (const WeeklyFinding& f : summary.fixedFindings) {
                if (f.finding.severity != Severity::Critical)
                    continue;
                ++criticalWeeks;
                QCOMPARE(f.finding.rule, QStringLiteral("CVE-2020-14343"));
                QVERIFY(f.ageDays < 1.0);
                QCOMPARE(summary.medianDaysToFix.value(Severity::Critical), f.ageDays);
            }
        }
        QCOMPARE(criticalWeeks, 1);

        const WeeklySummary current = summarizeWeek(*posture, last.year, last.week);
        QCOMPARE(current.asOf, now);
        QCOMPARE(current.overdue.size(), posture->overdueCount());
        QCOMPARE(current.overdue.size(), 1);
        const WeeklyFinding& overdue = current.overdue.first();
        QCOMPARE(overdue.finding.severity, Severity::High);
        QVERIFY(overdue.ageDays > 7.0);
        auto repo = git::Repository::open(dir.path());
        QVERIFY(repo.ok());
        const auto commit = repo->commit(overdue.firstSeen.commit);
        QVERIFY(commit.ok());
        QVERIFY(!overdue.owner.isEmpty());
        QCOMPARE(overdue.owner, commit->author.name);
        // The week's open findings are the posture's, less those the history raises after `now` (the demo's
        // SonarQube analyses of late November).
        QMap<Severity, int> openByNow = posture->openBySeverity();
        for (const FindingLifecycle& f : posture->findings) {
            if (f.state == FindingState::Open && f.opened.time > now)
                --openByNow[f.finding.severity];
        }
        QCOMPARE(counts(current.open), counts(openByNow));
        // Only the nightly dependency scan ran in the last 7 days; the last SAST scan is older.
        QCOMPARE(coverage(current), QStringLiteral("dependency(trivy)"));
        QVERIFY(current.coverage.at(0).lastScan.isValid());
        QVERIFY(current.coverage.at(0).lastScan < now.addDays(-7));
        QCOMPARE(current.trend.size(), 12);
    }
};

QTEST_GUILESS_MAIN(TestWeeklySummary)
#include "tst_weeklysummary.moc"
