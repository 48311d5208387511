// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunTrendChart.h"

#include "RunChartStyle.h"

#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace gatehouse::ui {

RunTrendChart::RunTrendChart(QWidget* parent)
    : QChartView(parent)
    , m_success(new QLineSeries(this))
    , m_p50(new QLineSeries(this))
    , m_p95(new QLineSeries(this))
{
    setObjectName(QStringLiteral("runTrendChart"));
    setRenderHint(QPainter::Antialiasing);
    auto* chart = new QChart;
    m_success->setName(tr("Success rate (%)"));
    m_p50->setName(tr("Duration p50 (min)"));
    m_p95->setName(tr("Duration p95 (min)"));
    for (QLineSeries* series : {m_success, m_p50, m_p95})
        chart->addSeries(series);
    auto* time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("MMM d"));
    auto* rate = new QValueAxis;
    rate->setRange(0, 100);
    rate->setLabelFormat(QStringLiteral("%d %%"));
    auto* minutes = new QValueAxis;
    minutes->setLabelFormat(QStringLiteral("%.0f min"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(rate, Qt::AlignLeft);
    chart->addAxis(minutes, Qt::AlignRight);
    m_success->attachAxis(time);
    m_success->attachAxis(rate);
    for (QLineSeries* series : {m_p50, m_p95}) {
        series->attachAxis(time);
        series->attachAxis(minutes);
    }
    QChart* defaultChart = this->chart(); // QChartView(parent) made one, and setChart() only releases it
    setChart(chart);
    delete defaultChart;
    setMinimumHeight(220);
    styleChart(chart, palette());
    QPen success(palette().color(QPalette::Highlight), 2.5);
    m_success->setPen(success);
    m_p50->setPen(QPen(chartAccent(palette(), 1), 1.8));
    QPen p95(chartAccent(palette(), 2), 1.5, Qt::DashLine);
    m_p95->setPen(p95);
}

void RunTrendChart::setTrend(const QString& pipeline, const QList<runs::TrendPoint>& trend)
{
    QList<QPointF> success;
    QList<QPointF> p50;
    QList<QPointF> p95;
    double longest = 1;
    for (const runs::TrendPoint& point : trend) {
        const double x = double(point.start.toMSecsSinceEpoch());
        if (point.successRate >= 0)
            success.append({x, point.successRate * 100});
        if (point.durationP50 >= 0)
            p50.append({x, point.durationP50 / 60});
        if (point.durationP95 >= 0) {
            p95.append({x, point.durationP95 / 60});
            longest = qMax(longest, point.durationP95 / 60);
        }
    }
    m_success->replace(success);
    m_p50->replace(p50);
    m_p95->replace(p95);
    chart()->setTitle(pipeline.isEmpty() ? QString() : tr("%1 over time").arg(pipeline));
    const auto axes = chart()->axes();
    for (QAbstractAxis* axis : axes) {
        if (auto* time = qobject_cast<QDateTimeAxis*>(axis); time && !trend.isEmpty()) {
            time->setRange(trend.first().start, trend.last().start.addSecs(1));
            time->setTickCount(qBound(2, int(trend.size()), 8));
        } else if (auto* value = qobject_cast<QValueAxis*>(axis); value && axis->alignment() == Qt::AlignRight) {
            value->setRange(0, std::ceil(longest * 1.15));
        }
    }
}

int RunTrendChart::pointCount() const
{
    return int(m_success->count());
}

} // namespace gatehouse::ui
