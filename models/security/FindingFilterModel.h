// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Finding.h"
#include "Posture.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace gatehouse {

/// Filters and sorts a FindingTableModel for the findings table: by severity, tool, category, state and a text
/// (case-insensitive, in tool, rule, title, location, ids and fingerprint). Unset filters let everything through.
/// Sorts by FindingTableModel::SortRole. Thread affinity: the GUI thread.
class FindingFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FindingFilterModel(QObject* parent = nullptr);

    void setSeverity(std::optional<Severity> severity);
    void setTool(const QString& tool); ///< empty: any
    void setCategory(std::optional<FindingCategory> category);
    void setState(std::optional<FindingState> state);
    void setOverdueOnly(bool overdueOnly);
    void setText(const QString& text);
    /// Only these source rows (e.g. a week's new findings: WeeklySummary::newIndexes); nullopt: no such filter.
    void setRows(std::optional<QSet<int>> rows);

    std::optional<Severity> severity() const { return m_severity; }
    QString tool() const { return m_tool; }
    std::optional<FindingCategory> category() const { return m_category; }
    std::optional<FindingState> state() const { return m_state; }
    bool overdueOnly() const { return m_overdueOnly; }
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<Severity> m_severity;
    QString m_tool;
    std::optional<FindingCategory> m_category;
    std::optional<FindingState> m_state;
    bool m_overdueOnly = false;
    QString m_text;
    std::optional<QSet<int>> m_rows;
};

} // namespace gatehouse
