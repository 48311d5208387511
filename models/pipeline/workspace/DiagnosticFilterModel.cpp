// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DiagnosticFilterModel.h"

#include "DiagnosticTableModel.h"

namespace gatehouse::pipeline {

DiagnosticFilterModel::DiagnosticFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

void DiagnosticFilterModel::setCategoryFilter(std::optional<Category> category)
{
    if (category == m_category)
        return;
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
    beginFilterChange();
    m_category = category;
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#else
    m_category = category;
    invalidateFilter();
#endif
}

bool DiagnosticFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_category)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(DiagnosticTableModel::CategoryRole).toInt() == int(*m_category);
}

bool DiagnosticFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    auto key = [](const QModelIndex& index) -> QVariant {
        switch (index.column()) {
        case DiagnosticTableModel::SeverityColumn:
            return index.data(DiagnosticTableModel::SeverityRole);
        case DiagnosticTableModel::LineColumn:
            return index.data(DiagnosticTableModel::LineRole);
        case DiagnosticTableModel::CategoryColumn:
            return index.data(DiagnosticTableModel::CategoryRole);
        default:
            return index.data(Qt::DisplayRole);
        }
    };
    const QVariant a = key(left);
    const QVariant b = key(right);
    if (a.typeId() == QMetaType::Int && b.typeId() == QMetaType::Int) {
        if (a.toInt() != b.toInt())
            return a.toInt() < b.toInt();
        // Ties: keep file order.
        return left.data(DiagnosticTableModel::LineRole).toInt() < right.data(DiagnosticTableModel::LineRole).toInt();
    }
    return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
}

} // namespace gatehouse::pipeline
