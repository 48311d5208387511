// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityTrendChart.h"

#include "ChartTheme.h"

#include <QtCharts/QAreaSeries>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace gatehouse::ui {

namespace {
// Bottom to top: the worst sits on the axis where it is easiest to read.
const Severity kStack[] = {Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info};
} // namespace

SecurityTrendChart::SecurityTrendChart(QWidget* parent)
    : ChartView(parent)
{
    setObjectName(QStringLiteral("securityTrendChart"));
    chart()->setTitle(tr("Open findings by severity"));
    setRangeZoomEnabled(true);
    rebuild();
}

SecurityTrendChart::~SecurityTrendChart()
{
    chart()->removeAllSeries();
    qDeleteAll(m_lines);
}

void SecurityTrendChart::setPosture(const Posture& posture)
{
    m_scans = posture.scans;
    m_now = posture.now;
    rebuild();
}

void SecurityTrendChart::setRange(const QDateTime& from, const QDateTime& to)
{
    m_from = from;
    m_to = to;
    rebuild();
}

QDateTime SecurityTrendChart::rangeStart() const
{
    const auto axes = chart()->axes(Qt::Horizontal);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis*>(axes.constFirst());
    return axis ? axis->min().toUTC() : QDateTime();
}

QDateTime SecurityTrendChart::rangeEnd() const
{
    const auto axes = chart()->axes(Qt::Horizontal);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis*>(axes.constFirst());
    return axis ? axis->max().toUTC() : QDateTime();
}

int SecurityTrendChart::scanIndexAt(const QDateTime& time) const
{
    const auto it = std::upper_bound(m_scans.cbegin(), m_scans.cend(), time,
                                     [](const QDateTime& t, const ScanSummary& s) { return t < s.time; });
    return int(it - m_scans.cbegin()) - 1;
}

QString SecurityTrendChart::scanText(int i) const
{
    if (i < 0 || i >= m_scans.size())
        return {};
    const ScanSummary& s = m_scans.at(i);
    QStringList counts;
    for (Severity severity : allSeverities())
        counts << tr("%1 %2").arg(s.open.value(severity, 0)).arg(severityName(severity));
    QStringList tools;
    for (const ScanSummary::Report& r : s.reports) {
        if (!tools.contains(r.tool))
            tools << r.tool;
    }
    return tr("Scan %1, %2\nOpen: %3\n%4 new, %5 fixed (%6)\nClick to open the scan")
        .arg(s.commit.shortString(), s.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
             counts.join(QStringLiteral(", ")))
        .arg(s.newFindings)
        .arg(s.fixedFindings)
        .arg(tools.join(QStringLiteral(", ")));
}

int SecurityTrendChart::seriesCount() const
{
    return int(chart()->series().size());
}

void SecurityTrendChart::activateAt(const QDateTime& time)
{
    const int i = scanIndexAt(time);
    if (i >= 0)
        Q_EMIT scanActivated(m_scans.at(i).commit.toString());
}

void SecurityTrendChart::hover(const QPointF& point, bool state)
{
    if (!state) {
        showTip({});
        return;
    }
    showTip(scanText(scanIndexAt(QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC))));
}

void SecurityTrendChart::rebuild()
{
    QChart* c = chart();
    c->removeAllSeries();
    // QAreaSeries does not own its boundary lines.
    qDeleteAll(m_lines);
    m_lines.clear();
    const auto oldAxes = c->axes();
    for (QAbstractAxis* axis : oldAxes) {
        c->removeAxis(axis);
        delete axis;
    }
    setEmptyText(m_scans.isEmpty() ? tr("No scans yet: the trend starts with the first archived scan.") : QString());
    if (m_scans.isEmpty())
        return;

    const QDateTime end = std::max(m_now.isValid() ? m_now : m_scans.constLast().time, m_scans.constLast().time);
    QList<QLineSeries*>& lines = m_lines;
    int maxTotal = 0;
    for (qsizetype k = 0; k < qsizetype(std::size(kStack)); ++k)
        lines << new QLineSeries;
    // Steps: a scan's counts hold until the next scan.
    for (qsizetype i = 0; i < m_scans.size(); ++i) {
        const ScanSummary& s = m_scans.at(i);
        const qint64 x = s.time.toMSecsSinceEpoch();
        const qint64 nextX
            = i + 1 < m_scans.size() ? m_scans.at(i + 1).time.toMSecsSinceEpoch() : end.toMSecsSinceEpoch();
        int total = 0;
        for (qsizetype k = 0; k < lines.size(); ++k) {
            total += s.open.value(kStack[k], 0);
            lines[k]->append(double(x), total);
            lines[k]->append(double(std::max(x, nextX - 1)), total);
        }
        maxTotal = std::max(maxTotal, total);
    }

    auto* xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("d MMM"));
    xAxis->setTickCount(6);
    auto* yAxis = new QValueAxis;
    yAxis->setLabelFormat(QStringLiteral("%d"));
    yAxis->setRange(0, std::max(4, maxTotal + maxTotal / 8 + 1));
    yAxis->applyNiceNumbers();
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);

    QLineSeries* lower = nullptr;
    for (qsizetype k = 0; k < lines.size(); ++k) {
        auto* area = new QAreaSeries(lines[k], lower);
        const QColor color = ChartTheme::severityColor(kStack[k], palette());
        area->setName(severityName(kStack[k]));
        QColor fill = color;
        fill.setAlphaF(0.78f);
        area->setBrush(fill);
        area->setPen(QPen(color.darker(115), 1.2));
        c->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
        connect(area, &QAreaSeries::hovered, this, &SecurityTrendChart::hover);
        connect(area, &QAreaSeries::clicked, this, [this](const QPointF& point) {
            activateAt(QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC));
        });
        lower = lines[k];
    }
    const QDateTime first = m_scans.constFirst().time;
    QDateTime from = m_from.isValid() ? std::max(m_from, first) : first;
    QDateTime to = m_to.isValid() ? std::min(m_to, end) : end;
    if (from >= to)
        from = to.addDays(-7);
    xAxis->setRange(from.toLocalTime(), to.toLocalTime());
    ChartTheme::apply(c, palette());
}

} // namespace gatehouse::ui
