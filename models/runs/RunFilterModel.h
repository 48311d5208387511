// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RunTypes.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace gatehouse::runs {

/// The Runs tab's filters over a RunTableModel: status, branch, pipeline and a free text (matched against the
/// pipeline, branch, commit, trigger and run id). Sorts by RunTableModel::SortRole. GUI thread only.
class RunFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RunFilterModel(QObject* parent = nullptr);

    /// nullopt = any status. Failed also keeps canceled runs out: it is the status as stored.
    void setStatus(std::optional<RunStatus> status);
    void setBranch(const QString& branch); ///< empty = any
    void setPipeline(const QString& pipeline); ///< empty = any
    void setText(const QString& text); ///< case-insensitive substring; empty = any

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    std::optional<RunStatus> m_status;
    QString m_branch;
    QString m_pipeline;
    QString m_text;
};

} // namespace gatehouse::runs
