// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DoraMetrics.h"
#include "common/Statistics.h"

#include <algorithm>
#include <cmath>

namespace gatehouse::delivery {

namespace {

constexpr double kHour = 3600.0;
constexpr double kDay = 24 * kHour;
constexpr double kWeek = 7 * kDay;
constexpr double kMonth = 30 * kDay;

} // namespace

std::optional<double> percentile(QList<qint64> values, double p)
{
    QList<double> asDoubles;
    asDoubles.reserve(values.size());
    for (const qint64 value : values)
        asDoubles.append(double(value));
    return statistics::percentile(std::move(asDoubles), p);
}

QString doraBandName(DoraBand band)
{
    switch (band) {
    case DoraBand::Elite:
        return QStringLiteral("elite");
    case DoraBand::High:
        return QStringLiteral("high");
    case DoraBand::Medium:
        return QStringLiteral("medium");
    case DoraBand::Low:
        return QStringLiteral("low");
    }
    return {};
}

QString DoraMetrics::source()
{
    return QStringLiteral("2023 Accelerate State of DevOps Report (DORA), software delivery performance clusters");
}

const QList<DoraThreshold>& DoraMetrics::thresholds()
{
    static const QList<DoraThreshold> table{
        {DoraMetric::DeploymentFrequency, "Deployment frequency", "per week", 7.0, 1.0, 12.0 / 52.0, true,
         "On demand (multiple deploys per day)", "Between once per day and once per week",
         "Between once per week and once per month", "Less than once per month"},
        {DoraMetric::LeadTime, "Lead time for changes", "seconds", kDay, kWeek, kMonth, false, "Less than one day",
         "Between one day and one week", "Between one week and one month", "More than one month"},
        {DoraMetric::ChangeFailureRate, "Change failure rate", "ratio", 0.05, 0.10, 0.15, false, "5 %", "10 %", "15 %",
         "More than 15 % (cluster: 64 %)"},
        {DoraMetric::TimeToRestore, "Failed deployment recovery time", "seconds", kHour, kDay, kMonth, false,
         "Less than one hour", "Less than one day", "Between one day and one week (gap to one month: medium)",
         "Between one month and six months"},
    };
    return table;
}

std::optional<DoraBand> DoraMetrics::bandFor(DoraMetric metric, std::optional<double> value)
{
    if (!value)
        return std::nullopt;
    for (const DoraThreshold& row : thresholds()) {
        if (row.metric != metric)
            continue;
        const double v = *value;
        if (row.higherIsBetter) {
            // Elite is "on demand": more than once a day on average.
            if (v > row.elite)
                return DoraBand::Elite;
            if (v >= row.high)
                return DoraBand::High;
            if (v >= row.medium)
                return DoraBand::Medium;
            return DoraBand::Low;
        }
        // Change failure rate bounds are inclusive (the report's cluster values); durations are "less than".
        const bool inclusive = metric == DoraMetric::ChangeFailureRate;
        auto within = [&](double bound) { return inclusive ? v <= bound : v < bound; };
        if (within(row.elite))
            return DoraBand::Elite;
        if (within(row.high))
            return DoraBand::High;
        if (within(row.medium))
            return DoraBand::Medium;
        return DoraBand::Low;
    }
    return std::nullopt;
}

DoraSummary DoraMetrics::compute(const DeploymentHistory& history, const QString& environment, const QDateTime& since,
                                 const QDateTime& until)
{
    DoraSummary summary;
    summary.environment = environment;
    const QList<int> indexes = history.indexesOf(environment);

    summary.since = since.isValid() ? since.toUTC()
                                    : (indexes.isEmpty() ? QDateTime() : history.deployments.at(indexes.first()).time);
    summary.until = until.isValid() ? until.toUTC()
                                    : (indexes.isEmpty() ? QDateTime() : history.deployments.at(indexes.last()).time);
    if (!summary.since.isValid() || !summary.until.isValid()) {
        summary.notes.append(QStringLiteral("no %1 deployments").arg(environment));
        return summary;
    }
    if (summary.until < summary.since) {
        summary.notes.append(QStringLiteral("the window ends before it starts"));
        return summary;
    }

    QList<qint64> leadTimes;
    QList<qint64> restoreTimes;
    for (qsizetype k = 0; k < indexes.size(); ++k) {
        const Deployment& deployment = history.deployments.at(indexes.at(k));
        if (deployment.time < summary.since || deployment.time > summary.until)
            continue;
        ++summary.deployments;
        if (deployment.rollback)
            ++summary.rollbacks;
        leadTimes.append(deployment.leadTimesSeconds);
        summary.clockSkewedChanges += deployment.clockSkewedChanges;
        if (!deployment.failed)
            continue;
        ++summary.failedDeployments;
        // Restored by the next deployment of the environment that is not failed (even past the window's end).
        bool restored = false;
        for (qsizetype next = k + 1; next < indexes.size(); ++next) {
            const Deployment& candidate = history.deployments.at(indexes.at(next));
            if (!candidate.failed) {
                restoreTimes.append(deployment.time.secsTo(candidate.time));
                restored = true;
                break;
            }
        }
        if (!restored)
            ++summary.unrestoredFailures;
    }
    summary.changes = int(leadTimes.size());

    const double seconds = double(summary.since.secsTo(summary.until));
    if (seconds > 0)
        summary.deploymentFrequencyPerWeek = summary.deployments / (seconds / kWeek);
    else
        summary.notes.append(QStringLiteral("the window has no length: no deployment frequency"));
    summary.leadTimeMedianSeconds = percentile(leadTimes, 0.5);
    summary.leadTimeP90Seconds = percentile(leadTimes, 0.9);
    if (summary.deployments > 0) {
        summary.changeFailureRate = double(summary.failedDeployments) / summary.deployments;
        summary.rollbackRate = double(summary.rollbacks) / summary.deployments;
    }
    summary.timeToRestoreMedianSeconds = percentile(restoreTimes, 0.5);
    if (summary.clockSkewedChanges > 0)
        summary.notes.append(QStringLiteral("%1 commit(s) dated after their deployment (clock skew) count as 0 s lead "
                                            "time")
                                 .arg(summary.clockSkewedChanges));
    if (summary.unrestoredFailures > 0)
        summary.notes.append(
            QStringLiteral("%1 failed deployment(s) not yet restored").arg(summary.unrestoredFailures));

    summary.deploymentFrequencyBand = bandFor(DoraMetric::DeploymentFrequency, summary.deploymentFrequencyPerWeek);
    summary.leadTimeBand = bandFor(DoraMetric::LeadTime, summary.leadTimeMedianSeconds);
    summary.changeFailureRateBand = bandFor(DoraMetric::ChangeFailureRate, summary.changeFailureRate);
    summary.timeToRestoreBand = bandFor(DoraMetric::TimeToRestore, summary.timeToRestoreMedianSeconds);
    for (const std::optional<DoraBand>& band : {summary.deploymentFrequencyBand, summary.leadTimeBand,
                                                summary.changeFailureRateBand, summary.timeToRestoreBand}) {
        if (band && (!summary.band || int(*band) > int(*summary.band)))
            summary.band = band;
    }
    return summary;
}

} // namespace gatehouse::delivery
