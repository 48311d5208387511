// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunAnalysis.h"

#include "common/RowTableModel.h"

namespace gatehouse::runs {

/// The jobs of one run, in the order they started: the table under the runs table and the data of the
/// critical-path timeline (a Gantt of OffsetRole + DurationRole, OnCriticalPathRole highlighted by the delegate).
///
/// Semantic roles only. Thread affinity: the thread it lives on (the GUI thread).
class RunJobTableModel : public RowTableModel<Job>
{
    Q_OBJECT

public:
    enum Columns
    {
        StatusColumn,
        NameColumn,
        StageColumn,
        OffsetColumn,
        DurationColumn,
        QueueColumn,
        RunnerColumn,
        ColumnCount
    };
    enum Roles
    {
        StatusRole = Qt::UserRole + 1, ///< RunStatus as int
        SortRole,
        JobIdRole,
        OffsetRole, ///< seconds from the run's start to the job's start (double), -1 unknown
        DurationRole, ///< seconds (double), -1 unknown
        OnCriticalPathRole, ///< bool
        RetriedRole, ///< bool: a later attempt of this job exists in the run
        ManualRole, ///< bool
        AllowFailureRole, ///< bool
    };

    explicit RunJobTableModel(QObject* parent = nullptr);

    /// Shows `run`'s jobs; `criticalPath` (from criticalPathOf) marks the jobs on it.
    void setRun(const Run& run, const CriticalPath& criticalPath = {});
    void clear();
    const Job& job(int row) const { return rows().at(row); }

protected:
    QVariant cellData(const Job& job, const QModelIndex& index, int role) const override;
    QVariant roleValue(const Job& job, const QModelIndex& index, int role) const override;
    QVariant columnValue(const Job& job, int column, bool sort) const override;

private:
    double offsetOf(const Job& job) const;
    bool isLastAttempt(int row) const;

    QDateTime m_start;
    QStringList m_criticalPath;
};

} // namespace gatehouse::runs
