// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoiseTableModel.h"

namespace gatehouse {

NoiseTableModel::NoiseTableModel(QObject* parent)
    : RowTableModel({tr("Tool"), tr("Rule"), tr("Raised"), tr("False positive"), tr("Accepted"), tr("Fixed"),
                     tr("FP rate"), tr("Recommendation"), tr("Why")},
                    OtherHeaders::None, parent)
{ }

void NoiseTableModel::setReport(const TuningReport& report)
{
    // The rules are the rows; the whole report is kept for report().
    m_report = report;
    setRows(report.rules);
}

const RuleNoise* NoiseTableModel::rule(int row) const
{
    return rowAt(row);
}

QVariant NoiseTableModel::cellData(const RuleNoise& noise, const QModelIndex& index, int role) const
{
    const RuleNoise* r = &noise;
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

} // namespace gatehouse
