// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineHistoryModel.h"

namespace gatehouse::pipeline {

PipelineHistoryModel::PipelineHistoryModel(QObject* parent)
    : RowTableModel({tr("When (UTC)"), tr("Author"), tr("Message"), tr("Structure"), tr("Gates")}, OtherHeaders::None,
                    parent)
{ }

void PipelineHistoryModel::setHistory(const PipelineHistory& history)
{
    // The revisions are the rows; the rest (churn, authors) is kept whole for history().
    m_history = history;
    setRows(history.revisions);
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

QVariant PipelineHistoryModel::cellData(const PipelineRevision& rev, const QModelIndex& index, int role) const
{
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

} // namespace gatehouse::pipeline
