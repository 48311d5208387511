// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSortFilterProxyModel>

namespace gatehouse::delivery {

/// Narrows a DeploymentTableModel to one environment and a window of deploy times (the Deployments page's filter
/// row), sorting by DeploymentTableModel::SortRole. The chart reads the same proxy, so table and timeline agree.
///
/// Thread affinity: the GUI thread.
class DeploymentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DeploymentFilterModel(QObject* parent = nullptr);

    /// Empty: every environment.
    void setEnvironment(const QString& environment);
    QString environment() const { return m_environment; }
    /// Inclusive bounds (UTC); an invalid time leaves that side open.
    void setWindow(const QDateTime& since, const QDateTime& until);
    QDateTime since() const { return m_since; }
    QDateTime until() const { return m_until; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_environment;
    QDateTime m_since;
    QDateTime m_until;
};

} // namespace gatehouse::delivery
