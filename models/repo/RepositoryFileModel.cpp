// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryFileModel.h"

#include "RepoFormat.h"

#include <QThread>

namespace gatehouse {

RepositoryFileModel::RepositoryFileModel(Category category, QObject* parent)
    : QAbstractTableModel(parent)
    , m_category(category)
{ }

void RepositoryFileModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    beginResetModel();
    m_rows.clear();
    if (m_category == Category::Pipelines) {
        for (const PipelineFile& file : snapshot.pipelineFiles)
            m_rows.append({file.path, pipelineKindName(file.kind), QStringLiteral("yaml"), file.size, {}, {}});
    } else {
        for (const ReportFile& file : snapshot.reportFiles)
            m_rows.append({file.path, file.tool, file.format, file.size, file.lastCommit, file.lastChanged});
    }
    endResetModel();
}

int RepositoryFileModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RepositoryFileModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RepositoryFileModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn:
            return row.path;
        case KindColumn:
            return row.kind;
        case FormatColumn:
            return row.format;
        case SizeColumn:
            return format::size(row.size);
        case LastChangedColumn:
            if (m_category == Category::Pipelines)
                return QString();
            if (row.lastCommit.isNull())
                return tr("before the scanned history");
            return QString(format::dateTime(row.lastChanged) + QStringLiteral("  ") + row.lastCommit.shortString());
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        return row.path;
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return row.size;
        case LastChangedColumn:
            return row.lastChanged.isValid() ? row.lastChanged.toMSecsSinceEpoch() : qint64(0);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case PathRole:
        return row.path;
    case KindRole:
        return row.kind;
    case FormatRole:
        return row.format;
    case SizeRole:
        return row.size;
    case LastCommitRole:
        return row.lastCommit.isNull() ? QString() : row.lastCommit.toString();
    case LastChangedRole:
        return row.lastChanged;
    }
    return {};
}

QVariant RepositoryFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Path");
    case KindColumn:
        return m_category == Category::Pipelines ? tr("Kind") : tr("Tool");
    case FormatColumn:
        return tr("Format");
    case SizeColumn:
        return tr("Size");
    case LastChangedColumn:
        return tr("Last changed");
    }
    return {};
}

} // namespace gatehouse
