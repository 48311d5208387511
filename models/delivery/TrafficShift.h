// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "strategy/DeliveryStrategy.h"

#include <QList>
#include <QString>

namespace gatehouse::delivery {

/// One corner of a traffic-shift curve: after `step` steps of the rollout, `weight` percent of the traffic reaches
/// the new version. `label` says what the step is ("10 %", "pause 5m", "analysis success-rate", "promote").
struct TrafficPoint
{
    double step = 0;
    int weight = 0;
    QString label;

    friend bool operator==(const TrafficPoint&, const TrafficPoint&) = default;
};

/// Turns a strategy's steps into the curve the Deployments page draws: a canary climbs its
/// weights (pauses and analyses hold the weight one step) and is promoted to 100 % at the end; a blue-green
/// deployment stays at 0 % through its analyses, then switches at once; a rolling update ramps from 0 to 100 %;
/// recreate drops to nothing and comes back at 100 %. Empty for an unknown strategy. Pure; any thread.
class TrafficShift
{
public:
    static QList<TrafficPoint> curve(const EnvironmentStrategy& strategy);
    /// One line per step as written ("set weight 10 %", "pause 5m", "promote (manual)").
    static QStringList describeSteps(const QList<StrategyStep>& steps);
    /// "request-success-rate ≥ 99 · every 1m" (the gate's range or condition and interval).
    static QString describeMetric(const MetricGate& metric);
};

} // namespace gatehouse::delivery
