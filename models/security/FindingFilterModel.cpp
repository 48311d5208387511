// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingFilterModel.h"

#include "FindingTableModel.h"

namespace gatehouse {

FindingFilterModel::FindingFilterModel(QObject* parent)
    : TableFilterModel(parent)
{
    setSortRole(FindingTableModel::SortRole);
    setDynamicSortFilter(true);
}

void FindingFilterModel::setSourceModel(QAbstractItemModel* model)
{
    m_table = qobject_cast<const FindingTableModel*>(model);
    Q_ASSERT(!model || m_table);
    TableFilterModel::setSourceModel(model);
}

void FindingFilterModel::setFilter(Filter filter)
{
    filter.text = filter.text.trimmed();
    if (filter == m_filter)
        return;
    m_filter = std::move(filter);
    m_words = foldedWords(m_filter.text);
    applyFilterChange();
}

void FindingFilterModel::setSeverity(std::optional<Severity> severity)
{
    Filter filter = m_filter;
    filter.severity = severity;
    setFilter(std::move(filter));
}

void FindingFilterModel::setTool(const QString& tool)
{
    Filter filter = m_filter;
    filter.tool = tool;
    setFilter(std::move(filter));
}

void FindingFilterModel::setCategory(std::optional<FindingCategory> category)
{
    Filter filter = m_filter;
    filter.category = category;
    setFilter(std::move(filter));
}

void FindingFilterModel::setState(std::optional<FindingState> state)
{
    Filter filter = m_filter;
    filter.state = state;
    setFilter(std::move(filter));
}

void FindingFilterModel::setOverdueOnly(bool overdueOnly)
{
    Filter filter = m_filter;
    filter.overdueOnly = overdueOnly;
    setFilter(std::move(filter));
}

void FindingFilterModel::setText(const QString& text)
{
    Filter filter = m_filter;
    filter.text = text;
    setFilter(std::move(filter));
}

void FindingFilterModel::setRows(std::optional<QSet<int>> rows)
{
    if (m_rows == rows)
        return;
    m_rows = std::move(rows);
    applyFilterChange();
}

QString FindingFilterModel::searchText(int sourceRow) const
{
    return m_table->index(sourceRow, 0).data(FindingTableModel::SearchTextRole).toString();
}

bool FindingFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_rows && !m_rows->contains(sourceRow))
        return false;
    const FindingLifecycle* row = m_table && !sourceParent.isValid() ? m_table->lifecycleAt(sourceRow) : nullptr;
    if (!row)
        return true;
    if (m_filter.severity && row->finding.severity != *m_filter.severity)
        return false;
    if (m_filter.category && row->finding.category != *m_filter.category)
        return false;
    if (m_filter.state && row->state != *m_filter.state)
        return false;
    if (m_filter.overdueOnly && !row->overdue)
        return false;
    if (!m_filter.tool.isEmpty() && row->finding.tool != m_filter.tool)
        return false;
    return searchMatches(sourceRow, m_words);
}

} // namespace gatehouse
