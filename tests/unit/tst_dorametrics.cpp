// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/DoraMetrics.h"

#include <QTest>
#include <QTimeZone>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(gatehouse::delivery::DoraMetric)
Q_DECLARE_METATYPE(std::optional<double>)

namespace {

QDateTime day(int d, int hour = 12)
{
    return QDateTime(QDate(2026, 3, d), QTime(hour, 0), QTimeZone::utc());
}

// A hand-made history: values only, no repository.
//   production: p1 (1st), p2 (2nd, leads 3600 7200), p3 (4th, failed, leads 100), p4 (5th, rollback),
//   p5 (8th, leads 0 86400 50)
//   staging:    s1 (3rd), s2 (6th, leads 60)
DeploymentHistory sampleHistory()
{
    DeploymentHistory history;
    auto add = [&](const QString& tag, const QString& env, const QDateTime& time, QList<qint64> leads, bool failed,
                   bool rollback, bool first) {
        Deployment d;
        d.tag = tag;
        d.environment = env;
        d.time = time;
        d.leadTimesSeconds = leads;
        d.failed = failed;
        d.rollback = rollback;
        if (!first)
            d.changes = QList<gatehouse::git::ObjectId>();
        history.deployments.append(d);
    };
    add(u"p1"_s, u"production"_s, day(1), {}, false, false, true);
    add(u"p2"_s, u"production"_s, day(2), {3600, 7200}, false, false, false);
    add(u"s1"_s, u"staging"_s, day(3), {}, false, false, true);
    add(u"p3"_s, u"production"_s, day(4), {100}, true, false, false);
    add(u"p4"_s, u"production"_s, day(5), {}, false, true, false);
    add(u"s2"_s, u"staging"_s, day(6), {60}, false, false, false);
    add(u"p5"_s, u"production"_s, day(8), {0, 86400, 50}, false, false, false);
    return history;
}

} // namespace

class TestDoraMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentiles_data();
    void percentiles();
    void bands_data();
    void bands();
    void windows_data();
    void windows();
    void unrestoredFailure();
    void thresholdTable();
};

void TestDoraMetrics::percentiles_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected"); // -1: none
    QTest::newRow("empty") << QList<qint64>{} << 0.5 << -1.0;
    QTest::newRow("one") << QList<qint64>{7} << 0.5 << 7.0;
    QTest::newRow("odd median") << QList<qint64>{9, 1, 5} << 0.5 << 5.0;
    QTest::newRow("even median averages") << QList<qint64>{4, 1, 3, 2} << 0.5 << 2.5;
    QTest::newRow("p90 interpolates") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 0.9 << 9.1;
    QTest::newRow("p90 of two") << QList<qint64>{0, 100} << 0.9 << 90.0;
    QTest::newRow("p0") << QList<qint64>{5, 3} << 0.0 << 3.0;
    QTest::newRow("p100") << QList<qint64>{5, 3} << 1.0 << 5.0;
}

void TestDoraMetrics::percentiles()
{
    QFETCH(QList<qint64>, values);
    QFETCH(double, p);
    QFETCH(double, expected);
    const std::optional<double> result = percentile(values, p);
    QCOMPARE(result.has_value(), expected >= 0);
    if (result)
        QVERIFY2(qAbs(*result - expected) < 1e-9, qPrintable(QString::number(*result)));
}

void TestDoraMetrics::bands_data()
{
    QTest::addColumn<DoraMetric>("metric");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("band");
    const double hour = 3600, day = 86400;
    QTest::newRow("freq 14/week elite") << DoraMetric::DeploymentFrequency << 14.0 << u"elite"_s;
    QTest::newRow("freq exactly daily is high") << DoraMetric::DeploymentFrequency << 7.0 << u"high"_s;
    QTest::newRow("freq weekly high") << DoraMetric::DeploymentFrequency << 1.0 << u"high"_s;
    QTest::newRow("freq 0.5 medium") << DoraMetric::DeploymentFrequency << 0.5 << u"medium"_s;
    QTest::newRow("freq monthly medium") << DoraMetric::DeploymentFrequency << 12.0 / 52.0 << u"medium"_s;
    QTest::newRow("freq 0.1 low") << DoraMetric::DeploymentFrequency << 0.1 << u"low"_s;
    QTest::newRow("freq 0 low") << DoraMetric::DeploymentFrequency << 0.0 << u"low"_s;
    QTest::newRow("lead 1h elite") << DoraMetric::LeadTime << hour << u"elite"_s;
    QTest::newRow("lead 1 day high") << DoraMetric::LeadTime << day << u"high"_s;
    QTest::newRow("lead 7 days medium") << DoraMetric::LeadTime << 7 * day << u"medium"_s;
    QTest::newRow("lead 30 days low") << DoraMetric::LeadTime << 30 * day << u"low"_s;
    QTest::newRow("cfr 0 elite") << DoraMetric::ChangeFailureRate << 0.0 << u"elite"_s;
    QTest::newRow("cfr 5% elite") << DoraMetric::ChangeFailureRate << 0.05 << u"elite"_s;
    QTest::newRow("cfr 10% high") << DoraMetric::ChangeFailureRate << 0.10 << u"high"_s;
    QTest::newRow("cfr 15% medium") << DoraMetric::ChangeFailureRate << 0.15 << u"medium"_s;
    QTest::newRow("cfr 16% low") << DoraMetric::ChangeFailureRate << 0.16 << u"low"_s;
    QTest::newRow("ttr 30 min elite") << DoraMetric::TimeToRestore << 1800.0 << u"elite"_s;
    QTest::newRow("ttr 1h high") << DoraMetric::TimeToRestore << hour << u"high"_s;
    QTest::newRow("ttr 1 day medium") << DoraMetric::TimeToRestore << day << u"medium"_s;
    QTest::newRow("ttr 2 weeks medium (gap)") << DoraMetric::TimeToRestore << 14 * day << u"medium"_s;
    QTest::newRow("ttr 30 days low") << DoraMetric::TimeToRestore << 30 * day << u"low"_s;
}

void TestDoraMetrics::bands()
{
    QFETCH(DoraMetric, metric);
    QFETCH(double, value);
    QFETCH(QString, band);
    const std::optional<DoraBand> result = DoraMetrics::bandFor(metric, value);
    QVERIFY(result.has_value());
    QCOMPARE(doraBandName(*result), band);
    QVERIFY(!DoraMetrics::bandFor(metric, std::nullopt));
}

void TestDoraMetrics::windows_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QDateTime>("since");
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<int>("deployments");
    QTest::addColumn<std::optional<double>>("frequency");
    QTest::addColumn<std::optional<double>>("leadMedian");
    QTest::addColumn<std::optional<double>>("leadP90");
    QTest::addColumn<std::optional<double>>("failureRate");
    QTest::addColumn<std::optional<double>>("rollbackRate");
    QTest::addColumn<std::optional<double>>("restoreMedian");
    QTest::addColumn<QString>("band");
    using O = std::optional<double>;
    const O none;

    // Leads 3600 7200 100 0 86400 50 → sorted 0 50 100 3600 7200 86400: median 1850, p90 rank 4.5 → 46800.
    // p3 failed on the 4th, restored by p4 on the 5th: 86400 s.
    QTest::newRow("production, default window (1st to 8th)")
        << u"production"_s << QDateTime() << QDateTime() << 5 << O(5.0) << O(1850.0) << O(46800.0) << O(0.2) << O(0.2)
        << O(86400.0) << u"low"_s;
    QTest::newRow("production, 2nd to 4th") << u"production"_s << day(2) << day(4) << 2 << O(7.0) << O(3600.0)
                                            << O(6480.0) << O(0.5) << O(0.0) << O(86400.0) << u"low"_s;
    QTest::newRow("staging, default window") << u"staging"_s << QDateTime() << QDateTime() << 2 << O(14.0 / 3.0)
                                             << O(60.0) << O(60.0) << O(0.0) << O(0.0) << none << u"high"_s;
    QTest::newRow("empty window: frequency 0, the rest null")
        << u"production"_s << day(20) << day(27) << 0 << O(0.0) << none << none << none << none << none << u"low"_s;
    QTest::newRow("unknown environment: nothing")
        << u"canary"_s << QDateTime() << QDateTime() << 0 << none << none << none << none << none << none << u""_s;
    QTest::newRow("window without length") << u"production"_s << day(8) << day(8) << 1 << none << O(50.0) << O(69130.0)
                                           << O(0.0) << O(0.0) << none << u"elite"_s;
    QTest::newRow("reversed window") << u"production"_s << day(8) << day(1) << 0 << none << none << none << none << none
                                     << none << u""_s;
}

void TestDoraMetrics::windows()
{
    QFETCH(QString, environment);
    QFETCH(QDateTime, since);
    QFETCH(QDateTime, until);
    QFETCH(int, deployments);
    QFETCH(std::optional<double>, frequency);
    QFETCH(std::optional<double>, leadMedian);
    QFETCH(std::optional<double>, leadP90);
    QFETCH(std::optional<double>, failureRate);
    QFETCH(std::optional<double>, rollbackRate);
    QFETCH(std::optional<double>, restoreMedian);
    QFETCH(QString, band);

    const DoraSummary dora = DoraMetrics::compute(sampleHistory(), environment, since, until);
    QCOMPARE(dora.environment, environment);
    QCOMPARE(dora.deployments, deployments);
    auto same = [](std::optional<double> a, std::optional<double> b) {
        return a.has_value() == b.has_value() && (!a || qAbs(*a - *b) < 1e-6);
    };
    auto text = [](std::optional<double> v) { return v ? QString::number(*v, 'f', 6) : u"null"_s; };
    QVERIFY2(same(dora.deploymentFrequencyPerWeek, frequency), qPrintable(text(dora.deploymentFrequencyPerWeek)));
    QVERIFY2(same(dora.leadTimeMedianSeconds, leadMedian), qPrintable(text(dora.leadTimeMedianSeconds)));
    QVERIFY2(same(dora.leadTimeP90Seconds, leadP90), qPrintable(text(dora.leadTimeP90Seconds)));
    QVERIFY2(same(dora.changeFailureRate, failureRate), qPrintable(text(dora.changeFailureRate)));
    QVERIFY2(same(dora.rollbackRate, rollbackRate), qPrintable(text(dora.rollbackRate)));
    QVERIFY2(same(dora.timeToRestoreMedianSeconds, restoreMedian), qPrintable(text(dora.timeToRestoreMedianSeconds)));
    QCOMPARE(dora.band ? doraBandName(*dora.band) : QString(), band);
}

void TestDoraMetrics::unrestoredFailure()
{
    DeploymentHistory history = sampleHistory();
    history.deployments.last().failed = true; // p5: nothing after it
    const DoraSummary dora = DoraMetrics::compute(history, u"production"_s);
    QCOMPARE(dora.failedDeployments, 2);
    QCOMPARE(dora.unrestoredFailures, 1);
    QCOMPARE(dora.timeToRestoreMedianSeconds.value_or(-1), 86400.0);
    QVERIFY(dora.notes.join(u' ').contains(u"not yet restored"_s));
}

void TestDoraMetrics::thresholdTable()
{
    QCOMPARE(DoraMetrics::thresholds().size(), 4);
    for (const DoraThreshold& row : DoraMetrics::thresholds()) {
        // Bounds must be monotonic, or some band would be unreachable.
        if (row.higherIsBetter)
            QVERIFY(row.elite > row.high && row.high > row.medium);
        else
            QVERIFY(row.elite < row.high && row.high < row.medium);
    }
    QVERIFY(DoraMetrics::source().contains(u"2023"_s));
}

QTEST_GUILESS_MAIN(TestDoraMetrics)
#include "tst_dorametrics.moc"
