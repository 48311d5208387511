// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include "common/RowTableModel.h"

namespace gatehouse::delivery {

/// The commits a deployment brings (or takes back), newest first: commit, summary, author, committer time.
///
/// Thread affinity: the GUI thread; setCommits() takes a value built by a worker.
class ChangelogModel : public RowTableModel<git::CommitInfo>
{
    Q_OBJECT
public:
    enum Columns
    {
        CommitColumn,
        SummaryColumn,
        AuthorColumn,
        TimeColumn,
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        CommitIdRole, ///< full hex id
        TimeRole, ///< QDateTime (UTC), committer time
        MergeRole, ///< bool: more than one parent
    };

    explicit ChangelogModel(QObject* parent = nullptr);

    void setCommits(const QList<git::CommitInfo>& commits);
    const QList<git::CommitInfo>& commits() const { return rows(); }

protected:
    QVariant cellData(const git::CommitInfo& row, const QModelIndex& index, int role) const override;
    QVariant roleValue(const git::CommitInfo& row, const QModelIndex& index, int role) const override;
    QVariant columnValue(const git::CommitInfo& row, int column, bool sort) const override;
};

} // namespace gatehouse::delivery
