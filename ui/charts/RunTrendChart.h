// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runs/RunAnalysis.h"

#include <QChartView>

class QLineSeries;

namespace gatehouse::ui {

/// One pipeline's history over time: success rate (left axis, %) and duration p50 / p95 (right axis, minutes), one
/// point per trend bucket. Colours come from the palette, so light and dark themes both read.
class RunTrendChart : public QChartView
{
    Q_OBJECT
public:
    explicit RunTrendChart(QWidget* parent = nullptr);

    void setTrend(const QString& pipeline, const QList<runs::TrendPoint>& trend);
    int pointCount() const;
    QLineSeries* successSeries() const { return m_success; }

private:
    QLineSeries* m_success;
    QLineSeries* m_p50;
    QLineSeries* m_p95;
};

} // namespace gatehouse::ui
