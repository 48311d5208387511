// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrafficShift.h"

namespace gatehouse::delivery {

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

QList<TrafficPoint> TrafficShift::curve(const EnvironmentStrategy& strategy)
{
    QList<TrafficPoint> points;
    switch (strategy.strategy) {
    case StrategyKind::Unknown:
        return points;
    case StrategyKind::Rolling:
        return {{0, 0, QStringLiteral("start")}, {1, 100, QStringLiteral("all pods replaced")}};
    case StrategyKind::Recreate:
        return {{0, 0, QStringLiteral("old pods stopped")}, {1, 100, QStringLiteral("new pods running")}};
    case StrategyKind::BlueGreen:
    case StrategyKind::Canary:
        break;
    }
    int weight = 0;
    double step = 0;
    points.append({step, weight, QStringLiteral("start")});
    for (const StrategyStep& s : strategy.steps) {
        ++step;
        if (s.weight) {
            weight = qBound(0, *s.weight, 100);
            points.append({step, weight, QStringLiteral("%1 %").arg(weight)});
        } else if (!s.pause.isEmpty()) {
            points.append({step, weight, QStringLiteral("pause %1").arg(s.pause)});
        } else if (!s.analysis.isEmpty()) {
            points.append({step, weight, QStringLiteral("analysis %1").arg(s.analysis)});
        } else if (s.iterations) {
            points.append({step, weight, QStringLiteral("%1 analysis iterations").arg(*s.iterations)});
        } else if (!s.promote.isEmpty()) {
            weight = 100;
            points.append({step, weight, QStringLiteral("promote (%1)").arg(s.promote)});
        }
    }
    // Flagger and Argo promote once the last step passes, even when the steps stop below 100 %.
    if (weight < 100)
        points.append({step + 1, 100, QStringLiteral("promote")});
    return points;
}

QStringList TrafficShift::describeSteps(const QList<StrategyStep>& steps)
{
    QStringList lines;
    for (const StrategyStep& s : steps) {
        QString line;
        if (s.weight)
            line = QStringLiteral("set weight %1 %").arg(*s.weight);
        else if (!s.pause.isEmpty())
            line = s.pause == QLatin1String("manual") ? QStringLiteral("pause until promoted")
                                                      : QStringLiteral("pause %1").arg(s.pause);
        else if (!s.analysis.isEmpty())
            line = QStringLiteral("analysis: %1").arg(s.analysis);
        else if (s.iterations)
            line = QStringLiteral("%1 analysis iterations").arg(*s.iterations);
        else if (!s.promote.isEmpty())
            line = QStringLiteral("promote (%1)").arg(s.promote);
        if (line.isEmpty())
            continue;
        if (!s.job.isEmpty())
            line += QStringLiteral(" — job %1").arg(s.job);
        lines.append(line);
    }
    return lines;
}

QString TrafficShift::describeMetric(const MetricGate& metric)
{
    QString text = metric.name;
    if (metric.min && metric.max)
        text += QStringLiteral(" in [%1, %2]").arg(number(*metric.min), number(*metric.max));
    else if (metric.min)
        text += QStringLiteral(" ≥ %1").arg(number(*metric.min));
    else if (metric.max)
        text += QStringLiteral(" ≤ %1").arg(number(*metric.max));
    else if (!metric.condition.isEmpty())
        text += QStringLiteral(": %1").arg(metric.condition);
    if (!metric.interval.isEmpty())
        text += QStringLiteral(" · every %1").arg(metric.interval);
    if (metric.failureLimit)
        text += QStringLiteral(" · %1 failures allowed").arg(*metric.failureLimit);
    return text;
}

} // namespace gatehouse::delivery
