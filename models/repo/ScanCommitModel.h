// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include "common/RowTableModel.h"

namespace gatehouse {

/// Commits that changed scan reports or carry a scan note (refs/notes/gatehouse-scans), newest first.
/// GUI thread only.
class ScanCommitModel : public RowTableModel<ScanCommit>
{
    Q_OBJECT
public:
    enum Columns
    {
        CommitColumn,
        DateColumn,
        SummaryColumn,
        ReportsColumn,
        NoteColumn,
        ColumnCount
    };
    enum Roles
    {
        CommitIdRole = Qt::UserRole + 1, ///< QString, 40 hex digits
        TimeRole, ///< QDateTime
        SummaryRole,
        AuthorRole,
        ReportPathsRole, ///< QStringList: added or modified report files
        DeletedReportPathsRole, ///< QStringList
        HasNoteRole, ///< bool
        NoteSummaryRole, ///< QString
        SortRole,
    };

    explicit ScanCommitModel(QObject* parent = nullptr);

    void setSnapshot(const RepositorySnapshot& snapshot);

protected:
    QVariant cellData(const ScanCommit& row, const QModelIndex& index, int role) const override;
};

} // namespace gatehouse
