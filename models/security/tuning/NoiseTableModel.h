// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanTuning.h"

#include "common/RowTableModel.h"

namespace gatehouse {

/// The rules of a TuningReport as a table (the Security page's Noise view). Changes only on the GUI thread.
class NoiseTableModel : public RowTableModel<RuleNoise>
{
    Q_OBJECT
public:
    enum Column
    {
        ToolColumn,
        RuleColumn,
        RaisedColumn,
        FalsePositiveColumn,
        AcceptedColumn,
        FixedColumn,
        FpRateColumn,
        RecommendationColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        AdviceRole = Qt::UserRole + 1, ///< TuningAdvice as int
        SortRole,
    };

    explicit NoiseTableModel(QObject* parent = nullptr);

    void setReport(const TuningReport& report);
    const TuningReport& report() const { return m_report; }
    const RuleNoise* rule(int row) const;

protected:
    QVariant cellData(const RuleNoise& noise, const QModelIndex& index, int role) const override;

private:
    TuningReport m_report;
};

} // namespace gatehouse
