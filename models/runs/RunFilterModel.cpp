// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunFilterModel.h"

#include "RunTableModel.h"

namespace gatehouse::runs {

RunFilterModel::RunFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunTableModel::SortRole);
}

void RunFilterModel::setStatus(std::optional<RunStatus> status)
{
    m_status = status;
    invalidateFilter();
}

void RunFilterModel::setBranch(const QString& branch)
{
    m_branch = branch;
    invalidateFilter();
}

void RunFilterModel::setPipeline(const QString& pipeline)
{
    m_pipeline = pipeline;
    invalidateFilter();
}

void RunFilterModel::setText(const QString& text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool RunFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model->data(model->index(sourceRow, column, sourceParent), role);
    };
    if (m_status && cell(RunTableModel::StatusColumn, RunTableModel::StatusRole).toInt() != int(*m_status))
        return false;
    if (!m_branch.isEmpty() && cell(RunTableModel::BranchColumn).toString() != m_branch)
        return false;
    if (!m_pipeline.isEmpty() && cell(RunTableModel::PipelineColumn, RunTableModel::SortRole).toString() != m_pipeline)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {RunTableModel::PipelineColumn, RunTableModel::BranchColumn, RunTableModel::TriggerColumn}) {
        if (cell(column).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return cell(RunTableModel::StatusColumn, RunTableModel::ShaRole).toString().startsWith(m_text, Qt::CaseInsensitive)
        || cell(RunTableModel::StatusColumn, RunTableModel::RunKeyRole).toString().contains(m_text);
}

} // namespace gatehouse::runs
