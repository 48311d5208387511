// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/tuning/ScanTuning.h"

#include <QJsonArray>
#include <QtTest>

using namespace gatehouse;

namespace {

const QDateTime Now(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);

/// One finding of `rule`, opened `daysAgo` before Now, in `state` ('o' open, 'f' fixed after 2 days, 'p' false
/// positive, 'a' accepted).
FindingLifecycle lifecycle(const QString& tool, const QString& rule, int daysAgo, char state, int n)
{
    FindingLifecycle f;
    f.finding.tool = tool;
    f.finding.rule = rule;
    f.finding.fingerprint = QStringLiteral("%1-%2-%3").arg(tool, rule).arg(n);
    f.finding.location.path = QStringLiteral("src/f%1.py").arg(n);
    f.opened.commit = git::ObjectId::fromHex(QStringLiteral("1111111111111111111111111111111111111111"));
    f.opened.time = Now.addDays(-daysAgo);
    f.firstSeen = f.opened;
    f.ageDays = daysAgo;
    switch (state) {
    case 'f':
        f.state = FindingState::Fixed;
        f.fixed = ScanPoint{f.opened.commit, f.opened.time.addDays(2)};
        f.ageDays = 2;
        break;
    case 'p':
        f.state = FindingState::FalsePositive;
        f.triage = TriageEntry{};
        f.triage->status = TriageStatus::FalsePositive;
        break;
    case 'a':
        f.state = FindingState::Accepted;
        f.triage = TriageEntry{};
        f.triage->status = TriageStatus::AcceptedRisk;
        break;
    default:
        f.state = FindingState::Open;
    }
    return f;
}

/// A posture with one rule whose findings have the states of `states`, all opened `daysAgo` ago.
Posture posture(const QString& states, int daysAgo = 40)
{
    Posture p;
    p.now = Now;
    int n = 0;
    for (QChar c : states)
        p.findings << lifecycle(QStringLiteral("semgrep"), QStringLiteral("python.flask.debug"), daysAgo, c.toLatin1(),
                                ++n);
    return p;
}

} // namespace

class TestScanTuning : public QObject
{
    Q_OBJECT

private slots:
    void recommendation_data()
    {
        QTest::addColumn<QString>("states");
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<QString>("advice");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("mostly false positives → disable") << "pppf" << 40 << "disable"
                                                          << "3 of 4 findings";
        QTest::newRow("exactly half false → disable") << "ppff" << 40 << "disable"
                                                      << "(50%)";
        QTest::newRow("a quarter false → raise threshold") << "pfff" << 40 << "raise-threshold"
                                                           << "(25%)";
        QTest::newRow("never fixed, old, accepted → raise threshold")
            << "aaoo" << 60 << "raise-threshold"
            << "4 of 4 findings were never fixed (2 accepted)";
        QTest::newRow("never fixed but recent → keep") << "aaoo" << 10 << "keep"
                                                       << "0 of 4 findings fixed";
        QTest::newRow("all fixed → keep") << "ffff" << 40 << "keep"
                                          << "4 of 4 findings fixed";
        QTest::newRow("too few to judge") << "pp" << 40 << "keep"
                                          << "too few to judge";
    }
    void recommendation()
    {
        QFETCH(QString, states);
        QFETCH(int, daysAgo);
        QFETCH(QString, reasonPart);
        const TuningReport report = ScanTuning::analyse(posture(states, daysAgo));
        QCOMPARE(report.rules.size(), 1);
        const RuleNoise& rule = report.rules.first();
        QTEST(tuningAdviceName(rule.advice), "advice");
        QVERIFY2(rule.reason.contains(reasonPart), qPrintable(rule.reason));
        QCOMPARE(rule.raised, states.size());
        QCOMPARE(rule.falsePositive, int(states.count(QLatin1Char('p'))));
        QCOMPARE(rule.accepted, int(states.count(QLatin1Char('a'))));
        QCOMPARE(rule.fixed, int(states.count(QLatin1Char('f'))));
    }

    void window()
    {
        Posture p = posture(QStringLiteral("ppp"), 40);
        p.findings << lifecycle(QStringLiteral("trivy"), QStringLiteral("CVE-2024-1"), 200, 'p', 9);
        const TuningReport ninety = ScanTuning::analyse(p);
        QCOMPARE(ninety.rules.size(), 1);
        QCOMPARE(ninety.days, 90);
        QCOMPARE(ninety.from, Now.addDays(-90));
        const TuningReport year = ScanTuning::analyse(p, 365);
        QCOMPARE(year.rules.size(), 2);
        const TuningReport week = ScanTuning::analyse(p, 7);
        QVERIFY(week.rules.isEmpty());
    }

    void jsonContract()
    {
        Posture p = posture(QStringLiteral("pppf"));
        p.findings << lifecycle(QStringLiteral("bandit"), QStringLiteral("B101"), 5, 'f', 7);
        const QJsonObject json = ScanTuning::analyse(p).toJson();
        const QJsonObject window = json.value(QStringLiteral("window")).toObject();
        QCOMPARE(window.value(QStringLiteral("days")).toInt(), 90);
        QCOMPARE(window.value(QStringLiteral("to")).toString(), QStringLiteral("2026-06-30T12:00:00Z"));
        const QJsonArray rules = json.value(QStringLiteral("rules")).toArray();
        QCOMPARE(rules.size(), 2);
        const QJsonObject first = rules.first().toObject();
        for (const char* key :
             {"tool", "rule", "raised", "false_positive", "accepted", "fixed", "fp_rate", "recommendation", "reason"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("recommendation")).toString(), QStringLiteral("disable"));
        QCOMPARE(first.value(QStringLiteral("fp_rate")).toDouble(), 0.75);
        QCOMPARE(first.value(QStringLiteral("median_days_open")).toDouble(), 40.0);
        QCOMPARE(rules.last().toObject().value(QStringLiteral("recommendation")).toString(), QStringLiteral("keep"));
        QVERIFY(ScanTuning::analyse(p).toText().contains(QStringLiteral("disable")));
    }

    void fingerprintsOfUnfixed()
    {
        const TuningReport report = ScanTuning::analyse(posture(QStringLiteral("pf")));
        QCOMPARE(report.rules.first().fingerprints, QStringList{QStringLiteral("semgrep-python.flask.debug-1")});
        QCOMPARE(report.rules.first().paths, QStringList{QStringLiteral("src/f1.py")});
    }
};

QTEST_GUILESS_MAIN(TestScanTuning)
#include "tst_scantuning.moc"
