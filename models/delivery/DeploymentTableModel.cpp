// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentTableModel.h"
#include "common/Format.h"

#include <QHash>

#include <QThread>

#include <cmath>

namespace gatehouse::delivery {

DeploymentTableModel::DeploymentTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void DeploymentTableModel::setSnapshot(const DeploymentHistory& history, const QString& environment)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_history = history;
    m_rows.clear();
    for (int i = 0; i < m_history.deployments.size(); ++i) {
        if (environment.isEmpty() || m_history.deployments.at(i).environment == environment)
            m_rows.append(i);
    }
    endResetModel();
}

const Deployment* DeploymentTableModel::deploymentAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return nullptr;
    return &m_history.deployments.at(m_rows.at(row));
}

int DeploymentTableModel::rowOfTag(const QString& tag) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_history.deployments.at(m_rows.at(row)).tag == tag)
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

int DeploymentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Deployment& d = m_history.deployments.at(m_rows.at(index.row()));
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
        return m_rows.at(index.row());
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
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
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

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TagColumn:
        return tr("Tag");
    case EnvironmentColumn:
        return tr("Environment");
    case CommitColumn:
        return tr("Commit");
    case TimeColumn:
        return tr("Time (UTC)");
    case DeployerColumn:
        return tr("Deployer");
    case ChangesColumn:
        return tr("Changes");
    case LeadTimeColumn:
        return tr("Lead time (median)");
    case StatusColumn:
        return tr("Status");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

} // namespace gatehouse::delivery
