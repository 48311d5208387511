// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "BufferValidation.h"

#include <QAbstractTableModel>

namespace gatehouse::pipeline {

/// The Gates panel: one row per gate of the catalog with its state on the current buffer, the evidence and
/// where it is. Semantic roles only (the state as an int; the ui picks colours). GUI thread only.
class GateTableModel : public QAbstractTableModel
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
    const QList<GateStatus>& gates() const { return m_gates; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateName(GateState state); ///< "pass" / "fail" / "n/a" / "off"

private:
    QList<GateStatus> m_gates;
    QStringList m_fixable;
};

} // namespace gatehouse::pipeline
