// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunTableModel.h"
#include "common/Format.h"

#include <algorithm>

namespace gatehouse::runs {

RunTableModel::RunTableModel(QObject* parent)
    : RowTableModel({tr("Status"), tr("Pipeline"), tr("Branch"), tr("Commit"), tr("Started"), tr("Duration"),
                     tr("Trigger"), tr("Jobs")},
                    OtherHeaders::None, parent)
{ }

void RunTableModel::setSnapshot(const QList<Run>& runs)
{
    QList<Run> sorted = runs;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Run& a, const Run& b) {
        if (a.when() != b.when())
            return a.when() > b.when();
        return a.attempt > b.attempt;
    });
    setRows(std::move(sorted));
}

QString RunTableModel::durationText(double seconds)
{
    return format::clockDuration(seconds);
}

QVariant RunTableModel::cellData(const Run& run, const QModelIndex& index, int role) const
{
    return byColumn(run, index, role, SortRole);
}

QVariant RunTableModel::roleValue(const Run& run, const QModelIndex& /*index*/, int role) const
{
    switch (role) {
    case StatusRole:
        return int(run.status);
    case RunKeyRole:
        return run.key();
    case ShaRole:
        return run.sha;
    case StartedRole:
        return run.when();
    case DurationRole:
        return run.durationSeconds;
    case AttemptRole:
        return run.attempt;
    case WebUrlRole:
        return run.webUrl;
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)").arg(run.key(),
                                             run.rawStatus.isEmpty() ? statusName(run.status) : run.rawStatus);
    default:
        return {};
    }
}

QVariant RunTableModel::columnValue(const Run& run, int column, bool sort) const
{
    switch (column) {
    case StatusColumn:
        return statusName(run.status);
    case PipelineColumn:
        return run.attempt > 1 && !sort ? QStringLiteral("%1 (attempt %2)").arg(run.pipelineName()).arg(run.attempt)
                                        : run.pipelineName();
    case BranchColumn:
        return run.branch;
    case CommitColumn:
        return sort ? run.sha : run.sha.left(8);
    case StartedColumn:
        if (sort)
            return run.when();
        return run.when().isValid() ? run.when().toString(Qt::ISODate) : QString();
    case DurationColumn:
        return sort ? QVariant(run.durationSeconds) : QVariant(durationText(run.durationSeconds));
    case TriggerColumn:
        return run.trigger;
    case JobsColumn:
        return int(run.jobs.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> RunTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StatusRole, "status");
    names.insert(SortRole, "sort");
    names.insert(RunKeyRole, "runKey");
    names.insert(ShaRole, "sha");
    names.insert(StartedRole, "started");
    names.insert(DurationRole, "duration");
    names.insert(AttemptRole, "attempt");
    names.insert(WebUrlRole, "webUrl");
    return names;
}

} // namespace gatehouse::runs
