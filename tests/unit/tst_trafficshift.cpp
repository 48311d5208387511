// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "delivery/TrafficShift.h"

#include <QTest>

using namespace gatehouse::delivery;
using namespace Qt::StringLiterals;

namespace {

QString printed(const QList<TrafficPoint>& curve)
{
    QStringList parts;
    for (const TrafficPoint& p : curve)
        parts.append(QStringLiteral("%1:%2").arg(p.step).arg(p.weight));
    return parts.join(u' ');
}

EnvironmentStrategy strategy(StrategyKind kind, const QList<StrategyStep>& steps)
{
    EnvironmentStrategy s;
    s.environment = u"production"_s;
    s.strategy = kind;
    s.steps = steps;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(gatehouse::delivery::EnvironmentStrategy)

class TestTrafficShift : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curve_data()
    {
        QTest::addColumn<EnvironmentStrategy>("strategy");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << strategy(StrategyKind::Unknown, {}) << QString();
        QTest::newRow("rolling ramps") << strategy(StrategyKind::Rolling, {}) << u"0:0 1:100"_s;
        QTest::newRow("recreate") << strategy(StrategyKind::Recreate, {}) << u"0:0 1:100"_s;
        QTest::newRow("canary promoted after its last weight")
            << strategy(StrategyKind::Canary,
                        {StrategyStep::makeWeight(10), StrategyStep::makePause(u"5m"_s), StrategyStep::makeWeight(50),
                         StrategyStep::makeAnalysis(u"rate"_s)})
            << u"0:0 1:10 2:10 3:50 4:50 5:100"_s;
        QTest::newRow("canary with explicit promotion")
            << strategy(StrategyKind::Canary, {StrategyStep::makeWeight(20), StrategyStep::makePromote(false)})
            << u"0:0 1:20 2:100"_s;
        QTest::newRow("weights are clamped")
            << strategy(StrategyKind::Canary, {StrategyStep::makeWeight(150)}) << u"0:0 1:100"_s;
        QTest::newRow("blue-green holds at zero then switches")
            << strategy(StrategyKind::BlueGreen, {StrategyStep::makeIterations(10), StrategyStep::makePromote(true)})
            << u"0:0 1:0 2:100"_s;
    }

    void curve()
    {
        QFETCH(EnvironmentStrategy, strategy);
        QFETCH(QString, expected);
        QCOMPARE(printed(TrafficShift::curve(strategy)), expected);
    }

    void describes()
    {
        QList<StrategyStep> steps{StrategyStep::makeWeight(10), StrategyStep::makePause(u"manual"_s),
                                  StrategyStep::makePause(u"5m"_s), StrategyStep::makePromote(false)};
        steps[0].job = u"canary"_s;
        QCOMPARE(TrafficShift::describeSteps(steps),
                 (QStringList{u"set weight 10 % — job canary"_s, u"pause until promoted"_s, u"pause 5m"_s,
                              u"promote (manual)"_s}));
        MetricGate gate;
        gate.name = u"request-success-rate"_s;
        gate.min = 99;
        gate.interval = u"1m"_s;
        QCOMPARE(TrafficShift::describeMetric(gate), u"request-success-rate ≥ 99 · every 1m"_s);
        gate.max = 500;
        gate.failureLimit = 2;
        QCOMPARE(TrafficShift::describeMetric(gate),
                 u"request-success-rate in [99, 500] · every 1m · 2 failures allowed"_s);
        MetricGate argo;
        argo.name = u"error-rate"_s;
        argo.condition = u"result[0] <= 0.01"_s;
        QCOMPARE(TrafficShift::describeMetric(argo), u"error-rate: result[0] <= 0.01"_s);
    }
};

QTEST_GUILESS_MAIN(TestTrafficShift)
#include "tst_trafficshift.moc"
