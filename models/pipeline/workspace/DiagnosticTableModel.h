// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Diagnostic.h"

#include "common/RowTableModel.h"

namespace gatehouse::pipeline {

/// The Problems table of the pipeline workspace: one row per diagnostic. Exposes semantic roles (the severity
/// and category enums as ints, rule id, line); the ui turns them into colours and icons.
/// GUI thread only; fed with value snapshots through setDiagnostics().
class DiagnosticTableModel : public RowTableModel<Diagnostic>
{
    Q_OBJECT
public:
    enum Columns
    {
        SeverityColumn,
        LineColumn,
        CategoryColumn,
        RuleColumn,
        MessageColumn,
        ColumnCount
    };
    enum Roles
    {
        SeverityRole = Qt::UserRole + 1, ///< int(Severity)
        CategoryRole, ///< int(Category)
        RuleRole,
        MessageRole,
        FileRole,
        LineRole, ///< 1-based, 0 = whole file
        ColumnRole, ///< 1-based, 0 = whole line
    };

    explicit DiagnosticTableModel(QObject* parent = nullptr);

    void setDiagnostics(const QList<Diagnostic>& diagnostics);
    const QList<Diagnostic>& diagnostics() const { return rows(); }
    const Diagnostic& diagnostic(int row) const { return rows().at(row); }

    QHash<int, QByteArray> roleNames() const override;

protected:
    QVariant cellData(const Diagnostic& row, const QModelIndex& index, int role) const override;
};

} // namespace gatehouse::pipeline
