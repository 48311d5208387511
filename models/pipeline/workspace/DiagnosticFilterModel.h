// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace gatehouse::pipeline {

/// Filters a DiagnosticTableModel by category (and sorts by the semantic roles: lines numerically, severities
/// by rank, not by name). GUI thread only.
class DiagnosticFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DiagnosticFilterModel(QObject* parent = nullptr);

    /// Only rows of `category`; nullopt shows all.
    void setCategoryFilter(std::optional<Category> category);
    std::optional<Category> categoryFilter() const { return m_category; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    std::optional<Category> m_category;
};

} // namespace gatehouse::pipeline
