// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentListModel.h"

#include "RepoFormat.h"

#include <QThread>

namespace gatehouse {

IncidentListModel::IncidentListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IncidentListModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_rows = snapshot.incidents;
    endResetModel();
}

int IncidentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentCommit& incident = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KindColumn:
            return incidentKindName(incident.kind);
        case DateColumn:
            return format::dateTime(incident.time);
        case CommitColumn:
            return incident.commit.shortString();
        case SummaryColumn:
            return incident.summary;
        case IncidentColumn:
            return incident.incident;
        case RootCauseColumn:
            return incident.rootCause;
        case FixColumn:
            return incident.fix;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{incident.summary};
        if (!incident.incident.isEmpty())
            lines << tr("Incident: %1").arg(incident.incident);
        if (!incident.rootCause.isEmpty())
            lines << tr("Root cause: %1").arg(incident.rootCause);
        if (!incident.fix.isEmpty())
            lines << tr("Fix: %1").arg(incident.fix);
        lines << incident.factors;
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        return index.column() == DateColumn ? QVariant(incident.time.toMSecsSinceEpoch())
                                            : QVariant(data(index, Qt::DisplayRole).toString().toLower());
    case KindRole:
        return int(incident.kind);
    case CommitIdRole:
        return incident.commit.toString();
    case SummaryRole:
        return incident.summary;
    case AuthorRole:
        return incident.author;
    case TimeRole:
        return incident.time;
    case IncidentRole:
        return incident.incident;
    case RootCauseRole:
        return incident.rootCause;
    case FixRole:
        return incident.fix;
    case FactorsRole:
        return incident.factors;
    }
    return {};
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case DateColumn:
        return tr("Date");
    case CommitColumn:
        return tr("Commit");
    case SummaryColumn:
        return tr("Summary");
    case IncidentColumn:
        return tr("Incident");
    case RootCauseColumn:
        return tr("Root cause");
    case FixColumn:
        return tr("Fix");
    }
    return {};
}

} // namespace gatehouse
