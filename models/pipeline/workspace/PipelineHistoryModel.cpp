// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineHistoryModel.h"

#include <QThread>

namespace gatehouse::pipeline {

PipelineHistoryModel::PipelineHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void PipelineHistoryModel::setHistory(const PipelineHistory& history)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_history = history;
    endResetModel();
}

int PipelineHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_history.revisions.size());
}

int PipelineHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PipelineHistoryModel::describeChanges(const PipelineRevision& revision)
{
    if (revision.deleted)
        return tr("file deleted");
    QStringList parts;
    for (const QString& job : revision.jobsAdded)
        parts << u'+' + job;
    for (const QString& job : revision.jobsRemoved)
        parts << u'−' + job;
    if (!revision.stagesAfter.isEmpty() || !revision.stagesBefore.isEmpty())
        parts << tr("stages: %1 → %2").arg(revision.stagesBefore.join(u','), revision.stagesAfter.join(u','));
    if (!revision.parsed)
        parts << tr("does not parse");
    return parts.join(QStringLiteral(" · "));
}

QString PipelineHistoryModel::describeGates(const PipelineRevision& revision)
{
    QStringList parts;
    for (const QString& gate : revision.gatesRegressed)
        parts << u"✗ " + gate;
    for (const QString& gate : revision.gatesFixed)
        parts << u"✓ " + gate;
    return parts.join(QStringLiteral(" · "));
}

QVariant PipelineHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PipelineRevision& rev = m_history.revisions.at(index.row());
    switch (role) {
    case CommitRole:
        return rev.commit.toString();
    case RegressionRole:
        return rev.isRegression();
    case TimeRole:
        return rev.time;
    case RegressedGatesRole:
        return rev.gatesRegressed;
    case Qt::ToolTipRole:
        return QString(rev.commit.toString() + u'\n' + rev.summary);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return rev.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        case AuthorColumn:
            return rev.author;
        case SummaryColumn:
            return rev.summary;
        case ChangesColumn:
            return describeChanges(rev);
        case GatesColumn:
            return describeGates(rev);
        }
        break;
    }
    return {};
}

QVariant PipelineHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When (UTC)");
    case AuthorColumn:
        return tr("Author");
    case SummaryColumn:
        return tr("Message");
    case ChangesColumn:
        return tr("Structure");
    case GatesColumn:
        return tr("Gates");
    }
    return {};
}

} // namespace gatehouse::pipeline
