// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileChangeModel.h"

#include "DeploymentComparison.h"

namespace gatehouse::delivery {

FileChangeModel::FileChangeModel(QObject* parent)
    : RowTableModel({tr("Status"), tr("File"), tr("Added"), tr("Removed")}, OtherHeaders::QtDefault, parent)
{ }

void FileChangeModel::setChanges(const QList<git::FileChange>& changes)
{
    setRows(changes);
}

QString FileChangeModel::statusName(git::FileChange::Status status)
{
    switch (status) {
    case git::FileChange::Status::Added:
        return tr("added");
    case git::FileChange::Status::Deleted:
        return tr("deleted");
    case git::FileChange::Status::Modified:
        return tr("modified");
    case git::FileChange::Status::Renamed:
        return tr("renamed");
    case git::FileChange::Status::Copied:
        return tr("copied");
    case git::FileChange::Status::TypeChange:
        return tr("type changed");
    case git::FileChange::Status::Other:
        break;
    }
    return tr("changed");
}

QVariant FileChangeModel::cellData(const git::FileChange& change, const QModelIndex& index, int role) const
{
    return byColumn(change, index, role, SortRole);
}

QVariant FileChangeModel::roleValue(const git::FileChange& change, const QModelIndex& index, int role) const
{
    const QString path = change.status == git::FileChange::Status::Deleted ? change.oldPath : change.newPath;
    switch (role) {
    case StatusRole:
        return int(change.status);
    case PipelineRole:
        return DeploymentComparison::isPipelineOrPolicyPath(change.newPath)
            || DeploymentComparison::isPipelineOrPolicyPath(change.oldPath);
    case PathRole:
        return path;
    case Qt::TextAlignmentRole:
        if (index.column() == AdditionsColumn || index.column() == DeletionsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant FileChangeModel::columnValue(const git::FileChange& change, int column, bool sort) const
{
    const QString path = change.status == git::FileChange::Status::Deleted ? change.oldPath : change.newPath;
    switch (column) {
    case StatusColumn:
        return statusName(change.status);
    case PathColumn:
        if (!sort
            && (change.status == git::FileChange::Status::Renamed || change.status == git::FileChange::Status::Copied))
            return QString(change.oldPath + QStringLiteral(" → ") + change.newPath);
        return path;
    case AdditionsColumn:
        if (sort)
            return change.additions;
        return change.binary ? tr("binary") : QStringLiteral("+%1").arg(change.additions);
    case DeletionsColumn:
        if (sort)
            return change.deletions;
        return change.binary ? QString() : QStringLiteral("−%1").arg(change.deletions);
    default:
        return {};
    }
}

} // namespace gatehouse::delivery
