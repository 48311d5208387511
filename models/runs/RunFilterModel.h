// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"

#include "common/TableFilterModel.h"

#include <optional>

namespace gatehouse::runs {

class RunTableModel;

/// The Runs tab's filters over a RunTableModel: status, branch, pipeline and a free text (matched against the
/// pipeline, branch, trigger and run key, case-insensitive, and as a prefix of the commit). Sorts by
/// RunTableModel::SortRole. One filter pass per setFilter() (or setter) that changes something. GUI thread only.
class RunFilterModel : public TableFilterModel
{
    Q_OBJECT

public:
    struct Filter
    {
        /// nullopt = any status. Failed also keeps canceled runs out: it is the status as stored.
        std::optional<RunStatus> status;
        QString branch; ///< empty = any
        QString pipeline; ///< empty = any
        QString text; ///< case-insensitive substring; empty = any

        bool operator==(const Filter&) const = default;
    };

    explicit RunFilterModel(QObject* parent = nullptr);

    /// The source must be a RunTableModel.
    void setSourceModel(QAbstractItemModel* model) override;

    /// All filters at once: one pass over the rows when anything changed.
    void setFilter(Filter filter);
    const Filter& filter() const { return m_filter; }

    void setStatus(std::optional<RunStatus> status);
    void setBranch(const QString& branch);
    void setPipeline(const QString& pipeline);
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    QString searchText(int sourceRow) const override;

private:
    Filter m_filter;
    QStringList m_words; // m_filter.text, folded
    const RunTableModel* m_table = nullptr;
};

} // namespace gatehouse::runs
