// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChangelogModel.h"

#include <QThread>

namespace gatehouse::delivery {

ChangelogModel::ChangelogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ChangelogModel::setCommits(const QList<git::CommitInfo>& commits)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_commits = commits;
    endResetModel();
}

int ChangelogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_commits.size());
}

int ChangelogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangelogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const git::CommitInfo& commit = m_commits.at(index.row());
    switch (role) {
    case CommitIdRole:
        return commit.id.toString();
    case TimeRole:
        return commit.committer.time.toUTC();
    case MergeRole:
        return commit.parents.size() > 1;
    case Qt::ToolTipRole:
        return index.column() == SummaryColumn ? QVariant(commit.message.trimmed()) : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
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

QVariant ChangelogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CommitColumn:
        return tr("Commit");
    case SummaryColumn:
        return tr("Summary");
    case AuthorColumn:
        return tr("Author");
    case TimeColumn:
        return tr("Committed (UTC)");
    }
    return {};
}

} // namespace gatehouse::delivery
