// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityChartsPanel.h"

#include "charts/PostureWeeklyChart.h"
#include "charts/SecurityFixTimeChart.h"
#include "charts/SecurityToolChart.h"
#include "charts/SecurityTrendChart.h"
#include "widgets/Widgets.h"

#include <QComboBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {
QFrame* card(QWidget* chart, QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setProperty("tile", true);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(chart);
    return frame;
}
} // namespace

SecurityChartsPanel::SecurityChartsPanel(QWidget* parent)
    : QWidget(parent)
    , m_range(new QComboBox(this))
    , m_trend(new SecurityTrendChart(this))
    , m_weekly(new PostureWeeklyChart(this))
    , m_fixTime(new SecurityFixTimeChart(this))
    , m_tools(new SecurityToolChart(this))
{
    setObjectName(QStringLiteral("securityCharts"));
    m_range->setObjectName(QStringLiteral("chartRange"));
    m_range->addItem(tr("All history"), 0);
    m_range->addItem(tr("Last 26 weeks"), 26);
    m_range->addItem(tr("Last 12 weeks"), 12);
    m_range->addItem(tr("Last 4 weeks"), 4);
    m_range->setToolTip(tr("Time range of the trend and weekly charts. Drag over the trend to zoom, double-click "
                           "to reset."));

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(makeLabel(QStringLiteral("sectionTitle"), this, tr("Trends")));
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Range:"), this));
    top->addWidget(m_range);

    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(12);
    grid->addWidget(card(m_trend, this), 0, 0);
    grid->addWidget(card(m_weekly, this), 0, 1);
    grid->addWidget(card(m_fixTime, this), 1, 0);
    grid->addWidget(card(m_tools, this), 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    for (QWidget* chart : {static_cast<QWidget*>(m_trend), static_cast<QWidget*>(m_weekly),
                           static_cast<QWidget*>(m_fixTime), static_cast<QWidget*>(m_tools)})
        chart->setMinimumHeight(260);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addLayout(grid, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &SecurityChartsPanel::applyRange);
    connect(m_trend, &SecurityTrendChart::zoomReset, this, &SecurityChartsPanel::applyRange);
    connect(m_trend, &SecurityTrendChart::scanActivated, this, &SecurityChartsPanel::scanActivated);
    connect(m_weekly, &PostureWeeklyChart::weekActivated, this, &SecurityChartsPanel::weekActivated);
    connect(m_tools, &SecurityToolChart::toolActivated, this, &SecurityChartsPanel::toolActivated);
}

void SecurityChartsPanel::setPosture(const Posture& posture, const QList<WeekTrendPoint>& weeks)
{
    m_posture = posture;
    m_trend->setPosture(posture);
    m_weekly->setWeeks(weeks);
    applyRange();
}

void SecurityChartsPanel::setWeek(const WeeklySummary& week)
{
    m_weekly->setSelectedWeek(week.week);
    m_fixTime->setPosture(m_posture, week.asOf);
    m_tools->setPosture(m_posture, week.asOf);
}

void SecurityChartsPanel::setRangeWeeks(int weeks)
{
    const int index = m_range->findData(weeks);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

void SecurityChartsPanel::applyRange()
{
    const int weeks = m_range->currentData().toInt();
    const QDateTime end = m_posture.now;
    m_trend->setRange(weeks > 0 && end.isValid() ? end.addDays(-7 * weeks) : QDateTime(), end);
    m_weekly->setVisibleWeeks(weeks);
}

} // namespace gatehouse::ui
