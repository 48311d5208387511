// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::delivery {

/// Median and other percentiles by linear interpolation between closest ranks (numpy's default, R type 7):
/// p in [0, 1]; nullopt for an empty list. The median of an even count is the mean of the two middle values.
std::optional<double> percentile(QList<qint64> values, double p);

enum class DoraBand
{
    Elite,
    High,
    Medium,
    Low
};
QString doraBandName(DoraBand band); ///< "elite", "high", "medium", "low"

enum class DoraMetric
{
    DeploymentFrequency,
    LeadTime,
    ChangeFailureRate,
    TimeToRestore
};

/// One row of the band table: the lower (frequency) or upper (the others) bound of elite, high and medium; below
/// (above) medium's bound is low. `text` quotes the report's wording for the UI.
struct DoraThreshold
{
    DoraMetric metric;
    const char* name;
    const char* unit; ///< "per week", "seconds", "ratio"
    double elite;
    double high;
    double medium;
    bool higherIsBetter;
    const char* eliteText;
    const char* highText;
    const char* mediumText;
    const char* lowText;
};

/// The DORA figures of one environment over a window. Value type. Every optional is empty when there is no data
/// for it (e.g. no deployment with a baseline → no lead time).
struct DoraSummary
{
    QString environment;
    QDateTime since; ///< UTC, inclusive; invalid when there are no deployments and no window was given
    QDateTime until; ///< UTC, inclusive
    int deployments = 0;
    int failedDeployments = 0;
    int rollbacks = 0;
    int changes = 0; ///< commits with a lead time
    int unrestoredFailures = 0; ///< failed deployments with no later good deployment (no time to restore)
    int clockSkewedChanges = 0; ///< changes dated after their deployment, counted as 0 s lead time
    std::optional<double> deploymentFrequencyPerWeek;
    std::optional<double> leadTimeMedianSeconds;
    std::optional<double> leadTimeP90Seconds;
    std::optional<double> changeFailureRate;
    std::optional<double> rollbackRate;
    std::optional<double> timeToRestoreMedianSeconds;
    std::optional<DoraBand> deploymentFrequencyBand;
    std::optional<DoraBand> leadTimeBand;
    std::optional<DoraBand> changeFailureRateBand;
    std::optional<DoraBand> timeToRestoreBand;
    std::optional<DoraBand> band; ///< overall: the worst of the metric bands that have data
    QStringList notes;
};

/// The four key metrics and their bands.
///
/// Bands follow the software delivery performance clusters of the **2023 Accelerate State of DevOps Report**
/// (DORA, Google Cloud), in one table (thresholds()). The report gives ranges per cluster, with gaps and with the
/// low cluster sharing medium's frequency and lead-time ranges; we close them so every value gets a band: a value in
/// a gap goes to the better band, and low starts where medium ends.
///
/// | metric                  | elite                  | high                  | medium                 | low          |
/// |-------------------------|------------------------|-----------------------|------------------------|--------------|
/// | deployment frequency    | on demand: > 7 / week  | daily–weekly: ≥ 1/wk  | weekly–monthly: ≥ 12/52 | < monthly   |
/// | lead time (median)      | < 1 day                | < 1 week              | < 1 month (30 days)    | ≥ 1 month    |
/// | change failure rate     | ≤ 5 %                  | ≤ 10 %                | ≤ 15 %                 | > 15 %       |
/// | time to restore (median)| < 1 hour               | < 1 day               | < 1 month (30 days)    | ≥ 1 month    |
///
/// Pure functions on values; any thread.
class DoraMetrics
{
public:
    /// The metrics of `environment` over [since, until] (invalid = first / last deployment of that environment).
    /// Deployments must carry their final `failed` flags (rollbacks and incidents applied).
    static DoraSummary compute(const DeploymentHistory& history, const QString& environment,
                               const QDateTime& since = {}, const QDateTime& until = {});

    static const QList<DoraThreshold>& thresholds();
    static std::optional<DoraBand> bandFor(DoraMetric metric, std::optional<double> value);
    /// Where the thresholds come from, for the UI.
    static QString source();
};

} // namespace gatehouse::delivery
