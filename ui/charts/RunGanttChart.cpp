// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunGanttChart.h"

#include "RunChartStyle.h"
#include "runs/RunTableModel.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace gatehouse::ui {

namespace {
constexpr int kRowHeight = 22;
constexpr int kTop = 28;
constexpr int kAxis = 24;
} // namespace

RunGanttChart::RunGanttChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("runGanttChart"));
    setMinimumHeight(160);
}

void RunGanttChart::clear()
{
    m_bars.clear();
    m_span = 0;
    m_caption.clear();
    updateGeometry();
    update();
}

void RunGanttChart::setRun(const runs::Run& run, const runs::CriticalPath& path)
{
    m_bars.clear();
    const QDateTime origin = run.started.isValid() ? run.started : run.created;
    m_span = 0;
    for (const runs::Job& job : run.jobs) {
        if (!job.started.isValid() || job.durationSeconds < 0)
            continue;
        Bar bar;
        bar.start = qMax(0.0, runs::secondsBetween(origin, job.started));
        bar.seconds = job.durationSeconds;
        bar.failed = job.status == runs::RunStatus::Failed;
        bar.retried = job.retried;
        bar.critical = !job.retried && path.runKey == run.key() && path.jobs.contains(job.name);
        bar.label = job.retried ? tr("%1 (retried)").arg(job.name) : job.name;
        m_span = qMax(m_span, bar.start + bar.seconds);
        m_bars.append(bar);
    }
    std::stable_sort(m_bars.begin(), m_bars.end(), [](const Bar& a, const Bar& b) { return a.start < b.start; });
    m_caption = m_bars.isEmpty()
        ? tr("This run has no timed jobs.")
        : tr("%1 on %2 · %3 · critical path %4")
              .arg(run.pipelineName(), run.branch, runs::RunTableModel::durationText(run.durationSeconds),
                   path.runKey == run.key() ? runs::RunTableModel::durationText(path.pathSeconds) : tr("not computed"));
    updateGeometry();
    update();
}

QSize RunGanttChart::sizeHint() const
{
    return {600, kTop + kAxis + int(qMax<qsizetype>(m_bars.size(), 4)) * kRowHeight + 8};
}

void RunGanttChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.setPen(pal.color(QPalette::Text));
    if (m_bars.isEmpty()) {
        p.drawText(rect(), Qt::AlignCenter,
                   m_caption.isEmpty() ? tr("Select a run to see its jobs on a timeline.") : m_caption);
        return;
    }
    p.drawText(QRect(8, 4, width() - 16, kTop - 8), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    const QFontMetrics metrics(font());
    int labelWidth = 0;
    for (const Bar& bar : std::as_const(m_bars))
        labelWidth = qMax(labelWidth, metrics.horizontalAdvance(bar.label));
    labelWidth = qMin(labelWidth + 16, width() / 3);
    const QRectF plot(labelWidth, kTop, qMax(40, width() - labelWidth - 16), m_bars.size() * kRowHeight);
    const double scale = plot.width() / qMax(1.0, m_span);

    // Minute ticks (or 5/10-minute ones for long runs) under the bars.
    const double step = m_span > 3600 ? 600 : m_span > 1200 ? 300 : 60;
    p.setPen(pal.color(QPalette::Mid));
    for (double t = 0; t <= m_span + 1; t += step) {
        const double x = plot.left() + t * scale;
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 4));
        p.drawText(QRectF(x - 30, plot.bottom() + 4, 60, kAxis - 4), Qt::AlignCenter,
                   tr("%1 min").arg(std::lround(t / 60)));
    }
    const QColor critical = chartAccent(pal, 0);
    const QColor normal = chartAccent(pal, 2);
    const QColor failed = chartAccent(pal, 3);
    for (qsizetype i = 0; i < m_bars.size(); ++i) {
        const Bar& bar = m_bars.at(i);
        const double y = plot.top() + double(i) * kRowHeight;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(4, y, labelWidth - 8, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                   metrics.elidedText(bar.label, Qt::ElideMiddle, labelWidth - 8));
        QColor fill = bar.failed ? failed : bar.critical ? critical : normal;
        if (bar.retried)
            fill.setAlphaF(0.35f);
        const QRectF box(plot.left() + bar.start * scale, y + 4, qMax(2.0, bar.seconds * scale), kRowHeight - 8);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawRoundedRect(box, 3, 3);
    }
}

} // namespace gatehouse::ui
