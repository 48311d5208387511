// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QAbstractTableModel>

namespace gatehouse {

/// The snapshot's deploy-looking tags, newest first. GUI thread only.
class DeploymentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        EnvironmentColumn,
        TagColumn,
        CommitColumn,
        TimeColumn,
        TaggerColumn,
        MessageColumn,
        ColumnCount
    };
    enum Roles
    {
        EnvironmentRole = Qt::UserRole + 1, ///< QString, lower case
        TagRole,
        CommitIdRole, ///< QString, 40 hex digits
        CommitSummaryRole,
        TimeRole, ///< QDateTime
        TaggerRole,
        MessageRole,
        RollbackRole, ///< bool
        AnnotatedRole, ///< bool
        SortRole,
    };

    explicit DeploymentListModel(QObject* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DeployTag> m_rows;
};

} // namespace gatehouse
