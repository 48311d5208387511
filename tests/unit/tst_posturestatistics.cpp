// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingSpec.h"
#include "security/PostureStatistics.h"

#include <QtTest>

using namespace gatehouse;

namespace {

QDateTime at(int day, int hour = 10)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC);
}

ScanReport report(const QString& tool, ReportFormat format, const QStringList& specs)
{
    return test::specReport(tool, format, specs);
}

Scan scan(const QDateTime& time, QList<ScanReport> reports)
{
    static int counter = 0;
    Scan s;
    s.commit = git::ObjectId::fromRaw(QByteArray(20, char(++counter)));
    s.time = time;
    s.reports = std::move(reports);
    return s;
}

// Week 10 of 2026 runs from Monday 2 March; week 11 from Monday 9 March.
Posture posture(const Triage& triage = Triage())
{
    const auto semgrep
        = [](const QStringList& specs) { return report(QStringLiteral("semgrep"), ReportFormat::Semgrep, specs); };
    ScanHistory h;
    h.scans = {
        scan(at(2),
             {semgrep({QStringLiteral("a!"), QStringLiteral("b"), QStringLiteral("c-")}),
              report(QStringLiteral("trivy"), ReportFormat::Trivy, {QStringLiteral("x")})}),
        scan(at(3, 8), {semgrep({QStringLiteral("b"), QStringLiteral("c-")})}),
        scan(at(9), {semgrep({QStringLiteral("a!"), QStringLiteral("b"), QStringLiteral("c-"), QStringLiteral("d")})}),
        scan(at(11), {semgrep({QStringLiteral("b"), QStringLiteral("c-"), QStringLiteral("d")})})};
    return PostureBuilder::build(h, SecurityConfig::defaults(), triage, at(12, 12));
}

int total(const QMap<QString, QMap<Severity, int>>& byTool, Severity severity)
{
    int n = 0;
    for (const auto& counts : byTool)
        n += counts.value(severity, 0);
    return n;
}

} // namespace

class TestPostureStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openByToolMatchesTheWeeklySummary_data()
    {
        QTest::addColumn<int>("week");
        QTest::addColumn<bool>("triaged");
        QTest::newRow("past week") << 10 << false;
        QTest::newRow("current week") << 11 << false;
        QTest::newRow("past week, triaged") << 10 << true;
        QTest::newRow("current week, triaged") << 11 << true;
    }
    void openByToolMatchesTheWeeklySummary()
    {
        QFETCH(int, week);
        QFETCH(bool, triaged);
        auto triage = Triage::parse(triaged ? "findings:\n  - rule: rule-c\n    status: false_positive\n"
                                              "  - fingerprint: b\n    status: accepted_risk\n    expires: 2026-03-10\n"
                                            : "");
        QVERIFY(triage.ok());
        const Posture p = posture(*triage);
        const WeeklySummary summary = summarizeWeek(p, 2026, week);
        const auto byTool = PostureStatistics::openByTool(p, summary.asOf);
        for (Severity s : allSeverities())
            QCOMPARE(total(byTool, s), summary.open.value(s, 0));
        QCOMPARE(byTool.value(QStringLiteral("trivy")).value(Severity::High), 1);
    }

    void fixDurations()
    {
        const Posture p = posture();
        // The critical was fixed after 22 hours, came back on 9 March and was fixed again two days later; only the
        // current episode counts, as in the weekly summary and the posture summary.
        QCOMPARE(PostureStatistics::fixDurations(p, at(12)).value(Severity::Critical), QList<double>{2.0});
        QVERIFY(PostureStatistics::fixDurations(p, at(10)).value(Severity::Critical).isEmpty());
        const WeeklySummary summary = summarizeWeek(p, 2026, 11);
        QCOMPARE(PostureStatistics::median(PostureStatistics::fixDurations(p, summary.asOf).value(Severity::Critical)),
                 summary.medianDaysToFix.value(Severity::Critical));
        QCOMPARE(PostureStatistics::median({}), 0.0);
        QCOMPARE(PostureStatistics::median({3, 1, 2}), 2.0);
        QCOMPARE(PostureStatistics::median({4, 1, 2, 3}), 2.5);
    }

    void weeklyTrendCoversTheHistory()
    {
        const Posture p = posture();
        const QList<WeekTrendPoint> weeks = PostureStatistics::weeklyTrend(p);
        QCOMPARE(weeks.size(), 2);
        QCOMPARE(weeks.at(0).week.toString(), QStringLiteral("2026-W10"));
        QCOMPARE(weeks.at(1).week.toString(), QStringLiteral("2026-W11"));
        int scanNew = 0;
        int scanFixed = 0;
        for (const ScanSummary& s : p.scans) {
            scanNew += s.newFindings;
            scanFixed += s.fixedFindings;
        }
        QCOMPARE(weeks.at(0).newFindings + weeks.at(1).newFindings, scanNew);
        QCOMPARE(weeks.at(0).fixedFindings + weeks.at(1).fixedFindings, scanFixed);
        QCOMPARE(weeks.at(0).scans, 2);
        QCOMPARE(PostureStatistics::weeklyTrend(p, 1).size(), 1);
        QVERIFY(PostureStatistics::weeklyTrend(Posture()).isEmpty());
    }

    void episodes()
    {
        const Posture p = posture();
        const FindingLifecycle* a = nullptr;
        for (const FindingLifecycle& f : p.findings) {
            if (f.finding.fingerprint == QLatin1String("a"))
                a = &f;
        }
        QVERIFY(a);
        QCOMPARE(a->pastEpisodes.size(), 1);
        QCOMPARE(a->pastEpisodes.at(0).opened.time, at(2));
        QCOMPARE(a->pastEpisodes.at(0).fixed.time, at(3, 8));
        QCOMPARE(a->episodes().size(), 2);
        QVERIFY(a->episodeAt(at(2, 12)).has_value());
        QVERIFY(!a->episodeAt(at(5)).has_value());
        QCOMPARE(a->episodeAt(at(10))->opened.time, at(9));
        QVERIFY(!a->episodeAt(at(12)).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPostureStatistics)
#include "tst_posturestatistics.moc"
