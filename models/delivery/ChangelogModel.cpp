// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangelogModel.h"

namespace gatehouse::delivery {

ChangelogModel::ChangelogModel(QObject* parent)
    : RowTableModel({tr("Commit"), tr("Summary"), tr("Author"), tr("Committed (UTC)")}, OtherHeaders::QtDefault, parent)
{ }

void ChangelogModel::setCommits(const QList<git::CommitInfo>& commits)
{
    setRows(commits);
}

QVariant ChangelogModel::cellData(const git::CommitInfo& commit, const QModelIndex& index, int role) const
{
    return byColumn(commit, index, role, SortRole);
}

QVariant ChangelogModel::roleValue(const git::CommitInfo& commit, const QModelIndex& index, int role) const
{
    switch (role) {
    case CommitIdRole:
        return commit.id.toString();
    case TimeRole:
        return commit.committer.time.toUTC();
    case MergeRole:
        return commit.parents.size() > 1;
    case Qt::ToolTipRole:
        return index.column() == SummaryColumn ? QVariant(commit.message.trimmed()) : QVariant();
    default:
        return {};
    }
}

QVariant ChangelogModel::columnValue(const git::CommitInfo& commit, int column, bool sort) const
{
    switch (column) {
    case CommitColumn:
        return sort ? commit.id.toString() : commit.id.shortString();
    case SummaryColumn:
        return commit.summary;
    case AuthorColumn:
        return commit.author.name;
    case TimeColumn:
        return sort ? QVariant(commit.committer.time.toUTC())
                    : QVariant(commit.committer.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    default:
        return {};
    }
}

} // namespace gatehouse::delivery
