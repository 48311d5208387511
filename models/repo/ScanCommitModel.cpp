// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScanCommitModel.h"

#include "RepoFormat.h"

namespace gatehouse {

ScanCommitModel::ScanCommitModel(QObject* parent)
    : RowTableModel({tr("Commit"), tr("Date"), tr("Summary"), tr("Reports"), tr("Scan note")}, OtherHeaders::None,
                    parent)
{ }

void ScanCommitModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    setRows(snapshot.scanCommits);
}

QVariant ScanCommitModel::cellData(const ScanCommit& scan, const QModelIndex& index, int role) const
{
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

} // namespace gatehouse
