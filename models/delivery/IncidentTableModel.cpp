// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentTableModel.h"

#include "DeploymentTableModel.h"

namespace gatehouse::delivery {

IncidentTableModel::IncidentTableModel(QObject* parent)
    : RowTableModel({tr("Date (UTC)"), tr("Title"), tr("Scope"), tr("Severity"), tr("Time to restore")},
                    OtherHeaders::QtDefault, parent)
{ }

void IncidentTableModel::setSnapshot(const QList<Incident>& incidents)
{
    setRows(incidents);
}

const Incident* IncidentTableModel::incidentAt(int row) const
{
    return rowAt(row);
}

QVariant IncidentTableModel::cellData(const Incident& incident, const QModelIndex& index, int role) const
{
    return byColumn(incident, index, role, SortRole);
}

QVariant IncidentTableModel::roleValue(const Incident& incident, const QModelIndex& index, int role) const
{
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
    default:
        return {};
    }
}

QVariant IncidentTableModel::columnValue(const Incident& incident, int column, bool sort) const
{
    switch (column) {
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

} // namespace gatehouse::delivery
