// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoiseTableModel.h"

namespace gatehouse {

void NoiseTableModel::setReport(const TuningReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

const RuleNoise* NoiseTableModel::rule(int row) const
{
    return row >= 0 && row < m_report.rules.size() ? &m_report.rules.at(row) : nullptr;
}

int NoiseTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_report.rules.size());
}

int NoiseTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoiseTableModel::data(const QModelIndex& index, int role) const
{
    const RuleNoise* r = index.isValid() ? rule(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == AdviceRole)
        return int(r->advice);
    if (role == Qt::ToolTipRole)
        return r->reason;
    if (role == Qt::TextAlignmentRole && index.column() >= RaisedColumn && index.column() <= FpRateColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (index.column()) {
    case ToolColumn:
        return r->tool;
    case RuleColumn:
        return r->rule;
    case RaisedColumn:
        return r->raised;
    case FalsePositiveColumn:
        return r->falsePositive;
    case AcceptedColumn:
        return r->accepted;
    case FixedColumn:
        return r->fixed;
    case FpRateColumn:
        return sort ? QVariant(r->fpRate) : QVariant(QStringLiteral("%1%").arg(qRound(r->fpRate * 100)));
    case RecommendationColumn:
        return sort ? QVariant(int(r->advice)) : QVariant(tuningAdviceName(r->advice));
    case ReasonColumn:
        return r->reason;
    default:
        return {};
    }
}

QVariant NoiseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ToolColumn:
        return tr("Tool");
    case RuleColumn:
        return tr("Rule");
    case RaisedColumn:
        return tr("Raised");
    case FalsePositiveColumn:
        return tr("False positive");
    case AcceptedColumn:
        return tr("Accepted");
    case FixedColumn:
        return tr("Fixed");
    case FpRateColumn:
        return tr("FP rate");
    case RecommendationColumn:
        return tr("Recommendation");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace gatehouse
