// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GateTableModel.h"

#include <QThread>

namespace gatehouse::pipeline {

GateTableModel::GateTableModel(QObject* parent)
    : QAbstractTableModel(parent)
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
    Q_ASSERT(QThread::currentThread() == thread());
    // The gate list is fixed (the catalog): update cells in place so the selection survives every keystroke.
    bool sameRows = gates.size() == m_gates.size();
    for (qsizetype i = 0; sameRows && i < gates.size(); ++i)
        sameRows = gates.at(i).id == m_gates.at(i).id;
    if (!sameRows) {
        beginResetModel();
        m_gates = gates;
        m_fixable = fixable;
        endResetModel();
        return;
    }
    m_gates = gates;
    m_fixable = fixable;
    if (!m_gates.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int GateTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_gates.size());
}

int GateTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GateTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GateStatus& gate = m_gates.at(index.row());
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

QVariant GateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case GateColumn:
        return tr("Gate");
    case EvidenceColumn:
        return tr("Evidence");
    case LineColumn:
        return tr("Line");
    }
    return {};
}

} // namespace gatehouse::pipeline
