// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QAbstractTableModel>

namespace gatehouse {

/// Commits that changed scan reports or carry a scan note (refs/notes/gatehouse-scans), newest first.
/// GUI thread only.
class ScanCommitModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ScanCommit> m_rows;
};

} // namespace gatehouse
