// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommitListModel.h"

#include "RepoFormat.h"

#include <QThread>

namespace gatehouse {

CommitListModel::CommitListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void CommitListModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    QHash<git::ObjectId, QStringList> tags;
    for (const git::TagInfo& tag : snapshot.tags)
        tags[tag.target].append(tag.name);
    QHash<git::ObjectId, Kind> kinds;
    for (const DeployTag& tag : snapshot.deployTags)
        kinds.insert(tag.commit, Kind::Deployment);
    for (const IncidentCommit& incident : snapshot.incidents) {
        kinds.insert(incident.commit,
                     incident.kind == IncidentCommit::Kind::Postmortem
                             || incident.kind == IncidentCommit::Kind::Document
                         ? Kind::Postmortem
                         : incident.kind == IncidentCommit::Kind::Hotfix ? Kind::Hotfix
                                                                         : Kind::Revert);
    }
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(snapshot.recentCommits.size());
    for (const CommitSummary& commit : snapshot.recentCommits) {
        Row row{commit, kinds.value(commit.id, commit.parentCount > 1 ? Kind::Merge : Kind::Normal),
                tags.value(commit.id)};
        row.tags.sort();
        m_rows.append(row);
    }
    endResetModel();
}

int CommitListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CommitListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CommitListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CommitColumn:
            return row.commit.id.shortString();
        case SummaryColumn:
            if (row.tags.isEmpty())
                return row.commit.summary;
            return QString(row.commit.summary + QStringLiteral("  [") + row.tags.join(QStringLiteral(", "))
                           + QLatin1Char(']'));
        case AuthorColumn:
            return row.commit.author;
        case DateColumn:
            return format::dateTime(row.commit.time);
        }
        return {};
    case Qt::ToolTipRole:
        return QString(row.commit.id.toString() + QLatin1Char('\n') + row.commit.author + QStringLiteral(" <")
                       + row.commit.authorEmail + QLatin1Char('>'));
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return row.commit.time.toMSecsSinceEpoch();
        case CommitColumn:
            return index.row(); // history order
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case CommitIdRole:
        return row.commit.id.toString();
    case SummaryRole:
        return row.commit.summary;
    case AuthorRole:
        return row.commit.author;
    case EmailRole:
        return row.commit.authorEmail;
    case TimeRole:
        return row.commit.time;
    case KindRole:
        return QVariant::fromValue(row.kind);
    case TagsRole:
        return row.tags;
    }
    return {};
}

QVariant CommitListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommitColumn:
        return tr("Commit");
    case SummaryColumn:
        return tr("Summary");
    case AuthorColumn:
        return tr("Author");
    case DateColumn:
        return tr("Date");
    }
    return {};
}

} // namespace gatehouse
