// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryJson.h"

#include <QJsonArray>

namespace gatehouse::delivery {

namespace {

QJsonValue band(const std::optional<DoraBand>& value)
{
    return value ? QJsonValue(doraBandName(*value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonValue DeliveryJson::time(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue DeliveryJson::number(const std::optional<double>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue DeliveryJson::text(const QString& value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonObject DeliveryJson::deployment(const Deployment& d, const DeploymentHistory& history)
{
    QJsonObject object{
        {QStringLiteral("tag"), d.tag},
        {QStringLiteral("source"), d.source},
        {QStringLiteral("platform_id"), d.platformId.isEmpty() ? QJsonValue() : QJsonValue(d.platformId)},
        {QStringLiteral("platform_status"), d.platformStatus.isEmpty() ? QJsonValue() : QJsonValue(d.platformStatus)},
        {QStringLiteral("commit"), d.commit.toString()},
        {QStringLiteral("environment"), d.environment},
        {QStringLiteral("time"), time(d.time)},
        {QStringLiteral("deployer"), text(d.deployer)},
        {QStringLiteral("rollback"), d.rollback},
        {QStringLiteral("failed"), d.failed},
        {QStringLiteral("changes"), d.changes ? QJsonValue(int(d.changes->size())) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lead_time_median_s"), number(d.leadTimeMedianSeconds)},
        // Beyond the contract: what explains the figures above.
        {QStringLiteral("annotated"), d.annotated},
        {QStringLiteral("rule"), QString(ruleSourceName(d.ruleSource) + QLatin1Char(':') + d.rule)},
        {QStringLiteral("previous"),
         d.previous ? QJsonValue(history.deployments.at(*d.previous).tag) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("redeploy"), d.redeploy},
        {QStringLiteral("rollback_reason"), text(d.rollbackReason)},
        {QStringLiteral("failed_reasons"), QJsonArray::fromStringList(d.failedReasons)},
        {QStringLiteral("clock_skewed_changes"), d.clockSkewedChanges},
    };
    return object;
}

QJsonObject DeliveryJson::dora(const DoraSummary& s)
{
    return QJsonObject{
        {QStringLiteral("environment"), s.environment},
        {QStringLiteral("since"), time(s.since)},
        {QStringLiteral("until"), time(s.until)},
        {QStringLiteral("deployments"), s.deployments},
        {QStringLiteral("deployment_frequency_per_week"), number(s.deploymentFrequencyPerWeek)},
        {QStringLiteral("lead_time_median_s"), number(s.leadTimeMedianSeconds)},
        {QStringLiteral("lead_time_p90_s"), number(s.leadTimeP90Seconds)},
        {QStringLiteral("change_failure_rate"), number(s.changeFailureRate)},
        {QStringLiteral("rollback_rate"), number(s.rollbackRate)},
        {QStringLiteral("time_to_restore_median_s"), number(s.timeToRestoreMedianSeconds)},
        {QStringLiteral("band"), band(s.band)},
        {QStringLiteral("bands"),
         QJsonObject{
             {QStringLiteral("deployment_frequency"), band(s.deploymentFrequencyBand)},
             {QStringLiteral("lead_time"), band(s.leadTimeBand)},
             {QStringLiteral("change_failure_rate"), band(s.changeFailureRateBand)},
             {QStringLiteral("time_to_restore"), band(s.timeToRestoreBand)},
         }},
        {QStringLiteral("band_source"), DoraMetrics::source()},
        {QStringLiteral("failed_deployments"), s.failedDeployments},
        {QStringLiteral("rollbacks"), s.rollbacks},
        {QStringLiteral("changes"), s.changes},
        {QStringLiteral("unrestored_failures"), s.unrestoredFailures},
        {QStringLiteral("clock_skewed_changes"), s.clockSkewedChanges},
        {QStringLiteral("notes"), QJsonArray::fromStringList(s.notes)},
    };
}

QJsonObject DeliveryJson::incident(const Incident& i)
{
    return QJsonObject{
        {QStringLiteral("commit"), i.commit.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(i.commit.toString())},
        {QStringLiteral("time"), time(i.time)},
        {QStringLiteral("title"), i.title},
        {QStringLiteral("scope"), text(i.scope)},
        {QStringLiteral("incident"), text(i.incident)},
        {QStringLiteral("root_cause"), text(i.rootCause)},
        {QStringLiteral("fix"), text(i.fix)},
        {QStringLiteral("factors"), QJsonArray::fromStringList(i.factors)},
        {QStringLiteral("blamed_deployment"), text(i.blamedDeployment)},
        {QStringLiteral("fixed_by_deployment"), text(i.fixedByDeployment)},
        {QStringLiteral("time_to_restore_s"),
         i.timeToRestoreSeconds ? QJsonValue(double(*i.timeToRestoreSeconds)) : QJsonValue(QJsonValue::Null)},
        // Beyond the contract.
        {QStringLiteral("kind"), incidentKindName(i.kind)},
        {QStringLiteral("severity"), text(i.severity)},
        {QStringLiteral("detected"), text(i.detected)},
        {QStringLiteral("duration"), text(i.duration)},
        {QStringLiteral("duration_s"),
         i.durationSeconds ? QJsonValue(double(*i.durationSeconds)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("deployment"), text(i.deploymentRef)},
        {QStringLiteral("document"), text(i.documentPath)},
        {QStringLiteral("reverted_commit"), text(i.revertedCommit)},
        {QStringLiteral("shipped_in"), text(i.shippedIn)},
        {QStringLiteral("fix_commits"), QJsonArray::fromStringList(i.fixCommits)},
        {QStringLiteral("factor_notes"), QJsonArray::fromStringList(i.factorNotes)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(i.notes)},
    };
}

} // namespace gatehouse::delivery
