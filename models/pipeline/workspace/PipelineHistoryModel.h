// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineHistory.h"

#include "common/RowTableModel.h"

namespace gatehouse::pipeline {

/// The commits of one pipeline file with their structural and gate changes; gate regressions are flagged by a
/// role for the ui to highlight. GUI thread only; fed with a PipelineHistory snapshot.
class PipelineHistoryModel : public RowTableModel<PipelineRevision>
{
    Q_OBJECT
public:
    enum Columns
    {
        TimeColumn,
        AuthorColumn,
        SummaryColumn,
        ChangesColumn,
        GatesColumn,
        ColumnCount
    };
    enum Roles
    {
        CommitRole = Qt::UserRole + 1, ///< full sha
        RegressionRole, ///< bool
        TimeRole, ///< QDateTime
        RegressedGatesRole, ///< QStringList
    };

    explicit PipelineHistoryModel(QObject* parent = nullptr);

    void setHistory(const PipelineHistory& history);
    const PipelineHistory& history() const { return m_history; }

    /// "+lint −deploy · stages: build,test → build,test,deploy" (empty when nothing structural changed).
    static QString describeChanges(const PipelineRevision& revision);
    /// "✗ production-approval · ✓ job-timeouts".
    static QString describeGates(const PipelineRevision& revision);

protected:
    QVariant cellData(const PipelineRevision& rev, const QModelIndex& index, int role) const override;

private:
    PipelineHistory m_history;
};

} // namespace gatehouse::pipeline
