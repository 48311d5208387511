// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace gatehouse::delivery {

/// How a change reaches an environment's users. Names are the JSON contract of `gatehouse strategies`.
enum class StrategyKind
{
    Unknown, ///< something deploys there, but nothing says how
    Recreate, ///< Deployment `Recreate`: old pods go before new ones come
    Rolling, ///< Deployment `RollingUpdate` (Kubernetes' default)
    BlueGreen, ///< two full versions, traffic switched at once (Argo blueGreen, Flagger iterations, Service selector)
    Canary, ///< traffic shifted to the new version progressively
};

/// What undoes a bad release.
enum class RollbackMode
{
    None, ///< nothing found
    Manual, ///< a person has to act (promote/abort jobs, switching a Service back, `helm rollback` on demand)
    Automatic, ///< a metric analysis or a failed rollout undoes it by itself (Flagger, Argo analysis, helm --atomic)
};

QString strategyKindName(StrategyKind kind);
QString rollbackModeName(RollbackMode mode);

/// Where a strategy was read: a file and a 1-based line. `kind`/`name` say which object (e.g. "Canary"/"podinfo",
/// "job"/"deploy-production").
struct StrategySource
{
    QString path;
    int line = 0;
    QString kind;
    QString name;

    friend bool operator==(const StrategySource&, const StrategySource&) = default;
};

/// One step of a rollout, in order. Exactly one of the step keys is set:
///  - weight:   percent of traffic sent to the new version           → {"weight":10}
///  - pause:    a wait; a duration as written ("5m", "30s"), or "manual" for a hold until someone promotes
///                                                                   → {"pause":"5m"}
///  - analysis: an analysis gate (Argo template names joined with ",", or "metrics" for Flagger's checks)
///                                                                   → {"analysis":"success-rate"}
///  - promote:  the switch of all traffic to the new version, "automatic" or "manual" → {"promote":"manual"}
///  - iterations: Flagger blue-green / A/B runs N analysis iterations before promoting → {"iterations":10}
/// `job` names the pipeline job a step comes from (pipelines only) and is added to the JSON when set.
struct StrategyStep
{
    std::optional<int> weight;
    QString pause;
    QString analysis;
    QString promote;
    std::optional<int> iterations;
    QString job;

    static StrategyStep makeWeight(int percent);
    static StrategyStep makePause(const QString& duration);
    static StrategyStep makeAnalysis(const QString& names);
    static StrategyStep makePromote(bool automatic);
    static StrategyStep makeIterations(int count);

    QJsonObject toJson() const;
    friend bool operator==(const StrategyStep&, const StrategyStep&) = default;
};

/// A metric gate: the accepted range (Flagger thresholdRange) or condition (Argo successCondition/failureCondition)
/// and the sampling interval.
struct MetricGate
{
    QString name;
    std::optional<double> min;
    std::optional<double> max;
    QString interval;
    QString condition; ///< Argo's expression as written, e.g. "result[0] >= 0.95"
    std::optional<int> failureLimit; ///< Argo failureLimit / Flagger analysis threshold

    QJsonObject toJson() const;
    friend bool operator==(const MetricGate&, const MetricGate&) = default;
};

/// One piece of evidence about an environment's strategy, from one manifest object or pipeline job.
struct StrategyFinding
{
    QString environment;
    StrategyKind strategy = StrategyKind::Unknown;
    /// How much the finding says: a rollout controller's object beats a Service switch, which beats a pipeline job,
    /// which beats a plain Deployment (whose strategy is moot when a Canary or Rollout drives it).
    int strength = 0;
    StrategySource source;
    QList<StrategyStep> steps;
    QList<MetricGate> metrics;
    RollbackMode rollback = RollbackMode::None;
    /// Argo: the analysis templates a Rollout refers to, resolved against AnalysisTemplates afterwards.
    QStringList analysisTemplates;
    /// The environment as written when it is an expression or variable (`${{ inputs.environment }}`); empty when
    /// it was written as a name.
    QString expression;
    QString resolvedFrom; ///< where the value came from ("choice", "default", "matrix", "variable", "options")
    bool chosenAtRunTime = false; ///< the expression could not be resolved: `environment` is the expression
};

/// A problem met while reading (file not YAML, too large, binary...). Never fatal: the other files still count.
/// Codes: "strategy.yaml", "strategy.too-large", "strategy.binary", "strategy.read", "strategy.shape".
struct StrategyDiagnostic
{
    QString path;
    int line = 0;
    int column = 0;
    QString code;
    QString message;

    QJsonObject toJson() const;
};

/// The strategy in force for one environment, merged from its findings.
struct EnvironmentStrategy
{
    QString environment;
    StrategyKind strategy = StrategyKind::Unknown;
    QList<StrategySource> sources;
    QList<StrategyStep> steps;
    QList<MetricGate> metrics;
    RollbackMode rollback = RollbackMode::None;
    /// From the findings: the expression the name was resolved from (JSON "expression", with "resolvedFrom"), or
    /// that nothing resolves (JSON "chosenAtRunTime": true, `environment` is then the expression as written).
    QString expression;
    QString resolvedFrom;
    bool chosenAtRunTime = false;

    QJsonObject toJson() const;
};

/// Strength constants for StrategyFinding::strength.
namespace strength {
constexpr int Deployment = 10;
constexpr int PipelineDeploy = 15; ///< a job deploys there, strategy not told
constexpr int Pipeline = 20; ///< a job says canary / blue-green
constexpr int ServiceSwitch = 30;
constexpr int Controller = 40; ///< Flagger Canary, Argo Rollout
} // namespace strength

} // namespace gatehouse::delivery
