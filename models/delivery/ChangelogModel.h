// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "git/GitTypes.h"

#include <QAbstractTableModel>

namespace gatehouse::delivery {

/// The commits a deployment brings (or takes back), newest first: commit, summary, author, committer time.
///
/// Thread affinity: the GUI thread; setCommits() takes a value built by a worker.
class ChangelogModel : public QAbstractTableModel
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
    const QList<git::CommitInfo>& commits() const { return m_commits; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<git::CommitInfo> m_commits;
};

} // namespace gatehouse::delivery
