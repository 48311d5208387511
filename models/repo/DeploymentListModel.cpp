// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentListModel.h"

#include "RepoFormat.h"

#include <QThread>

namespace gatehouse {

DeploymentListModel::DeploymentListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void DeploymentListModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_rows = snapshot.deployTags;
    endResetModel();
}

int DeploymentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeployTag& tag = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EnvironmentColumn:
            return tag.rollback ? QString(tag.environment + QStringLiteral(" (rollback)")) : tag.environment;
        case TagColumn:
            return tag.tag;
        case CommitColumn:
            return tag.commit.shortString();
        case TimeColumn:
            return format::dateTime(tag.time);
        case TaggerColumn:
            return tag.tagger;
        case MessageColumn:
            return tag.message.section(QLatin1Char('\n'), 0, 0);
        }
        return {};
    case Qt::ToolTipRole:
        return tag.message.isEmpty() ? tag.commitSummary : tag.message;
    case SortRole:
        return index.column() == TimeColumn ? QVariant(tag.time.toMSecsSinceEpoch())
                                            : QVariant(data(index, Qt::DisplayRole).toString().toLower());
    case EnvironmentRole:
        return tag.environment;
    case TagRole:
        return tag.tag;
    case CommitIdRole:
        return tag.commit.toString();
    case CommitSummaryRole:
        return tag.commitSummary;
    case TimeRole:
        return tag.time;
    case TaggerRole:
        return tag.tagger;
    case MessageRole:
        return tag.message;
    case RollbackRole:
        return tag.rollback;
    case AnnotatedRole:
        return tag.annotated;
    }
    return {};
}

QVariant DeploymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EnvironmentColumn:
        return tr("Environment");
    case TagColumn:
        return tr("Tag");
    case CommitColumn:
        return tr("Commit");
    case TimeColumn:
        return tr("Time");
    case TaggerColumn:
        return tr("Tagger");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace gatehouse
