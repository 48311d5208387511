// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include "common/RowTableModel.h"

namespace gatehouse::delivery {

/// The files changed between two deployments: status, path (old → new for renames), lines added and removed.
/// PipelineRole marks CI configurations and Gatehouse settings.
///
/// Thread affinity: the GUI thread; setChanges() takes a value built by a worker.
class FileChangeModel : public RowTableModel<git::FileChange>
{
    Q_OBJECT
public:
    enum Columns
    {
        StatusColumn,
        PathColumn,
        AdditionsColumn,
        DeletionsColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        StatusRole, ///< git::FileChange::Status as int
        PipelineRole, ///< bool: a CI configuration or .gatehouse/ file
        PathRole, ///< the new path (the old one for deletions)
    };

    explicit FileChangeModel(QObject* parent = nullptr);

    void setChanges(const QList<git::FileChange>& changes);
    static QString statusName(git::FileChange::Status status); ///< "added", "deleted", "modified", ...

protected:
    QVariant cellData(const git::FileChange& row, const QModelIndex& index, int role) const override;
    QVariant roleValue(const git::FileChange& row, const QModelIndex& index, int role) const override;
    QVariant columnValue(const git::FileChange& row, int column, bool sort) const override;
};

} // namespace gatehouse::delivery
