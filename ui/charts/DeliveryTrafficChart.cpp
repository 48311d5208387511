// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryTrafficChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace gatehouse::ui {

DeliveryTrafficChart::DeliveryTrafficChart(QWidget* parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("trafficChart"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(56);
    setMaximumHeight(72);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(0, 0, 0, 0));
    chart()->setBackgroundRoundness(0);
    chart()->setAnimationOptions(QChart::NoAnimation);
}

void DeliveryTrafficChart::setCurve(const QList<delivery::TrafficPoint>& curve)
{
    m_curve = curve;
    rebuild();
}

void DeliveryTrafficChart::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void DeliveryTrafficChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis* axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    const QPalette p = palette();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    if (m_curve.isEmpty())
        return;

    // A step line: the weight holds until the next step changes it (rolling updates ramp instead).
    const bool ramp = m_curve.size() == 2 && m_curve.constFirst().label == QLatin1String("start");
    auto* upper = new QLineSeries;
    auto* lower = new QLineSeries;
    auto* corners = new QScatterSeries;
    for (int i = 0; i < m_curve.size(); ++i) {
        const delivery::TrafficPoint& point = m_curve.at(i);
        if (i > 0 && !ramp)
            upper->append(point.step, m_curve.at(i - 1).weight);
        upper->append(point.step, point.weight);
        corners->append(point.step, point.weight);
    }
    const qreal last = m_curve.constLast().step;
    upper->append(last + 0.5, m_curve.constLast().weight);
    lower->append(0, 0);
    lower->append(last + 0.5, 0);
    const QColor accent = p.color(QPalette::Highlight);
    auto* area = new QAreaSeries(upper, lower);
    // QAreaSeries does not own its boundary lines: the area does, so removeAllSeries() frees them too.
    upper->setParent(area);
    lower->setParent(area);
    QColor fill = accent;
    fill.setAlpha(60);
    area->setBrush(fill);
    area->setPen(QPen(accent, 2));
    corners->setMarkerSize(6);
    corners->setColor(accent);
    corners->setBorderColor(accent);
    c->addSeries(area);
    c->addSeries(corners);

    auto* x = new QValueAxis;
    x->setRange(0, last + 0.5);
    x->setVisible(false);
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setTickCount(3);
    y->setLabelsVisible(false); // a sketch of the shape; the exact weights are in the tooltip
    y->setLabelsColor(p.color(QPalette::Text));
    y->setGridLineColor(p.color(QPalette::Midlight));
    y->setLinePenColor(p.color(QPalette::Mid));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* series : {static_cast<QAbstractSeries*>(area), static_cast<QAbstractSeries*>(corners)}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    QStringList lines;
    for (const delivery::TrafficPoint& point : std::as_const(m_curve))
        lines.append(QStringLiteral("%1 %  %2").arg(point.weight, 3).arg(point.label));
    setToolTip(QStringLiteral("<pre>%1</pre>").arg(lines.join(QLatin1Char('\n')).toHtmlEscaped()));
}

} // namespace gatehouse::ui
