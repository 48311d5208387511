// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentTableModel.h"
#include "common/Format.h"

#include <QHash>

#include <cmath>

namespace gatehouse::delivery {

DeploymentTableModel::DeploymentTableModel(QObject* parent)
    : RowTableModel({tr("Tag"), tr("Environment"), tr("Commit"), tr("Time (UTC)"), tr("Deployer"), tr("Changes"),
                     tr("Lead time (median)"), tr("Status"), tr("Source")},
                    OtherHeaders::QtDefault, parent)
{ }

void DeploymentTableModel::setSnapshot(const DeploymentHistory& history, const QString& environment)
{
    QList<int> rows;
    for (int i = 0; i < history.deployments.size(); ++i) {
        if (environment.isEmpty() || history.deployments.at(i).environment == environment)
            rows.append(i);
    }
    // The history and the rows change in one reset (views read neither before it ends).
    m_history = history;
    setRows(std::move(rows));
}

const Deployment* DeploymentTableModel::deploymentAt(int row) const
{
    const int* deployment = rowAt(row);
    return deployment ? &m_history.deployments.at(*deployment) : nullptr;
}

int DeploymentTableModel::rowOfTag(const QString& tag) const
{
    for (int row = 0; row < rows().size(); ++row) {
        if (m_history.deployments.at(rows().at(row)).tag == tag)
            return row;
    }
    return -1;
}

DeploymentTableModel::DeploymentStatus DeploymentTableModel::statusOf(const Deployment& deployment)
{
    if (deployment.failed)
        return DeploymentStatus::Failed;
    if (deployment.rollback)
        return DeploymentStatus::Rollback;
    if (deployment.redeploy)
        return DeploymentStatus::Redeploy;
    return DeploymentStatus::Ok;
}

QString DeploymentTableModel::formatDuration(std::optional<double> seconds)
{
    return format::shortDuration(seconds, format::DurationStyle::Padded);
}

QVariant DeploymentTableModel::cellData(const int& deployment, const QModelIndex& index, int role) const
{
    return byColumn(deployment, index, role, SortRole);
}

QVariant DeploymentTableModel::roleValue(const int& deployment, const QModelIndex& index, int role) const
{
    const Deployment& d = m_history.deployments.at(deployment);
    const DeploymentStatus status = statusOf(d);
    switch (role) {
    case StatusRole:
        return QVariant::fromValue(status);
    case EnvironmentRole:
        return d.environment;
    case CommitIdRole:
        return d.commit.toString();
    case TimeRole:
        return d.time;
    case ChangesRole:
        return d.changes ? QVariant(int(d.changes->size())) : QVariant();
    case LeadTimeSecondsRole:
        return d.leadTimeMedianSeconds ? QVariant(*d.leadTimeMedianSeconds) : QVariant();
    case FailedReasonsRole:
        return d.failedReasons;
    case DeploymentIndexRole:
        return deployment;
    case SourceRole:
        return d.source;
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn && !d.platformId.isEmpty())
            return tr("%1 deployment %2: %3")
                .arg(d.source.section(QLatin1Char('+'), -1), d.platformId, d.platformStatus);
        if (index.column() == StatusColumn && !d.failedReasons.isEmpty())
            return d.failedReasons.join(QLatin1Char('\n'));
        if (index.column() == TagColumn && !d.message.isEmpty())
            return d.message.trimmed();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ChangesColumn || index.column() == LeadTimeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant DeploymentTableModel::columnValue(const int& deployment, int column, bool sort) const
{
    const Deployment& d = m_history.deployments.at(deployment);
    const DeploymentStatus status = statusOf(d);
    switch (column) {
    case TagColumn:
        return d.tag;
    case EnvironmentColumn:
        return d.environment;
    case CommitColumn:
        return sort ? d.commit.toString() : d.commit.shortString();
    case TimeColumn:
        return sort ? QVariant(d.time) : QVariant(d.time.toUTC().toString(Qt::ISODate));
    case DeployerColumn:
        return d.deployer;
    case ChangesColumn:
        if (sort)
            return d.changes ? int(d.changes->size()) : -1;
        return d.changes ? QString::number(d.changes->size()) : QStringLiteral("–");
    case LeadTimeColumn:
        if (sort)
            return d.leadTimeMedianSeconds.value_or(-1.0);
        return formatDuration(d.leadTimeMedianSeconds);
    case StatusColumn:
        if (sort)
            return int(status);
        switch (status) {
        case DeploymentStatus::Ok:
            return tr("ok");
        case DeploymentStatus::Redeploy:
            return tr("redeploy");
        case DeploymentStatus::Rollback:
            return tr("rollback");
        case DeploymentStatus::Failed:
            return d.rollback ? tr("rollback, failed") : tr("failed");
        }
        return {};
    case SourceColumn: {
        static const QHash<QString, QString> names{{QStringLiteral("gitlab"), QStringLiteral("GitLab")},
                                                   {QStringLiteral("github"), QStringLiteral("GitHub")}};
        QStringList parts = d.source.split(QLatin1Char('+'));
        for (QString& part : parts)
            part = names.value(part, part);
        return parts.join(QLatin1String(" + "));
    }
    default:
        return {};
    }
}

} // namespace gatehouse::delivery
