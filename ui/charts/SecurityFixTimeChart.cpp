// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityFixTimeChart.h"

#include "ChartTheme.h"
#include "security/WeeklySummary.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace gatehouse::ui {

SecurityFixTimeChart::SecurityFixTimeChart(QWidget* parent)
    : ChartView(parent)
{
    setObjectName(QStringLiteral("securityFixTimeChart"));
    chart()->setTitle(tr("Days to fix per severity"));
    rebuild();
}

void SecurityFixTimeChart::setPosture(const Posture& posture, const QDateTime& until)
{
    const QMap<Severity, QList<double>> durations
        = fixDurations(posture, until.isValid() ? until : QDate(9999, 12, 31).startOfDay(Qt::UTC));
    QMap<Severity, std::optional<int>> slas;
    for (const FindingLifecycle& f : posture.findings)
        slas.insert(f.finding.severity, f.slaDays);
    m_rows.clear();
    for (Severity s : {Severity::Critical, Severity::High, Severity::Medium, Severity::Low}) {
        const QList<double> d = durations.value(s);
        if (d.isEmpty() && !slas.contains(s))
            continue;
        m_rows << Row{s, int(d.size()), median(d), d.isEmpty() ? 0.0 : *std::max_element(d.cbegin(), d.cend()),
                      slas.value(s)};
    }
    rebuild();
}

QStringList SecurityFixTimeChart::categories() const
{
    QStringList list;
    for (const Row& r : m_rows)
        list << severityName(r.severity);
    return list;
}

QString SecurityFixTimeChart::severityText(int index) const
{
    if (index < 0 || index >= m_rows.size())
        return {};
    const Row& r = m_rows.at(index);
    const QString sla = !r.sla ? tr("no SLA") : *r.sla == 1 ? tr("SLA 1 day") : tr("SLA %1 days").arg(*r.sla);
    if (r.fixes == 0)
        return tr("%1: nothing fixed yet (%2)").arg(severityName(r.severity), sla);
    return tr("%1: median %2 days, slowest %3 days over %4 fixes (%5)")
        .arg(severityName(r.severity))
        .arg(r.median, 0, 'f', 1)
        .arg(r.slowest, 0, 'f', 1)
        .arg(r.fixes)
        .arg(sla);
}

void SecurityFixTimeChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    const auto oldAxes = c->axes();
    for (QAbstractAxis* axis : oldAxes) {
        c->removeAxis(axis);
        delete axis;
    }
    const bool anyFix = std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.fixes > 0; });
    setEmptyText(anyFix ? QString() : tr("No finding has been fixed yet."));
    if (m_rows.isEmpty())
        return;
    // Horizontal bars with their values written at the ends: a 15-hour fix stays readable beside a 90-day SLA.
    auto* series = new QHorizontalBarSeries;
    auto* medianSet = new QBarSet(tr("Median"));
    auto* slowestSet = new QBarSet(tr("Slowest"));
    auto* slaSet = new QBarSet(tr("SLA"));
    const QColor accent = ChartTheme::seriesColor(0, palette());
    medianSet->setColor(accent);
    QColor light = accent;
    light.setAlphaF(0.45f);
    slowestSet->setColor(light);
    QColor slaColor = palette().color(QPalette::WindowText);
    slaColor.setAlphaF(0.22f);
    slaSet->setColor(slaColor);
    for (QBarSet* set : {medianSet, slowestSet, slaSet}) {
        set->setBorderColor(Qt::transparent);
        set->setLabelColor(palette().color(QPalette::WindowText));
        QFont font = set->labelFont();
        font.setPointSizeF(7.5);
        set->setLabelFont(font);
    }
    double maxValue = 1;
    QStringList labels;
    // Bars are laid out bottom-up: the worst severity ends on top.
    for (auto r = m_rows.crbegin(); r != m_rows.crend(); ++r) {
        *medianSet << r->median;
        *slowestSet << r->slowest;
        *slaSet << (r->sla ? *r->sla : 0);
        maxValue = std::max({maxValue, r->slowest, double(r->sla.value_or(0))});
        labels << severityName(r->severity);
    }
    series->append(slaSet);
    series->append(slowestSet);
    series->append(medianSet);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(2);
    series->setBarWidth(0.8);
    c->addSeries(series);
    auto* yAxis = new QBarCategoryAxis;
    yAxis->append(labels);
    auto* xAxis = new QValueAxis;
    xAxis->setLabelFormat(QStringLiteral("%.0f"));
    xAxis->setTitleText(tr("days"));
    xAxis->setRange(0, maxValue * 1.15);
    xAxis->applyNiceNumbers();
    c->addAxis(yAxis, Qt::AlignLeft);
    c->addAxis(xAxis, Qt::AlignBottom);
    series->attachAxis(yAxis);
    series->attachAxis(xAxis);
    connect(series, &QHorizontalBarSeries::hovered, this, [this](bool status, int index, QBarSet*) {
        showTip(status ? severityText(int(m_rows.size()) - 1 - index) : QString());
    });
    ChartTheme::apply(c, palette());
}

} // namespace gatehouse::ui
