// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Finding.h"
#include "Posture.h"

#include "common/TableFilterModel.h"

#include <QSet>

#include <optional>

namespace gatehouse {

class FindingTableModel;

/// Filters and sorts a FindingTableModel for the findings table: by severity, tool, category, state and a text
/// (case-insensitive, every word in tool, rule, title, location, ids or fingerprint). Unset filters let everything
/// through. Sorts by FindingTableModel::SortRole. One filter pass per setFilter() (or setter) that changes
/// something. Thread affinity: the GUI thread.
class FindingFilterModel : public TableFilterModel
{
    Q_OBJECT
public:
    struct Filter
    {
        std::optional<Severity> severity;
        QString tool; ///< empty: any
        std::optional<FindingCategory> category;
        std::optional<FindingState> state;
        bool overdueOnly = false;
        QString text;

        bool operator==(const Filter&) const = default;
    };

    explicit FindingFilterModel(QObject* parent = nullptr);

    /// The source must be a FindingTableModel.
    void setSourceModel(QAbstractItemModel* model) override;

    /// All filters at once (the row set of setRows() stays): one pass over the rows when anything changed.
    void setFilter(Filter filter);
    const Filter& filter() const { return m_filter; }

    void setSeverity(std::optional<Severity> severity);
    void setTool(const QString& tool); ///< empty: any
    void setCategory(std::optional<FindingCategory> category);
    void setState(std::optional<FindingState> state);
    void setOverdueOnly(bool overdueOnly);
    void setText(const QString& text);
    /// Only these source rows (e.g. a week's new findings: WeeklySummary::newIndexes); nullopt: no such filter.
    void setRows(std::optional<QSet<int>> rows);

    std::optional<Severity> severity() const { return m_filter.severity; }
    QString tool() const { return m_filter.tool; }
    std::optional<FindingCategory> category() const { return m_filter.category; }
    std::optional<FindingState> state() const { return m_filter.state; }
    bool overdueOnly() const { return m_filter.overdueOnly; }
    QString text() const { return m_filter.text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    QString searchText(int sourceRow) const override;

private:
    Filter m_filter;
    QStringList m_words; // m_filter.text, folded
    std::optional<QSet<int>> m_rows;
    const FindingTableModel* m_table = nullptr;
};

} // namespace gatehouse
