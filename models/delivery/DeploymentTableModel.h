// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Deployment.h"

#include "common/RowTableModel.h"

namespace gatehouse::delivery {

/// The Deployments page's table: one row per deployment, in time order. Semantic roles only;
/// delegates turn the status into colours.
///
/// Thread affinity: the thread it lives on (the GUI thread); setSnapshot() takes a value built by a worker.
class DeploymentTableModel : public RowTableModel<int>
{
    Q_OBJECT
public:
    enum Columns
    {
        TagColumn,
        EnvironmentColumn,
        CommitColumn,
        TimeColumn,
        DeployerColumn,
        ChangesColumn,
        LeadTimeColumn,
        StatusColumn,
        SourceColumn, ///< where it was seen: tag, GitLab, GitHub, or a tag and a platform (counted once)
        ColumnCount
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, ///< numbers and times as numbers, text as text
        StatusRole, ///< DeploymentStatus
        EnvironmentRole, ///< QString
        CommitIdRole, ///< full hex id
        TimeRole, ///< QDateTime (UTC)
        ChangesRole, ///< int; invalid for the first deployment of an environment (no baseline)
        LeadTimeSecondsRole, ///< double; invalid without changes
        FailedReasonsRole, ///< QStringList
        DeploymentIndexRole, ///< int: index into the snapshot's deployments
        SourceRole, ///< QString: Deployment::source ("tag", "gitlab", "github", "tag+gitlab", "tag+github")
    };
    enum class DeploymentStatus
    {
        Ok,
        Redeploy,
        Rollback,
        Failed
    };
    Q_ENUM(DeploymentStatus)

    explicit DeploymentTableModel(QObject* parent = nullptr);

    /// Replaces the rows (a reset), optionally only one environment's.
    void setSnapshot(const DeploymentHistory& history, const QString& environment = {});
    const DeploymentHistory& history() const { return m_history; }
    /// The deployment shown in `row`, or nullptr.
    const Deployment* deploymentAt(int row) const;
    /// The row showing the deployment with this tag, or -1.
    int rowOfTag(const QString& tag) const;

    static DeploymentStatus statusOf(const Deployment& deployment);
    /// "45s", "12m", "3h 05m", "2d 4h"; "–" when empty.
    static QString formatDuration(std::optional<double> seconds);

protected:
    /// A row is an index into history().deployments.
    QVariant cellData(const int& deployment, const QModelIndex& index, int role) const override;
    QVariant roleValue(const int& deployment, const QModelIndex& index, int role) const override;
    QVariant columnValue(const int& deployment, int column, bool sort) const override;

private:
    DeploymentHistory m_history;
};

} // namespace gatehouse::delivery
