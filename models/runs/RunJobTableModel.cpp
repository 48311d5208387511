// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunJobTableModel.h"

#include "RunTableModel.h"

#include <QThread>

#include <algorithm>

namespace gatehouse::runs {

RunJobTableModel::RunJobTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void RunJobTableModel::setRun(const Run& run, const CriticalPath& criticalPath)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_jobs = run.jobs;
    // Started jobs by start; jobs that never started (manual, skipped) after them.
    std::stable_sort(m_jobs.begin(), m_jobs.end(), [](const Job& a, const Job& b) {
        if (a.started.isValid() != b.started.isValid())
            return a.started.isValid();
        if (a.started != b.started)
            return a.started < b.started;
        return a.id.toLongLong() < b.id.toLongLong();
    });
    // The timeline starts with the run, or with its first job when the run's own start is unknown.
    m_start = run.started;
    if (!m_start.isValid()) {
        for (const Job& job : std::as_const(m_jobs)) {
            if (job.started.isValid() && (!m_start.isValid() || job.started < m_start))
                m_start = job.started;
        }
    }
    m_criticalPath = criticalPath.runKey == run.key() ? criticalPath.jobs : QStringList();
    endResetModel();
}

void RunJobTableModel::clear()
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_jobs.clear();
    m_criticalPath.clear();
    m_start = QDateTime();
    endResetModel();
}

int RunJobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int RunJobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double RunJobTableModel::offsetOf(const Job& job) const
{
    return secondsBetween(m_start, job.started);
}

// The critical path names jobs; of a retried job only its last attempt is on it.
bool RunJobTableModel::isLastAttempt(int row) const
{
    const QString& name = m_jobs.at(row).name;
    for (qsizetype i = row + 1; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).name == name)
            return false;
    }
    return true;
}

QVariant RunJobTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job& job = m_jobs.at(index.row());
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
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
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

QVariant RunJobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case NameColumn:
        return tr("Job");
    case StageColumn:
        return tr("Stage");
    case OffsetColumn:
        return tr("Start");
    case DurationColumn:
        return tr("Duration");
    case QueueColumn:
        return tr("Queued");
    case RunnerColumn:
        return tr("Runner");
    default:
        return {};
    }
}

} // namespace gatehouse::runs
