// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ScanTuning.h"

#include <QAbstractTableModel>

namespace gatehouse {

/// The rules of a TuningReport as a table (the Security page's Noise view). Changes only on the GUI thread.
class NoiseTableModel : public QAbstractTableModel
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

    using QAbstractTableModel::QAbstractTableModel;

    void setReport(const TuningReport& report);
    const TuningReport& report() const { return m_report; }
    const RuleNoise* rule(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TuningReport m_report;
};

} // namespace gatehouse
