// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include <QAbstractTableModel>

namespace gatehouse::delivery {

/// The files changed between two deployments: status, path (old → new for renames), lines added and removed.
/// PipelineRole marks CI configurations and Gatehouse settings.
///
/// Thread affinity: the GUI thread; setChanges() takes a value built by a worker.
class FileChangeModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<git::FileChange> m_changes;
};

} // namespace gatehouse::delivery
