// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QAbstractTableModel>

namespace gatehouse {

/// Postmortem, hotfix and revert commits of the snapshot, newest first. GUI thread only.
class IncidentListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        KindColumn,
        DateColumn,
        CommitColumn,
        SummaryColumn,
        IncidentColumn,
        RootCauseColumn,
        FixColumn,
        ColumnCount
    };
    enum Roles
    {
        KindRole = Qt::UserRole + 1, ///< IncidentCommit::Kind as int
        CommitIdRole,
        SummaryRole,
        AuthorRole,
        TimeRole, ///< QDateTime
        IncidentRole,
        RootCauseRole,
        FixRole,
        FactorsRole, ///< QStringList
        SortRole,
    };

    explicit IncidentListModel(QObject* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<IncidentCommit> m_rows;
};

} // namespace gatehouse
