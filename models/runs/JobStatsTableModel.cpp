// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobStatsTableModel.h"

#include "RunTableModel.h"

namespace gatehouse::runs {

JobStatsTableModel::JobStatsTableModel(QObject* parent)
    : RowTableModel({tr("Pipeline"), tr("Job"), tr("Stage"), tr("Runs"), tr("Failures"), tr("Failure rate"),
                     tr("Flaky"), tr("p50"), tr("p95"), tr("Retries")},
                    OtherHeaders::None, parent)
{ }

void JobStatsTableModel::setSnapshot(const QList<JobStats>& jobs)
{
    setRows(jobs);
}

QVariant JobStatsTableModel::cellData(const JobStats& job, const QModelIndex& index, int role) const
{
    return byColumn(job, index, role, SortRole);
}

QVariant JobStatsTableModel::roleValue(const JobStats& job, const QModelIndex& /*index*/, int role) const
{
    switch (role) {
    case FailuresRole:
        return job.failures;
    case FailureRateRole:
        return job.failureRate;
    case FlakyFailuresRole:
        return job.flakyFailures;
    case DurationP50Role:
        return job.durationP50;
    case DurationP95Role:
        return job.durationP95;
    default:
        return {};
    }
}

QVariant JobStatsTableModel::columnValue(const JobStats& job, int column, bool sort) const
{
    switch (column) {
    case PipelineColumn:
        return job.pipeline;
    case JobColumn:
        return job.name;
    case StageColumn:
        return job.stage;
    case RunsColumn:
        return job.runs;
    case FailuresColumn:
        return job.failures;
    case FailureRateColumn:
        if (sort)
            return job.failureRate;
        return job.failureRate < 0 ? QStringLiteral("-") : QStringLiteral("%1 %").arg(job.failureRate * 100, 0, 'f', 1);
    case FlakyColumn:
        return job.flakyFailures;
    case DurationP50Column:
        return sort ? QVariant(job.durationP50) : QVariant(RunTableModel::durationText(job.durationP50));
    case DurationP95Column:
        return sort ? QVariant(job.durationP95) : QVariant(RunTableModel::durationText(job.durationP95));
    case RetriesColumn:
        return job.retries;
    default:
        return {};
    }
}

} // namespace gatehouse::runs
