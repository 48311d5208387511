// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanCommitModel.h"

#include "RepoFormat.h"

#include <QThread>

namespace gatehouse {

ScanCommitModel::ScanCommitModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ScanCommitModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_rows = snapshot.scanCommits;
    endResetModel();
}

int ScanCommitModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ScanCommitModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ScanCommitModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScanCommit& scan = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CommitColumn:
            return scan.commit.shortString();
        case DateColumn:
            return format::dateTime(scan.time);
        case SummaryColumn:
            return scan.summary;
        case ReportsColumn: {
            QStringList parts;
            if (!scan.reportPaths.isEmpty())
                parts << tr("%n changed", nullptr, int(scan.reportPaths.size()));
            if (!scan.deletedReportPaths.isEmpty())
                parts << tr("%n deleted", nullptr, int(scan.deletedReportPaths.size()));
            return parts.join(QStringLiteral(", "));
        }
        case NoteColumn:
            return scan.hasNote ? scan.noteSummary : QString();
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines = scan.reportPaths;
        for (const QString& path : scan.deletedReportPaths)
            lines << tr("%1 (deleted)").arg(path);
        if (scan.hasNote)
            lines << tr("Scan note: %1 (%2)").arg(scan.noteSummary, format::size(scan.noteSize));
        return lines.join(QLatin1Char('\n'));
    }
    case SortRole:
        switch (index.column()) {
        case DateColumn:
            return scan.time.toMSecsSinceEpoch();
        case ReportsColumn:
            return int(scan.reportPaths.size() + scan.deletedReportPaths.size());
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case CommitIdRole:
        return scan.commit.toString();
    case TimeRole:
        return scan.time;
    case SummaryRole:
        return scan.summary;
    case AuthorRole:
        return scan.author;
    case ReportPathsRole:
        return scan.reportPaths;
    case DeletedReportPathsRole:
        return scan.deletedReportPaths;
    case HasNoteRole:
        return scan.hasNote;
    case NoteSummaryRole:
        return scan.noteSummary;
    }
    return {};
}

QVariant ScanCommitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CommitColumn:
        return tr("Commit");
    case DateColumn:
        return tr("Date");
    case SummaryColumn:
        return tr("Summary");
    case ReportsColumn:
        return tr("Reports");
    case NoteColumn:
        return tr("Scan note");
    }
    return {};
}

} // namespace gatehouse
