// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QAbstractTableModel>
#include <QHash>

namespace gatehouse {

/// The snapshot's recent commits, newest first, with what else is known about each (tags, incident kind).
/// GUI thread only.
class CommitListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        CommitColumn,
        SummaryColumn,
        AuthorColumn,
        DateColumn,
        ColumnCount
    };
    enum class Kind
    {
        Normal,
        Merge,
        Deployment,
        Postmortem,
        Hotfix,
        Revert
    };
    Q_ENUM(Kind)
    enum Roles
    {
        CommitIdRole = Qt::UserRole + 1, ///< QString, 40 hex digits
        SummaryRole,
        AuthorRole,
        EmailRole,
        TimeRole, ///< QDateTime (author time)
        KindRole, ///< Kind
        TagsRole, ///< QStringList: tags pointing at the commit
        SortRole, ///< a value that sorts the column naturally
    };

    explicit CommitListModel(QObject* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        CommitSummary commit;
        Kind kind = Kind::Normal;
        QStringList tags;
    };
    QList<Row> m_rows;
};

} // namespace gatehouse
