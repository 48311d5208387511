// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BufferValidation.h"

#include "common/RowTableModel.h"

namespace gatehouse::pipeline {

/// The Gates panel: one row per gate of the catalog with its state on the current buffer, the evidence and
/// where it is. Semantic roles only (the state as an int; the ui picks colours). GUI thread only.
class GateTableModel : public RowTableModel<GateStatus>
{
    Q_OBJECT
public:
    enum Columns
    {
        StateColumn,
        GateColumn,
        EvidenceColumn,
        LineColumn,
        ColumnCount
    };
    enum Roles
    {
        StateRole = Qt::UserRole + 1, ///< int(GateState)
        GateIdRole,
        FileRole,
        LineRole,
        HasQuickFixRole, ///< bool: a mechanical fix exists for this gate's first problem
    };

    explicit GateTableModel(QObject* parent = nullptr);

    /// `fixable`: ids of the gates that have a quick fix on this buffer.
    void setGates(const QList<GateStatus>& gates, const QStringList& fixable = {});
    const QList<GateStatus>& gates() const { return rows(); }

    static QString stateName(GateState state); ///< "pass" / "fail" / "n/a" / "off"

protected:
    QVariant cellData(const GateStatus& gate, const QModelIndex& index, int role) const override;

private:
    QStringList m_fixable;
};

} // namespace gatehouse::pipeline
