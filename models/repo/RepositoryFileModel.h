// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include "common/RowTableModel.h"

namespace gatehouse {

/// One row of a RepositoryFileModel: a pipeline file (no last commit) or a scan report file.
struct RepositoryFileRow
{
    QString path;
    QString kind;
    QString format;
    qint64 size = 0;
    git::ObjectId lastCommit;
    QDateTime lastChanged;
};

/// One category of files found in the snapshot: pipeline files or scan report files. GUI thread only.
class RepositoryFileModel : public RowTableModel<RepositoryFileRow>
{
    Q_OBJECT
public:
    enum class Category
    {
        Pipelines,
        Reports
    };
    enum Columns
    {
        PathColumn,
        KindColumn,
        FormatColumn,
        SizeColumn,
        LastChangedColumn,
        ColumnCount
    };
    enum Roles
    {
        PathRole = Qt::UserRole + 1, ///< QString, relative to the repository root
        KindRole, ///< QString: pipelineKindName() or the report's tool
        FormatRole, ///< QString ("yaml", "sarif", "json", ...)
        SizeRole, ///< qint64
        LastCommitRole, ///< QString (40 hex digits) or empty: reports only
        LastChangedRole, ///< QDateTime: reports only
        SortRole,
    };

    explicit RepositoryFileModel(Category category, QObject* parent = nullptr);

    Category category() const { return m_category; }
    void setSnapshot(const RepositorySnapshot& snapshot);

protected:
    QVariant cellData(const RepositoryFileRow& row, const QModelIndex& index, int role) const override;

private:
    Category m_category;
};

} // namespace gatehouse
