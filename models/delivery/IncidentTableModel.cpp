// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentTableModel.h"

#include "DeploymentTableModel.h"

#include <QThread>

namespace gatehouse::delivery {

IncidentTableModel::IncidentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IncidentTableModel::setSnapshot(const QList<Incident>& incidents)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_incidents = incidents;
    endResetModel();
}

const Incident* IncidentTableModel::incidentAt(int row) const
{
    return row >= 0 && row < m_incidents.size() ? &m_incidents.at(row) : nullptr;
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Incident& incident = m_incidents.at(index.row());
    switch (role) {
    case KindRole:
        return int(incident.kind);
    case TimeRole:
        return incident.time;
    case CommitIdRole:
        return incident.commit.isNull() ? QString() : incident.commit.toString();
    case DocumentPathRole:
        return incident.documentPath;
    case BlamedDeploymentRole:
        return incident.blamedDeployment;
    case FixedByDeploymentRole:
        return incident.fixedByDeployment;
    case TimeToRestoreSecondsRole:
        return incident.timeToRestoreSeconds ? QVariant(*incident.timeToRestoreSeconds) : QVariant();
    case FactorsRole:
        return incident.factors;
    case SearchTextRole:
        return QStringList({incident.title, incident.scope, incident.incident, incident.severity, incident.rootCause,
                            incident.fix, incident.factors.join(QLatin1Char(' '))})
            .join(QLatin1Char(' '))
            .toLower();
    case IncidentIndexRole:
        return index.row();
    case Qt::ToolTipRole:
        return index.column() == TitleColumn && !incident.rootCause.isEmpty() ? QVariant(incident.rootCause)
                                                                              : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case DateColumn:
        return sort ? QVariant(incident.time) : QVariant(incident.time.toUTC().toString(Qt::ISODate));
    case TitleColumn:
        return incident.title;
    case ScopeColumn:
        return incident.scope;
    case SeverityColumn:
        return incident.severity;
    case TimeToRestoreColumn:
        if (sort)
            return incident.timeToRestoreSeconds ? double(*incident.timeToRestoreSeconds) : -1.0;
        return DeploymentTableModel::formatDuration(incident.timeToRestoreSeconds
                                                        ? std::optional<double>(double(*incident.timeToRestoreSeconds))
                                                        : std::nullopt);
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date (UTC)");
    case TitleColumn:
        return tr("Title");
    case ScopeColumn:
        return tr("Scope");
    case SeverityColumn:
        return tr("Severity");
    case TimeToRestoreColumn:
        return tr("Time to restore");
    }
    return {};
}

} // namespace gatehouse::delivery
