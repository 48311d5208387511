// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentFilterModel.h"

#include "DeploymentTableModel.h"

namespace gatehouse::delivery {

DeploymentFilterModel::DeploymentFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DeploymentTableModel::SortRole);
}

void DeploymentFilterModel::setEnvironment(const QString& environment)
{
    if (environment == m_environment)
        return;
    m_environment = environment;
    invalidateFilter();
}

void DeploymentFilterModel::setWindow(const QDateTime& since, const QDateTime& until)
{
    if (since == m_since && until == m_until)
        return;
    m_since = since;
    m_until = until;
    invalidateFilter();
}

bool DeploymentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_environment.isEmpty() && index.data(DeploymentTableModel::EnvironmentRole).toString() != m_environment)
        return false;
    const QDateTime time = index.data(DeploymentTableModel::TimeRole).toDateTime();
    if (m_since.isValid() && time < m_since)
        return false;
    if (m_until.isValid() && time > m_until)
        return false;
    return true;
}

} // namespace gatehouse::delivery
