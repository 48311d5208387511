// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartView.h"

#include "ChartTheme.h"

#include <QCursor>
#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace gatehouse::ui {

ChartView::ChartView(QWidget* parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 220);
    setFrameShape(QFrame::NoFrame);
    // The chart is transparent: it sits on the card (Base), not on the window's background.
    setBackgroundRole(QPalette::Base);
    viewport()->setBackgroundRole(QPalette::Base);
    ChartTheme::apply(chart(), palette());
}

void ChartView::setEmptyText(const QString& text)
{
    if (m_emptyText == text)
        return;
    m_emptyText = text;
    viewport()->update();
    scene()->update();
}

void ChartView::setRangeZoomEnabled(bool enabled)
{
    m_rangeZoom = enabled;
    setRubberBand(enabled ? QChartView::HorizontalRubberBand : QChartView::NoRubberBand);
}

void ChartView::showTip(const QString& text)
{
    m_lastTip = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

void ChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    // Queued: palette changes also arrive while a subclass is still being constructed, and several at once.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        && !m_rethemePending) {
        m_rethemePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_rethemePending = false;
                ChartTheme::apply(chart(), palette());
                rebuild();
            },
            Qt::QueuedConnection);
    }
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_rangeZoom && event->button() == Qt::LeftButton) {
        chart()->zoomReset();
        Q_EMIT zoomReset();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent* event)
{
    // QChartView zooms out one step on a right click; a full reset is what people expect from a range zoom.
    if (m_rangeZoom && event->button() == Qt::RightButton) {
        chart()->zoomReset();
        Q_EMIT zoomReset();
        event->accept();
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void ChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    if (m_emptyText.isEmpty())
        return;
    painter->save();
    painter->setPen(ChartTheme::mutedTextColor(palette()));
    painter->drawText(chart()->plotArea().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

} // namespace gatehouse::ui
