// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"

#include "common/RowTableModel.h"

namespace gatehouse::runs {

/// The runs table of the Runs tab: one row per run (attempt), newest first.
///
/// Exposes semantic roles only (a RunStatus, seconds, times); ui/ delegates turn them into colours and icons.
/// Thread affinity: the thread it lives on (the GUI thread); snapshots come from workers by value.
class RunTableModel : public RowTableModel<Run>
{
    Q_OBJECT

public:
    enum Columns
    {
        StatusColumn,
        PipelineColumn,
        BranchColumn,
        CommitColumn,
        StartedColumn,
        DurationColumn,
        TriggerColumn,
        JobsColumn,
        ColumnCount
    };
    enum Roles
    {
        StatusRole = Qt::UserRole + 1, ///< RunStatus as int
        SortRole, ///< a value that sorts naturally (time, seconds, text)
        RunKeyRole, ///< source:id#attempt
        ShaRole, ///< full commit id
        StartedRole, ///< QDateTime (UTC)
        DurationRole, ///< seconds (double), -1 unknown
        AttemptRole, ///< int
        WebUrlRole, ///< QString
    };

    explicit RunTableModel(QObject* parent = nullptr);

    /// Replaces the rows (sorted newest first).
    void setSnapshot(const QList<Run>& runs);
    const Run& run(int row) const { return rows().at(row); }

    QHash<int, QByteArray> roleNames() const override;

    /// "1 h 02 m", "4 m 05 s", "12 s"; "-" when unknown.
    static QString durationText(double seconds);

protected:
    QVariant cellData(const Run& row, const QModelIndex& index, int role) const override;
    QVariant roleValue(const Run& row, const QModelIndex& index, int role) const override;
    QVariant columnValue(const Run& row, int column, bool sort) const override;
};

} // namespace gatehouse::runs
