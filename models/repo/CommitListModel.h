// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include "common/RowTableModel.h"

namespace gatehouse {

/// One row of CommitListModel: a commit and what else is known about it.
struct CommitListRow
{
    enum class Kind
    {
        Normal,
        Merge,
        Deployment,
        Postmortem,
        Hotfix,
        Revert
    };
    CommitSummary commit;
    Kind kind = Kind::Normal;
    QStringList tags;
};

/// The snapshot's recent commits, newest first, with what else is known about each (tags, incident kind).
/// GUI thread only.
class CommitListModel : public RowTableModel<CommitListRow>
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
    using Kind = CommitListRow::Kind;
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

protected:
    QVariant cellData(const CommitListRow& row, const QModelIndex& index, int role) const override;
};

} // namespace gatehouse
