// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryStrategy.h"

#include <QJsonArray>

namespace gatehouse::delivery {

QString strategyKindName(StrategyKind kind)
{
    switch (kind) {
    case StrategyKind::Canary:
        return QStringLiteral("canary");
    case StrategyKind::BlueGreen:
        return QStringLiteral("blue-green");
    case StrategyKind::Rolling:
        return QStringLiteral("rolling");
    case StrategyKind::Recreate:
        return QStringLiteral("recreate");
    case StrategyKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString rollbackModeName(RollbackMode mode)
{
    switch (mode) {
    case RollbackMode::Automatic:
        return QStringLiteral("automatic");
    case RollbackMode::Manual:
        return QStringLiteral("manual");
    case RollbackMode::None:
        break;
    }
    return QStringLiteral("none");
}

StrategyStep StrategyStep::makeWeight(int percent)
{
    StrategyStep step;
    step.weight = percent;
    return step;
}

StrategyStep StrategyStep::makePause(const QString& duration)
{
    StrategyStep step;
    step.pause = duration;
    return step;
}

StrategyStep StrategyStep::makeAnalysis(const QString& names)
{
    StrategyStep step;
    step.analysis = names;
    return step;
}

StrategyStep StrategyStep::makePromote(bool automatic)
{
    StrategyStep step;
    step.promote = automatic ? QStringLiteral("automatic") : QStringLiteral("manual");
    return step;
}

StrategyStep StrategyStep::makeIterations(int count)
{
    StrategyStep step;
    step.iterations = count;
    return step;
}

QJsonObject StrategyStep::toJson() const
{
    QJsonObject object;
    if (weight)
        object.insert(QStringLiteral("weight"), *weight);
    else if (!pause.isEmpty())
        object.insert(QStringLiteral("pause"), pause);
    else if (!analysis.isEmpty())
        object.insert(QStringLiteral("analysis"), analysis);
    else if (!promote.isEmpty())
        object.insert(QStringLiteral("promote"), promote);
    else if (iterations)
        object.insert(QStringLiteral("iterations"), *iterations);
    if (!job.isEmpty())
        object.insert(QStringLiteral("job"), job);
    return object;
}

QJsonObject MetricGate::toJson() const
{
    // min/max are null when the gate has no such bound, so every metric has the same four contract keys.
    QJsonObject object{
        {QStringLiteral("name"), name},
        {QStringLiteral("min"), min ? QJsonValue(*min) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("max"), max ? QJsonValue(*max) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("interval"), interval.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(interval)},
    };
    if (!condition.isEmpty())
        object.insert(QStringLiteral("condition"), condition);
    if (failureLimit)
        object.insert(QStringLiteral("failureLimit"), *failureLimit);
    return object;
}

QJsonObject StrategyDiagnostic::toJson() const
{
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("line"), line},
                       {QStringLiteral("column"), column},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("message"), message}};
}

QJsonObject EnvironmentStrategy::toJson() const
{
    QJsonArray sourceArray;
    for (const StrategySource& source : sources) {
        QJsonObject object{{QStringLiteral("path"), source.path}, {QStringLiteral("line"), source.line}};
        if (!source.kind.isEmpty())
            object.insert(QStringLiteral("kind"), source.kind);
        if (!source.name.isEmpty())
            object.insert(QStringLiteral("name"), source.name);
        sourceArray.append(object);
    }
    QJsonArray stepArray;
    for (const StrategyStep& step : steps)
        stepArray.append(step.toJson());
    QJsonArray metricArray;
    for (const MetricGate& metric : metrics)
        metricArray.append(metric.toJson());
    QJsonObject object{
        {QStringLiteral("environment"), environment}, {QStringLiteral("strategy"), strategyKindName(strategy)},
        {QStringLiteral("sources"), sourceArray},     {QStringLiteral("steps"), stepArray},
        {QStringLiteral("metrics"), metricArray},     {QStringLiteral("rollback"), rollbackModeName(rollback)}};
    if (!expression.isEmpty()) {
        object.insert(QStringLiteral("expression"), expression);
        object.insert(QStringLiteral("chosenAtRunTime"), chosenAtRunTime);
        if (!resolvedFrom.isEmpty())
            object.insert(QStringLiteral("resolvedFrom"), resolvedFrom);
    }
    return object;
}

} // namespace gatehouse::delivery
