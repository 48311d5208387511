// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunAnalysis.h"

#include "common/RowTableModel.h"

namespace gatehouse::runs {

/// Per-job reliability and speed (the "failures per job" bars and the flakiest / slowest jobs lists), from
/// RunAnalysis::jobs. Semantic roles only. Thread affinity: the thread it lives on (the GUI thread).
class JobStatsTableModel : public RowTableModel<JobStats>
{
    Q_OBJECT

public:
    enum Columns
    {
        PipelineColumn,
        JobColumn,
        StageColumn,
        RunsColumn,
        FailuresColumn,
        FailureRateColumn,
        FlakyColumn,
        DurationP50Column,
        DurationP95Column,
        RetriesColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, ///< numbers as numbers
        FailuresRole, ///< int
        FailureRateRole, ///< double 0..1, -1 unknown
        FlakyFailuresRole, ///< int
        DurationP50Role, ///< seconds, -1 unknown
        DurationP95Role, ///< seconds, -1 unknown
    };

    explicit JobStatsTableModel(QObject* parent = nullptr);

    void setSnapshot(const QList<JobStats>& jobs);
    const JobStats& jobStats(int row) const { return rows().at(row); }

protected:
    QVariant cellData(const JobStats& row, const QModelIndex& index, int role) const override;
    QVariant roleValue(const JobStats& row, const QModelIndex& index, int role) const override;
    QVariant columnValue(const JobStats& row, int column, bool sort) const override;
};

} // namespace gatehouse::runs
