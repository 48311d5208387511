// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Incident.h"

#include "common/RowTableModel.h"

namespace gatehouse::delivery {

/// The Incidents page's list: date, title, scope, severity, time to restore. SearchTextRole
/// gives one string per row for a QSortFilterProxyModel search box.
///
/// Thread affinity: the thread it lives on (the GUI thread); setSnapshot() takes a value built by a worker.
class IncidentTableModel : public RowTableModel<Incident>
{
    Q_OBJECT
public:
    enum Columns
    {
        DateColumn,
        TitleColumn,
        ScopeColumn,
        SeverityColumn,
        TimeToRestoreColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        KindRole, ///< Incident::Kind as int
        TimeRole, ///< QDateTime (UTC)
        CommitIdRole, ///< full hex id, empty for a document without commit
        DocumentPathRole,
        BlamedDeploymentRole, ///< tag or empty
        FixedByDeploymentRole, ///< tag or empty
        TimeToRestoreSecondsRole, ///< qint64; invalid when unknown
        FactorsRole, ///< QStringList of 12-Factor ids
        SearchTextRole, ///< title, scope, incident id, severity, root cause, fix and factors, lower case
        IncidentIndexRole, ///< int: index into the snapshot
    };

    explicit IncidentTableModel(QObject* parent = nullptr);

    void setSnapshot(const QList<Incident>& incidents);
    const Incident* incidentAt(int row) const;

protected:
    QVariant cellData(const Incident& incident, const QModelIndex& index, int role) const override;
    QVariant roleValue(const Incident& incident, const QModelIndex& index, int role) const override;
    QVariant columnValue(const Incident& incident, int column, bool sort) const override;
};

} // namespace gatehouse::delivery
