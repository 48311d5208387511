// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunFilterModel.h"

#include "RunTableModel.h"

namespace gatehouse::runs {

RunFilterModel::RunFilterModel(QObject* parent)
    : TableFilterModel(parent)
{
    setSortRole(RunTableModel::SortRole);
}

void RunFilterModel::setSourceModel(QAbstractItemModel* model)
{
    m_table = qobject_cast<const RunTableModel*>(model);
    Q_ASSERT(!model || m_table);
    TableFilterModel::setSourceModel(model);
}

void RunFilterModel::setFilter(Filter filter)
{
    filter.text = filter.text.trimmed();
    if (filter == m_filter)
        return;
    m_filter = std::move(filter);
    m_words = foldedWords(m_filter.text, true);
    applyFilterChange();
}

void RunFilterModel::setStatus(std::optional<RunStatus> status)
{
    Filter filter = m_filter;
    filter.status = status;
    setFilter(std::move(filter));
}

void RunFilterModel::setBranch(const QString& branch)
{
    Filter filter = m_filter;
    filter.branch = branch;
    setFilter(std::move(filter));
}

void RunFilterModel::setPipeline(const QString& pipeline)
{
    Filter filter = m_filter;
    filter.pipeline = pipeline;
    setFilter(std::move(filter));
}

void RunFilterModel::setText(const QString& text)
{
    Filter filter = m_filter;
    filter.text = text;
    setFilter(std::move(filter));
}

QString RunFilterModel::searchText(int sourceRow) const
{
    const auto cell = [this, sourceRow](int column, int role = Qt::DisplayRole) {
        return m_table->index(sourceRow, column).data(role).toString();
    };
    return cell(RunTableModel::PipelineColumn) + QLatin1Char('\n') + cell(RunTableModel::BranchColumn)
        + QLatin1Char('\n') + cell(RunTableModel::TriggerColumn) + QLatin1Char('\n')
        + cell(RunTableModel::StatusColumn, RunTableModel::RunKeyRole);
}

bool RunFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_table || sourceParent.isValid() || sourceRow < 0 || sourceRow >= m_table->rowCount())
        return true;
    const Run& run = m_table->run(sourceRow);
    if (m_filter.status && run.status != *m_filter.status)
        return false;
    if (!m_filter.branch.isEmpty() && run.branch != m_filter.branch)
        return false;
    if (!m_filter.pipeline.isEmpty() && run.pipelineName() != m_filter.pipeline)
        return false;
    if (m_words.isEmpty())
        return true;
    return run.sha.startsWith(m_filter.text, Qt::CaseInsensitive) || searchMatches(sourceRow, m_words);
}

} // namespace gatehouse::runs
