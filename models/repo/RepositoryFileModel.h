// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RepositorySnapshot.h"

#include <QAbstractTableModel>

namespace gatehouse {

/// One category of files found in the snapshot: pipeline files or scan report files. GUI thread only.
class RepositoryFileModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString path;
        QString kind;
        QString format;
        qint64 size = 0;
        git::ObjectId lastCommit;
        QDateTime lastChanged;
    };
    Category m_category;
    QList<Row> m_rows;
};

} // namespace gatehouse
