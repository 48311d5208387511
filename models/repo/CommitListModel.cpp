// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommitListModel.h"

#include "RepoFormat.h"

#include <QHash>
#include <QThread>

namespace gatehouse {

CommitListModel::CommitListModel(QObject* parent)
    : RowTableModel({tr("Commit"), tr("Summary"), tr("Author"), tr("Date")}, OtherHeaders::None, parent)
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
    QList<CommitListRow> rows;
    rows.reserve(snapshot.recentCommits.size());
    for (const CommitSummary& commit : snapshot.recentCommits) {
        CommitListRow row{commit, kinds.value(commit.id, commit.parentCount > 1 ? Kind::Merge : Kind::Normal),
                          tags.value(commit.id)};
        row.tags.sort();
        rows.append(row);
    }
    setRows(std::move(rows));
}

QVariant CommitListModel::cellData(const CommitListRow& row, const QModelIndex& index, int role) const
{
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

} // namespace gatehouse
