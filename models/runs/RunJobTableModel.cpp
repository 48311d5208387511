// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunJobTableModel.h"

#include "RunTableModel.h"

#include <algorithm>

namespace gatehouse::runs {

RunJobTableModel::RunJobTableModel(QObject* parent)
    : RowTableModel({tr("Status"), tr("Job"), tr("Stage"), tr("Start"), tr("Duration"), tr("Queued"), tr("Runner")},
                    OtherHeaders::None, parent)
{ }

void RunJobTableModel::setRun(const Run& run, const CriticalPath& criticalPath)
{
    QList<Job> jobs = run.jobs;
    // Started jobs by start; jobs that never started (manual, skipped) after them.
    std::stable_sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
        if (a.started.isValid() != b.started.isValid())
            return a.started.isValid();
        if (a.started != b.started)
            return a.started < b.started;
        return a.id.toLongLong() < b.id.toLongLong();
    });
    // The timeline starts with the run, or with its first job when the run's own start is unknown.
    m_start = run.started;
    if (!m_start.isValid()) {
        for (const Job& job : std::as_const(jobs)) {
            if (job.started.isValid() && (!m_start.isValid() || job.started < m_start))
                m_start = job.started;
        }
    }
    m_criticalPath = criticalPath.runKey == run.key() ? criticalPath.jobs : QStringList();
    // The rows and the timeline's start change in one reset (views read neither before it ends).
    setRows(std::move(jobs));
}

void RunJobTableModel::clear()
{
    m_criticalPath.clear();
    m_start = QDateTime();
    setRows({});
}

double RunJobTableModel::offsetOf(const Job& job) const
{
    return secondsBetween(m_start, job.started);
}

// The critical path names jobs; of a retried job only its last attempt is on it.
bool RunJobTableModel::isLastAttempt(int row) const
{
    const QList<Job>& jobs = rows();
    const QString& name = jobs.at(row).name;
    for (qsizetype i = row + 1; i < jobs.size(); ++i) {
        if (jobs.at(i).name == name)
            return false;
    }
    return true;
}

QVariant RunJobTableModel::cellData(const Job& job, const QModelIndex& index, int role) const
{
    return byColumn(job, index, role, SortRole);
}

QVariant RunJobTableModel::roleValue(const Job& job, const QModelIndex& index, int role) const
{
    switch (role) {
    case StatusRole:
        return int(job.status);
    case JobIdRole:
        return job.id;
    case OffsetRole:
        return offsetOf(job);
    case DurationRole:
        return job.durationSeconds;
    case OnCriticalPathRole:
        return m_criticalPath.contains(job.name) && isLastAttempt(index.row());
    case RetriedRole:
        return job.retried || !isLastAttempt(index.row());
    case ManualRole:
        return job.manual;
    case AllowFailureRole:
        return job.allowFailure;
    default:
        return {};
    }
}

QVariant RunJobTableModel::columnValue(const Job& job, int column, bool sort) const
{
    switch (column) {
    case StatusColumn:
        return statusName(job.status);
    case NameColumn:
        return job.name;
    case StageColumn:
        return job.stage;
    case OffsetColumn: {
        const double offset = offsetOf(job);
        if (sort)
            return offset;
        return offset < 0 ? QStringLiteral("-") : QStringLiteral("+") + RunTableModel::durationText(offset);
    }
    case DurationColumn:
        return sort ? QVariant(job.durationSeconds) : QVariant(RunTableModel::durationText(job.durationSeconds));
    case QueueColumn:
        return sort ? QVariant(job.queueSeconds) : QVariant(RunTableModel::durationText(job.queueSeconds));
    case RunnerColumn:
        return job.runner;
    default:
        return {};
    }
}

} // namespace gatehouse::runs
