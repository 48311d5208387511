// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityToolChart.h"

#include "ChartTheme.h"
#include "security/WeeklySummary.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace gatehouse::ui {

namespace {
int total(const QMap<Severity, int>& counts)
{
    int sum = 0;
    for (int n : counts)
        sum += n;
    return sum;
}
} // namespace

SecurityToolChart::SecurityToolChart(QWidget* parent)
    : ChartView(parent)
{
    setObjectName(QStringLiteral("securityToolChart"));
    chart()->setTitle(tr("Open findings per tool"));
    rebuild();
}

void SecurityToolChart::setPosture(const Posture& posture, const QDateTime& time)
{
    m_counts = openByTool(posture, time.isValid() ? time : posture.now);
    // Tools that reported at some point but have nothing open still get a (empty) bar: they ran.
    for (const ScanSummary& scan : posture.scans) {
        for (const ScanSummary::Report& r : scan.reports) {
            if (!r.tool.isEmpty() && (!time.isValid() || scan.time <= time))
                m_counts[r.tool];
        }
    }
    m_tools = m_counts.keys();
    // Bars are drawn bottom-up: the busiest tool ends on top.
    std::stable_sort(m_tools.begin(), m_tools.end(), [this](const QString& a, const QString& b) {
        return total(m_counts.value(a)) < total(m_counts.value(b));
    });
    rebuild();
}

QStringList SecurityToolChart::tools() const
{
    return m_tools;
}

int SecurityToolChart::count(const QString& tool, Severity severity) const
{
    return m_counts.value(tool).value(severity, 0);
}

QString SecurityToolChart::toolText(int index) const
{
    if (index < 0 || index >= m_tools.size())
        return {};
    const QString& tool = m_tools.at(index);
    QStringList parts;
    for (Severity s : allSeverities()) {
        if (const int n = count(tool, s))
            parts << tr("%1 %2").arg(n).arg(severityName(s));
    }
    return tr("%1: %2\nClick to list them")
        .arg(tool, parts.isEmpty() ? tr("nothing open") : parts.join(QStringLiteral(", ")));
}

void SecurityToolChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    const auto oldAxes = c->axes();
    for (QAbstractAxis* axis : oldAxes) {
        c->removeAxis(axis);
        delete axis;
    }
    setEmptyText(m_tools.isEmpty() ? tr("No tool has reported yet.") : QString());
    if (m_tools.isEmpty())
        return;
    auto* series = new QHorizontalStackedBarSeries;
    int maxTotal = 0;
    for (Severity s : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info}) {
        auto* set = new QBarSet(severityName(s));
        set->setColor(ChartTheme::severityColor(s, palette()));
        set->setBorderColor(Qt::transparent);
        for (const QString& tool : std::as_const(m_tools))
            *set << count(tool, s);
        series->append(set);
    }
    for (const QString& tool : std::as_const(m_tools))
        maxTotal = std::max(maxTotal, total(m_counts.value(tool)));
    series->setBarWidth(0.6);
    c->addSeries(series);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(m_tools);
    auto* xAxis = new QValueAxis;
    xAxis->setLabelFormat(QStringLiteral("%d"));
    xAxis->setRange(0, std::max(4, maxTotal + 1));
    xAxis->applyNiceNumbers();
    c->addAxis(yAxis, Qt::AlignLeft);
    c->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);
    connect(series, &QHorizontalStackedBarSeries::hovered, this,
            [this](bool status, int index, QBarSet*) { showTip(status ? toolText(index) : QString()); });
    connect(series, &QHorizontalStackedBarSeries::clicked, this, [this](int index, QBarSet*) {
        if (index >= 0 && index < m_tools.size())
            Q_EMIT toolActivated(m_tools.at(index));
    });
    ChartTheme::apply(c, palette());
}

} // namespace gatehouse::ui
