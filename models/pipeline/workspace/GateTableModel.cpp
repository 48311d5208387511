// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GateTableModel.h"

namespace gatehouse::pipeline {

GateTableModel::GateTableModel(QObject* parent)
    : RowTableModel({tr("State"), tr("Gate"), tr("Evidence"), tr("Line")}, OtherHeaders::None, parent)
{ }

QString GateTableModel::stateName(GateState state)
{
    switch (state) {
    case GateState::Pass:
        return QStringLiteral("pass");
    case GateState::Fail:
        return QStringLiteral("fail");
    case GateState::NotApplicable:
        return QStringLiteral("n/a");
    case GateState::Disabled:
        return QStringLiteral("off");
    }
    return {};
}

void GateTableModel::setGates(const QList<GateStatus>& gates, const QStringList& fixable)
{
    // The gate list is fixed (the catalog): update cells in place so the selection survives every keystroke.
    const QList<GateStatus>& current = rows();
    bool sameRows = gates.size() == current.size();
    for (qsizetype i = 0; sameRows && i < gates.size(); ++i)
        sameRows = gates.at(i).id == current.at(i).id;
    m_fixable = fixable;
    if (sameRows)
        updateRows(gates);
    else
        setRows(gates);
}

QVariant GateTableModel::cellData(const GateStatus& gate, const QModelIndex& index, int role) const
{
    switch (role) {
    case StateRole:
        return int(gate.state);
    case GateIdRole:
        return gate.id;
    case FileRole:
        return gate.file;
    case LineRole:
        return gate.line;
    case HasQuickFixRole:
        return m_fixable.contains(gate.id);
    case Qt::ToolTipRole:
        return gate.rationale;
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return stateName(gate.state);
        case GateColumn:
            return gate.title;
        case EvidenceColumn:
            return gate.evidence;
        case LineColumn:
            return gate.line > 0 ? QVariant(gate.line) : QVariant(QString());
        }
        break;
    }
    return {};
}

} // namespace gatehouse::pipeline
