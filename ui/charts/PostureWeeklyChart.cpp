// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostureWeeklyChart.h"

#include "ChartTheme.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QValueAxis>

namespace gatehouse::ui {

PostureWeeklyChart::PostureWeeklyChart(QWidget* parent)
    : ChartView(parent)
{
    setObjectName(QStringLiteral("postureWeeklyChart"));
    chart()->setTitle(tr("New and fixed per week"));
    rebuild();
}

void PostureWeeklyChart::setWeeks(const QList<WeeklySummary>& weeks)
{
    m_weeks = weeks;
    rebuild();
}

void PostureWeeklyChart::setSelectedWeek(const IsoWeek& week)
{
    m_selected = week;
    rebuild();
}

void PostureWeeklyChart::setVisibleWeeks(int count)
{
    m_visible = count;
    rebuild();
}

int PostureWeeklyChart::visibleWeeks() const
{
    return int(categories().size());
}

QStringList PostureWeeklyChart::categories() const
{
    const auto axes = chart()->axes(Qt::Horizontal);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis*>(axes.constFirst());
    return axis ? axis->categories() : QStringList();
}

QString PostureWeeklyChart::weekText(int index) const
{
    const int first = m_visible > 0 ? std::max(0, int(m_weeks.size()) - m_visible) : 0;
    const int i = first + index;
    if (index < 0 || i >= m_weeks.size())
        return {};
    const WeeklySummary& w = m_weeks.at(i);
    return tr("%1 (%2 – %3)\n%4 new, %5 fixed, %6 scans\nClick to review this week")
        .arg(w.week.toString(), w.start.date().toString(QStringLiteral("d MMM")),
             w.end.date().addDays(-1).toString(QStringLiteral("d MMM")))
        .arg(w.newFindings)
        .arg(w.fixedFindings)
        .arg(w.scans);
}

void PostureWeeklyChart::activate(int index)
{
    const int first = m_visible > 0 ? std::max(0, int(m_weeks.size()) - m_visible) : 0;
    if (index >= 0 && first + index < m_weeks.size())
        Q_EMIT weekActivated(m_weeks.at(first + index).week);
}

void PostureWeeklyChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    m_new = m_fixed = nullptr;
    const auto oldAxes = c->axes();
    for (QAbstractAxis* axis : oldAxes) {
        c->removeAxis(axis);
        delete axis;
    }
    setEmptyText(m_weeks.isEmpty() ? tr("No scans yet.") : QString());
    if (m_weeks.isEmpty())
        return;
    const int first = m_visible > 0 ? std::max(0, int(m_weeks.size()) - m_visible) : 0;
    auto* series = new QBarSeries;
    m_new = new QBarSet(tr("New"));
    m_fixed = new QBarSet(tr("Fixed"));
    m_new->setColor(ChartTheme::badColor(palette()));
    m_fixed->setColor(ChartTheme::goodColor(palette()));
    m_new->setBorderColor(Qt::transparent);
    m_fixed->setBorderColor(Qt::transparent);
    m_new->setSelectedColor(ChartTheme::badColor(palette()).darker(140));
    m_fixed->setSelectedColor(ChartTheme::goodColor(palette()).darker(140));
    QStringList labels;
    int maxValue = 0;
    // Short labels keep a year of weeks readable; the hover text names the year.
    for (int i = first; i < m_weeks.size(); ++i) {
        const WeeklySummary& w = m_weeks.at(i);
        *m_new << w.newFindings;
        *m_fixed << w.fixedFindings;
        maxValue = std::max({maxValue, w.newFindings, w.fixedFindings});
        labels << QStringLiteral("W%1").arg(w.week.week);
        if (w.week == m_selected) {
            m_new->selectBar(i - first);
            m_fixed->selectBar(i - first);
        }
    }
    series->append(m_new);
    series->append(m_fixed);
    series->setBarWidth(0.75);
    c->addSeries(series);
    auto* xAxis = new QBarCategoryAxis;
    xAxis->append(labels);
    // Upright labels would be elided to "…" beyond a dozen weeks.
    if (labels.size() > 10)
        xAxis->setLabelsAngle(-90);
    auto* yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setRange(0, std::max(4, maxValue + 1));
    yAxis->applyNiceNumbers();
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    connect(series, &QBarSeries::hovered, this,
            [this](bool status, int index, QBarSet*) { showTip(status ? weekText(index) : QString()); });
    connect(series, &QBarSeries::clicked, this, [this](int index, QBarSet*) { activate(index); });
    ChartTheme::apply(c, palette());
}

} // namespace gatehouse::ui
