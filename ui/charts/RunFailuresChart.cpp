// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunFailuresChart.h"

#include "RunChartStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace gatehouse::ui {

RunFailuresChart::RunFailuresChart(QWidget* parent)
    : QChartView(parent)
    , m_failures(new QBarSet(tr("Failed")))
    , m_flaky(new QBarSet(tr("Flaky (passed on retry)")))
{
    setObjectName(QStringLiteral("runFailuresChart"));
    setRenderHint(QPainter::Antialiasing);
    m_failures->setColor(chartAccent(palette(), 3));
    m_failures->setBorderColor(Qt::transparent);
    m_flaky->setColor(chartAccent(palette(), 4));
    m_flaky->setBorderColor(Qt::transparent);
    auto* series = new QHorizontalStackedBarSeries;
    series->append(m_failures);
    series->append(m_flaky);
    auto* chart = new QChart;
    chart->addSeries(series);
    auto* jobs = new QBarCategoryAxis;
    auto* count = new QValueAxis;
    count->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(jobs, Qt::AlignLeft);
    chart->addAxis(count, Qt::AlignBottom);
    series->attachAxis(jobs);
    series->attachAxis(count);
    QChart* defaultChart = this->chart(); // QChartView(parent) made one, and setChart() only releases it
    setChart(chart);
    delete defaultChart;
    setMinimumHeight(220);
    styleChart(chart, palette());
}

void RunFailuresChart::setJobs(const QList<runs::JobStats>& jobs, const QString& pipeline)
{
    QList<runs::JobStats> failing;
    for (const runs::JobStats& job : jobs) {
        if (job.failures > 0 && (pipeline.isEmpty() || job.pipeline == pipeline))
            failing.append(job);
    }
    std::stable_sort(failing.begin(), failing.end(),
                     [](const runs::JobStats& a, const runs::JobStats& b) { return a.failures > b.failures; });
    failing = failing.mid(0, 10);
    // Bars grow upwards from the axis origin: the job that failed most goes last, so it is drawn on top.
    std::reverse(failing.begin(), failing.end());
    m_categories.clear();
    QList<qreal> hard;
    QList<qreal> flaky;
    int most = 1;
    for (const runs::JobStats& job : std::as_const(failing)) {
        m_categories.append(pipeline.isEmpty() ? QStringLiteral("%1 · %2").arg(job.pipeline, job.name) : job.name);
        hard.append(job.failures - job.flakyFailures);
        flaky.append(job.flakyFailures);
        most = qMax(most, job.failures);
    }
    m_failures->remove(0, m_failures->count());
    m_flaky->remove(0, m_flaky->count());
    m_failures->append(hard);
    m_flaky->append(flaky);
    const auto axes = chart()->axes();
    for (QAbstractAxis* axis : axes) {
        if (auto* category = qobject_cast<QBarCategoryAxis*>(axis)) {
            category->clear();
            category->append(m_categories);
        } else if (auto* value = qobject_cast<QValueAxis*>(axis)) {
            value->setRange(0, most);
            value->setTickCount(qMin(most, 5) + 1);
        }
    }
    chart()->setTitle(failing.isEmpty() ? tr("No job failed in this window") : tr("Failures per job"));
}

} // namespace gatehouse::ui
