// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Posture.h"

#include "common/RowTableModel.h"

namespace gatehouse {

/// The findings table of the security page: one row per finding lifecycle of a Posture snapshot.
///
/// Semantic roles only (severity and state as enums, times as QDateTime): colours and icons are the delegates'
/// business in ui/. DisplayRole gives plain text; SortRole gives values that sort naturally (severity worst
/// first as a number, times, ages). Thread affinity: the GUI thread; the snapshot comes from a worker as a value.
class FindingTableModel : public RowTableModel<FindingLifecycle>
{
    Q_OBJECT

public:
    enum Columns
    {
        SeverityColumn,
        StateColumn,
        ToolColumn,
        RuleColumn,
        TitleColumn,
        LocationColumn,
        FirstSeenColumn,
        AgeColumn,
        DueColumn,
        ColumnCount
    };
    enum Roles
    {
        SeverityRole = Qt::UserRole + 1, ///< gatehouse::Severity as int
        StateRole, ///< gatehouse::FindingState as int
        CategoryRole, ///< gatehouse::FindingCategory as int
        ToolRole,
        RuleRole,
        FingerprintRole,
        FirstSeenRole, ///< QDateTime
        FirstSeenCommitRole, ///< full commit id
        FixedRole, ///< QDateTime, invalid while present
        AgeDaysRole, ///< double
        DueRole, ///< QDateTime, invalid without an SLA
        OverdueRole, ///< bool
        TriagedRole, ///< bool: a triage decision matches (also when expired)
        SortRole,
        SearchTextRole, ///< QString: tool, rule, title, location, ids and fingerprint, for text filters
    };
    Q_ENUM(Columns)

    explicit FindingTableModel(QObject* parent = nullptr);

    /// Replaces the rows with the posture's findings (a model reset).
    void setSnapshot(const Posture& posture);
    /// The lifecycle behind a row (for the details pane); nullptr when out of range.
    const FindingLifecycle* lifecycleAt(int row) const;
    /// The given rows (all when empty) as a Markdown table, for pasting into issues and chats.
    QString toMarkdown(const QList<int>& rows = {}) const;

    QHash<int, QByteArray> roleNames() const override;

protected:
    QVariant cellData(const FindingLifecycle& row, const QModelIndex& index, int role) const override;
};

} // namespace gatehouse
