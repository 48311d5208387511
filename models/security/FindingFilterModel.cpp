// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingFilterModel.h"

#include "FindingTableModel.h"

namespace gatehouse {

FindingFilterModel::FindingFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FindingTableModel::SortRole);
    setDynamicSortFilter(true);
}

// Qt 6.4 has no beginFilterChange(); invalidateFilter() keeps the sort and selection mapping.
void FindingFilterModel::setSeverity(std::optional<Severity> severity)
{
    if (m_severity == severity)
        return;
    m_severity = severity;
    invalidateFilter();
}

void FindingFilterModel::setTool(const QString& tool)
{
    if (m_tool == tool)
        return;
    m_tool = tool;
    invalidateFilter();
}

void FindingFilterModel::setCategory(std::optional<FindingCategory> category)
{
    if (m_category == category)
        return;
    m_category = category;
    invalidateFilter();
}

void FindingFilterModel::setState(std::optional<FindingState> state)
{
    if (m_state == state)
        return;
    m_state = state;
    invalidateFilter();
}

void FindingFilterModel::setOverdueOnly(bool overdueOnly)
{
    if (m_overdueOnly == overdueOnly)
        return;
    m_overdueOnly = overdueOnly;
    invalidateFilter();
}

void FindingFilterModel::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void FindingFilterModel::setRows(std::optional<QSet<int>> rows)
{
    if (m_rows == rows)
        return;
    m_rows = std::move(rows);
    invalidateFilter();
}

bool FindingFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_rows && !m_rows->contains(sourceRow))
        return false;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_severity && index.data(FindingTableModel::SeverityRole).toInt() != int(*m_severity))
        return false;
    if (m_category && index.data(FindingTableModel::CategoryRole).toInt() != int(*m_category))
        return false;
    if (m_state && index.data(FindingTableModel::StateRole).toInt() != int(*m_state))
        return false;
    if (m_overdueOnly && !index.data(FindingTableModel::OverdueRole).toBool())
        return false;
    if (!m_tool.isEmpty() && index.data(FindingTableModel::ToolRole).toString() != m_tool)
        return false;
    if (!m_text.isEmpty()) {
        const QString haystack = index.data(FindingTableModel::SearchTextRole).toString();
        const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& word : words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}

} // namespace gatehouse
