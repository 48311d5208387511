// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RepositoryFileModel.h"

#include "RepoFormat.h"

namespace gatehouse {

RepositoryFileModel::RepositoryFileModel(Category category, QObject* parent)
    : RowTableModel({tr("Path"), category == Category::Pipelines ? tr("Kind") : tr("Tool"), tr("Format"), tr("Size"),
                     tr("Last changed")},
                    OtherHeaders::None, parent)
    , m_category(category)
{ }

void RepositoryFileModel::setSnapshot(const RepositorySnapshot& snapshot)
{
    QList<RepositoryFileRow> rows;
    if (m_category == Category::Pipelines) {
        for (const PipelineFile& file : snapshot.pipelineFiles)
            rows.append(
                {file.path,
                 pipelineKindName(file.kind),
                 file.kind == PipelineFile::Kind::Jenkinsfile ? QStringLiteral("groovy") : QStringLiteral("yaml"),
                 file.size,
                 {},
                 {}});
    } else {
        for (const ReportFile& file : snapshot.reportFiles)
            rows.append({file.path, file.tool, file.format, file.size, file.lastCommit, file.lastChanged});
    }
    setRows(std::move(rows));
}

QVariant RepositoryFileModel::cellData(const RepositoryFileRow& row, const QModelIndex& index, int role) const
{
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

} // namespace gatehouse
