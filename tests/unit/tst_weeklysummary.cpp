// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/WeeklySummary.h"

#include <QJsonArray>
#include <QtTest>

using namespace gatehouse;

namespace {

QDateTime at(int day, int hour = 10)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), Qt::UTC);
}

/// "a" → a high finding with fingerprint "a"; "a!" → critical, "a-" → low.
Finding finding(const QString& tool, FindingCategory category, QString spec)
{
    Finding f;
    f.tool = tool;
    f.category = category;
    f.severity = Severity::High;
    if (spec.endsWith(QLatin1Char('!'))) {
        f.severity = Severity::Critical;
        spec.chop(1);
    } else if (spec.endsWith(QLatin1Char('-'))) {
        f.severity = Severity::Low;
        spec.chop(1);
    }
    f.fingerprint = spec;
    f.rule = QStringLiteral("rule-") + spec;
    f.title = QStringLiteral("Finding ") + spec;
    return f;
}

ScanReport semgrep(const QStringList& specs)
{
    ScanReport r;
    r.tool = QStringLiteral("semgrep");
    r.format = ReportFormat::Semgrep;
    r.path = QStringLiteral("reports/semgrep.json");
    for (const QString& spec : specs)
        r.findings << finding(r.tool, FindingCategory::Sast, spec);
    return r;
}

ScanReport trivy(const QStringList& specs)
{
    ScanReport r;
    r.tool = QStringLiteral("trivy");
    r.format = ReportFormat::Trivy;
    r.path = QStringLiteral("reports/trivy.json");
    for (const QString& spec : specs)
        r.findings << finding(r.tool, FindingCategory::Dependency, spec);
    return r;
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

// Week 10 of 2026 is Mon 2 March to Sun 8 March; week 11 starts on 9 March.
ScanHistory history()
{
    ScanHistory h;
    h.scans = {
        scan(
            at(2),
            {semgrep({QStringLiteral("a!"), QStringLiteral("b"), QStringLiteral("c-")}), trivy({QStringLiteral("x")})}),
        scan(at(3, 8), {semgrep({QStringLiteral("b"), QStringLiteral("c-")})}),
        scan(at(9), {semgrep({QStringLiteral("a!"), QStringLiteral("b"), QStringLiteral("c-"), QStringLiteral("d")})}),
        scan(at(11), {semgrep({QStringLiteral("b"), QStringLiteral("c-"), QStringLiteral("d")})})};
    return h;
}

QString fingerprints(const Posture& posture, const QList<qsizetype>& indexes)
{
    QStringList list;
    for (qsizetype i : indexes)
        list << posture.findings.at(i).finding.fingerprint;
    list.sort();
    return list.join(QLatin1Char(','));
}

QString categories(const QList<FindingCategory>& list)
{
    QStringList names;
    for (FindingCategory c : list)
        names << categoryName(c);
    return names.join(QLatin1Char(','));
}

} // namespace

class TestWeeklySummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isoWeeks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QDate>("monday");
        QTest::newRow("plain") << QStringLiteral("2026-W47") << true << QDate(2026, 11, 16);
        QTest::newRow("no dash, lower case") << QStringLiteral("2026w10") << true << QDate(2026, 3, 2);
        QTest::newRow("week 1 starts in December") << QStringLiteral("2026-W01") << true << QDate(2025, 12, 29);
        QTest::newRow("2026 has 53 weeks") << QStringLiteral("2026-W53") << true << QDate(2026, 12, 28);
        QTest::newRow("2025 has 52") << QStringLiteral("2025-W53") << false << QDate();
        QTest::newRow("week 0") << QStringLiteral("2026-W00") << false << QDate();
        QTest::newRow("garbage") << QStringLiteral("last week") << false << QDate();
        QTest::newRow("a date") << QStringLiteral("2026-11-16") << false << QDate();
    }
    void isoWeeks()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QDate, monday);
        const auto week = IsoWeek::parse(text);
        QCOMPARE(week.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(week->monday(), monday);
        QCOMPARE(week->start(), monday.startOfDay(Qt::UTC));
        QCOMPARE(week->end(), monday.addDays(7).startOfDay(Qt::UTC));
        QCOMPARE(IsoWeek::of(monday.addDays(6)), *week);
        QCOMPARE(week->next().previous(), *week);
        QCOMPARE(IsoWeek::parse(week->toString()), week);
    }

    void yearBoundary()
    {
        QCOMPARE(IsoWeek::of(QDate(2027, 1, 1)).toString(), QStringLiteral("2026-W53"));
        QCOMPARE(IsoWeek::of(QDate(2026, 12, 31)).next().toString(), QStringLiteral("2027-W01"));
        QVERIFY((IsoWeek{2026, 53} < IsoWeek{2027, 1}));
    }

    void weekCounts()
    {
        const Posture posture = PostureBuilder::build(history(), SecurityConfig::defaults(), Triage(), at(12, 12));

        const WeeklySummary w10 = summarizeWeek(posture, 2026, 10);
        QVERIFY(w10.complete);
        QCOMPARE(w10.asOf, at(9, 0));
        QCOMPARE(w10.scans, 2);
        QCOMPARE(w10.newFindings, 4);
        QCOMPARE(w10.fixedFindings, 1);
        QCOMPARE(fingerprints(posture, w10.fixedIndexes), QStringLiteral("a"));
        QCOMPARE(w10.openCount(Severity::Critical), 0);
        QCOMPARE(w10.openCount(Severity::High), 2); // b and x
        QCOMPARE(w10.openCount(Severity::Low), 1);
        QCOMPARE(w10.overdue, 0); // b and x are due on 9 March at 10:00, after the week's end
        QVERIFY(qAbs(w10.medianDaysToFix.value(Severity::Critical) - 22.0 / 24.0) < 1e-6);
        QCOMPARE(categories(w10.coveredCategories()), QStringLiteral("sast,dependency"));

        // The running week is evaluated now: its numbers are the posture's.
        const WeeklySummary w11 = summarizeWeek(posture, 2026, 11);
        QVERIFY(!w11.complete);
        QCOMPARE(w11.asOf, posture.now);
        QCOMPARE(w11.newFindings, 2); // d, and a reintroduced
        QCOMPARE(fingerprints(posture, w11.newIndexes), QStringLiteral("a,d"));
        QCOMPARE(w11.fixedFindings, 1);
        QCOMPARE(w11.open, posture.openBySeverity());
        QCOMPARE(w11.overdue, posture.overdueCount());
        QCOMPARE(w11.overdue, 2);
        QCOMPARE(fingerprints(posture, w11.overdueIndexes), QStringLiteral("b,x"));
        QCOMPARE(w11.medianDaysToFix, posture.medianDaysToFix());
        QVERIFY(qAbs(w11.medianDaysToFix.value(Severity::Critical) - (22.0 / 24.0 + 2.0) / 2.0) < 1e-6);
        // The trivy scan is ten days old: dependencies are no longer covered.
        QCOMPARE(categories(w11.coveredCategories()), QStringLiteral("sast"));
        QCOMPARE(categories(w11.uncoveredCategories()), QStringLiteral("dependency,container,secret,dast"));

        // New and fixed per week add up to the scans' counts.
        int scanNew = 0;
        int scanFixed = 0;
        for (const ScanSummary& s : posture.scans) {
            scanNew += s.newFindings;
            scanFixed += s.fixedFindings;
        }
        const QList<WeeklySummary> weeks = summarizeWeeks(posture);
        QCOMPARE(weeks.size(), 2);
        QCOMPARE(weeks.at(0).newFindings + weeks.at(1).newFindings, scanNew);
        QCOMPARE(weeks.at(0).fixedFindings + weeks.at(1).fixedFindings, scanFixed);

        // Before the first scan and after "now" there is nothing.
        const WeeklySummary before = summarizeWeek(posture, 2026, 9);
        QCOMPARE(before.newFindings, 0);
        QVERIFY(before.open.isEmpty());
        const WeeklySummary after = summarizeWeek(posture, 2026, 14);
        QCOMPARE(after.asOf, posture.now);
        QCOMPARE(after.newFindings, 0);
        QVERIFY(!summarizeWeek(posture, 2026, 60).week.isValid());
    }

    void triageAtTheWeeksEnd()
    {
        auto triage = Triage::parse("findings:\n"
                                    "  - rule: rule-c\n    status: false_positive\n    reason: test code\n"
                                    "  - fingerprint: b\n    status: accepted_risk\n    reason: mitigated\n"
                                    "    expires: 2026-03-10\n");
        QVERIFY(triage.ok());
        const Posture posture = PostureBuilder::build(history(), SecurityConfig::defaults(), *triage, at(12, 12));
        const WeeklySummary w10 = summarizeWeek(posture, 2026, 10);
        QCOMPARE(w10.openCount(Severity::Low), 0); // the false positive never counts
        QCOMPARE(w10.openCount(Severity::High), 1); // b is accepted until 10 March
        const WeeklySummary w11 = summarizeWeek(posture, 2026, 11);
        QCOMPARE(w11.openCount(Severity::High), 3); // the acceptance expired: b reopened
        QCOMPARE(fingerprints(posture, w11.overdueIndexes), QStringLiteral("b,x"));
        QCOMPARE(w11.open, posture.openBySeverity());
    }

    void json()
    {
        const Posture posture = PostureBuilder::build(history(), SecurityConfig::defaults(), Triage(), at(12, 12));
        const QJsonObject o = summarizeWeek(posture, 2026, 11).toJson(&posture);
        QCOMPARE(o.value(QStringLiteral("week")).toString(), QStringLiteral("2026-W11"));
        QCOMPARE(o.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-09T00:00:00Z"));
        QCOMPARE(o.value(QStringLiteral("as_of")).toString(), QStringLiteral("2026-03-12T12:00:00Z"));
        QCOMPARE(o.value(QStringLiteral("complete")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("open")).toObject().value(QStringLiteral("high")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("new")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("overdue")).toInt(), 2);
        QCOMPARE(o.value(QStringLiteral("median_days_to_fix")).toObject().value(QStringLiteral("critical")).toDouble(),
                 1.5);
        QCOMPARE(o.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("covered")).toArray().size(), 1);
        const QJsonArray overdue = o.value(QStringLiteral("overdue_findings")).toArray();
        QCOMPARE(overdue.size(), 2);
        QCOMPARE(overdue.at(0).toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
        QVERIFY(!summarizeWeek(posture, 2026, 11).toJson().contains(QStringLiteral("new_findings")));
    }

    void openByToolAndFixDurations()
    {
        const Posture posture = PostureBuilder::build(history(), SecurityConfig::defaults(), Triage(), at(12, 12));
        const auto tools = openByTool(posture, at(12, 12));
        QCOMPARE(tools.value(QStringLiteral("semgrep")).value(Severity::High), 2);
        QCOMPARE(tools.value(QStringLiteral("trivy")).value(Severity::High), 1);
        QCOMPARE(fixDurations(posture, at(12)).value(Severity::Critical).size(), 2);
        QCOMPARE(fixDurations(posture, at(10)).value(Severity::Critical).size(), 1);
        QCOMPARE(median({}), 0.0);
        QCOMPARE(median({3, 1, 2}), 2.0);
    }
};

QTEST_GUILESS_MAIN(TestWeeklySummary)
#include "tst_weeklysummary.moc"
