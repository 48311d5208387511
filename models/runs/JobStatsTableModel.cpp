// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobStatsTableModel.h"

#include "RunTableModel.h"

#include <QThread>

namespace gatehouse::runs {

JobStatsTableModel::JobStatsTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void JobStatsTableModel::setSnapshot(const QList<JobStats>& jobs)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int JobStatsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobStatsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobStatsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JobStats& job = m_jobs.at(index.row());
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
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
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

QVariant JobStatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PipelineColumn:
        return tr("Pipeline");
    case JobColumn:
        return tr("Job");
    case StageColumn:
        return tr("Stage");
    case RunsColumn:
        return tr("Runs");
    case FailuresColumn:
        return tr("Failures");
    case FailureRateColumn:
        return tr("Failure rate");
    case FlakyColumn:
        return tr("Flaky");
    case DurationP50Column:
        return tr("p50");
    case DurationP95Column:
        return tr("p95");
    case RetriesColumn:
        return tr("Retries");
    default:
        return {};
    }
}

} // namespace gatehouse::runs
