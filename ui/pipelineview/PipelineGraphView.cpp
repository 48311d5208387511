// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineGraphView.h"

#include "JobCardItem.h"
#include "Theme.h"

#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSet>
#include <QSvgGenerator>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace gatehouse {

using pipeline::GraphCard;
using pipeline::GraphLayout;

namespace {
const QColor EdgeColor(0xa0, 0xa8, 0xb0);
const QColor EdgeHighlight(0x19, 0x76, 0xd2);
constexpr qreal MinZoom = 0.08;
constexpr qreal MaxZoom = 4.0;
} // namespace

PipelineGraphView::PipelineGraphView(QWidget* parent)
    : QGraphicsView(parent)
    , m_banner(new QLabel(viewport()))
    , m_hint(new QLabel(viewport()))
{
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontAdjustForAntialiasing | QGraphicsView::DontSavePainterState);
    setBackgroundBrush(ui::isDarkTheme() ? QColor(0x1e, 0x24, 0x2c) : QColor(0xf6, 0xf7, 0xf9));
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4e5; color: #663c00; border: 1px solid #ffb74d;"
                                           " border-radius: 4px; padding: 6px 8px; }"));
    m_banner->hide();
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 255, 255, 210); color: #37474f;"
                                         " border-radius: 3px; padding: 2px 6px; }"));
    m_hint->hide();
}

PipelineGraphView::~PipelineGraphView() = default;

bool PipelineGraphView::sameDrawing(const GraphLayout& a, const GraphLayout& b)
{
    if (a.cards.size() != b.cards.size() || a.columns.size() != b.columns.size() || a.edges.size() != b.edges.size())
        return false;
    for (qsizetype i = 0; i < a.cards.size(); ++i) {
        const GraphCard& x = a.cards.at(i);
        const GraphCard& y = b.cards.at(i);
        if (x.name != y.name || x.rect != y.rect || x.when != y.when || x.allowFailure != y.allowFailure
            || x.environment != y.environment || x.role != y.role || x.stage != y.stage || x.workflow != y.workflow
            || x.label != y.label)
            return false;
    }
    for (qsizetype i = 0; i < a.columns.size(); ++i) {
        if (a.columns.at(i).title != b.columns.at(i).title || a.columns.at(i).rect != b.columns.at(i).rect)
            return false;
    }
    for (qsizetype i = 0; i < a.edges.size(); ++i) {
        if (a.edges.at(i).from != b.edges.at(i).from || a.edges.at(i).to != b.edges.at(i).to)
            return false;
    }
    return true;
}

void PipelineGraphView::setGraph(const GraphLayout& layout)
{
    const bool same = sameDrawing(layout, m_layout) && !m_cards.isEmpty() == !layout.cards.isEmpty();
    // Lines and files change with every edit above a job; the drawing rarely does.
    m_layout = layout;
    if (!same) {
        rebuildScene();
    }
    setStale(false);
}

void PipelineGraphView::rebuildScene()
{
    QGraphicsScene* s = scene();
    s->clear();
    m_cards.clear();
    m_edges.clear();
    m_decorations.clear();
    m_titles.clear();
    m_highlighted.clear();
    if (m_selected >= m_layout.cards.size())
        m_selected = -1;

    QFont headerFont = font();
    headerFont.setBold(true);
    for (const pipeline::GraphColumn& column : std::as_const(m_layout.columns)) {
        auto* band = s->addRect(column.rect.adjusted(-8, -4, 8, 4), Qt::NoPen,
                                ui::isDarkTheme() ? QColor(0x27, 0x2e, 0x38) : QColor(0xec, 0xee, 0xf1));
        band->setZValue(0);
        auto* title = s->addSimpleText(column.title % u"  ·  " % QString::number(column.cards.size()), headerFont);
        title->setBrush(ui::themeColor("subtle"));
        title->setPos(column.rect.left(), column.rect.top() + 6);
        title->setZValue(1);
        title->setData(0, title->text());
        title->setData(1, column.title);
        title->setData(2, QString(u"  ·  " % QString::number(column.cards.size())));
        // Legible at any zoom; elided to the column's on-screen width in updateTitles().
        title->setFlag(QGraphicsItem::ItemIgnoresTransformations);
        m_decorations << band << title;
        m_titles << title;
    }
    for (const pipeline::GraphEdge& edge : std::as_const(m_layout.edges)) {
        const QRectF from = m_layout.cards.at(edge.from).rect;
        const QRectF to = m_layout.cards.at(edge.to).rect;
        QPainterPath path;
        QPointF start(from.right(), from.center().y());
        QPointF end(to.left(), to.center().y());
        if (end.x() <= start.x()) {
            // Same column (or a backwards need): loop around the left side.
            start = QPointF(from.left(), from.center().y());
            const qreal bend = 30 + qAbs(end.y() - start.y()) * 0.1;
            path.moveTo(start);
            path.cubicTo(start - QPointF(bend, 0), end - QPointF(bend, 0), end);
        } else {
            const qreal dx = qMax<qreal>(30, (end.x() - start.x()) * 0.5);
            path.moveTo(start);
            path.cubicTo(start + QPointF(dx, 0), end - QPointF(dx, 0), end);
        }
        // Arrowhead at the job that waits. Both curves end on a control point straight left of the end, so the
        // tangent there is horizontal (pointAtPercent() would measure the curve's length: most of a rebuild's time).
        for (const qreal side : {-0.45, 0.45}) {
            path.moveTo(end);
            path.lineTo(end - QPointF(std::cos(side), std::sin(side)) * 7);
        }
        auto* item = s->addPath(path, QPen(EdgeColor, 1.4));
        item->setZValue(1.5);
        m_edges.append(item);
    }
    for (int i = 0; i < m_layout.cards.size(); ++i) {
        auto* card = new JobCardItem(this, i, m_layout.cards.at(i));
        s->addItem(card);
        card->setSelectedCard(i == m_selected);
        m_cards.append(card);
    }
    s->setSceneRect(QRectF(QPointF(0, 0), m_layout.size));
    applyOpacity();
    updateTitles();
    placeBanner();
    if (m_fitPending && !m_layout.cards.isEmpty()) {
        m_fitPending = false;
        fitToView();
    }
}

void PipelineGraphView::setStale(bool stale, const QString& reason)
{
    m_stale = stale;
    m_staleReason = reason;
    if (stale) {
        m_banner->setText(tr("The text does not parse; showing the last good graph.\n%1").arg(reason));
    } else if (m_layout.cards.isEmpty()) {
        m_banner->setText(tr("No jobs to show yet."));
    }
    m_banner->setVisible(stale || m_layout.cards.isEmpty());
    placeBanner();
    applyOpacity();
}

QString PipelineGraphView::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void PipelineGraphView::applyOpacity()
{
    const qreal base = m_stale ? 0.35 : 1.0;
    for (QGraphicsItem* item : std::as_const(m_decorations))
        item->setOpacity(base);
    const bool chain = !m_highlighted.isEmpty();
    const QSet<int> highlighted(m_highlighted.cbegin(), m_highlighted.cend());
    for (JobCardItem* card : std::as_const(m_cards)) {
        const bool on = highlighted.contains(card->card());
        card->setHighlighted(chain && on);
        card->setOpacity(base * (chain && !on ? 0.3 : 1.0));
    }
    // Sparse mode: the edges of the hovered chain, else those of the selected job's chain.
    const bool all = showsAllEdges();
    QSet<int> shown;
    if (!all) {
        const QList<int> selected = m_selected >= 0 && !chain ? m_layout.needsChain(m_selected) : QList<int>();
        shown = chain ? highlighted : QSet<int>(selected.cbegin(), selected.cend());
    }
    for (int i = 0; i < m_edges.size(); ++i) {
        const pipeline::GraphEdge& edge = m_layout.edges.at(i);
        const bool on = chain && highlighted.contains(edge.from) && highlighted.contains(edge.to);
        const bool visible = all || (shown.contains(edge.from) && shown.contains(edge.to));
        m_edges[i]->setVisible(visible);
        if (!visible)
            continue;
        m_edges[i]->setPen(QPen(on ? EdgeHighlight : EdgeColor, on ? 2.4 : 1.4));
        m_edges[i]->setZValue(on ? 1.8 : 1.5);
        m_edges[i]->setOpacity(base * (chain && !on ? 0.25 : 1.0));
    }
    if (all) {
        m_hint->hide();
    } else {
        m_hint->setText(tr("%n needs edge(s); hover or select a job to see its chain", nullptr, int(m_edges.size())));
        m_hint->adjustSize();
        m_hint->show();
    }
}

int PipelineGraphView::visibleEdgeCount() const
{
    return int(
        std::count_if(m_edges.cbegin(), m_edges.cend(), [](const QGraphicsPathItem* e) { return e->isVisible(); }));
}

void PipelineGraphView::setTitlesForExport(bool exporting)
{
    // An export is the whole graph at its own scale: full titles that scale with it.
    for (QGraphicsSimpleTextItem* title : std::as_const(m_titles)) {
        title->setFlag(QGraphicsItem::ItemIgnoresTransformations, !exporting);
        if (exporting)
            title->setText(title->data(0).toString());
    }
    if (!exporting)
        updateTitles();
}

void PipelineGraphView::updateTitles()
{
    const qreal z = zoom();
    for (int i = 0; i < m_titles.size() && i < m_layout.columns.size(); ++i) {
        QGraphicsSimpleTextItem* title = m_titles.at(i);
        const QFontMetricsF metrics(title->font());
        const qreal room = qMax<qreal>(12, m_layout.columns.at(i).rect.width() * z);
        const QString full = title->data(0).toString();
        const QString count = title->data(2).toString();
        // Shorten the stage name first: the job count is what a zoomed-out overview is read for.
        if (metrics.horizontalAdvance(full) <= room)
            title->setText(full);
        else if (metrics.horizontalAdvance(count) + 3 * metrics.averageCharWidth() < room)
            title->setText(
                metrics.elidedText(title->data(1).toString(), Qt::ElideRight, room - metrics.horizontalAdvance(count))
                + count);
        else
            title->setText(metrics.elidedText(full, Qt::ElideRight, room));
    }
}

void PipelineGraphView::selectCard(int card)
{
    if (card >= m_cards.size())
        card = -1;
    if (card == m_selected)
        return;
    if (m_selected >= 0 && m_selected < m_cards.size())
        m_cards[m_selected]->setSelectedCard(false);
    m_selected = card;
    if (card >= 0) {
        m_cards[card]->setSelectedCard(true);
        ensureVisible(m_cards[card], 40, 40);
    }
    if (!showsAllEdges())
        applyOpacity();
}

void PipelineGraphView::highlightChain(int card)
{
    m_highlighted = m_layout.needsChain(card);
    // A lone card has no chain worth dimming the rest for.
    if (m_highlighted.size() <= 1)
        m_highlighted.clear();
    applyOpacity();
}

void PipelineGraphView::activateCard(int card)
{
    if (card < 0 || card >= m_layout.cards.size())
        return;
    selectCard(card);
    const GraphCard& c = m_layout.cards.at(card);
    Q_EMIT jobActivated(c.file, c.line, c.name);
}

qreal PipelineGraphView::zoom() const
{
    return transform().m11();
}

void PipelineGraphView::zoomBy(qreal factor)
{
    m_autoFit = false;
    applyZoom(factor);
}

void PipelineGraphView::applyZoom(qreal factor)
{
    const qreal target = std::clamp(zoom() * factor, MinZoom, MaxZoom);
    const qreal applied = target / zoom();
    scale(applied, applied);
    updateTitles();
}

void PipelineGraphView::fitToView(FitMode mode)
{
    if (m_layout.cards.isEmpty())
        return;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    updateTitles();
    // Never blow a small pipeline up; a big one keeps legible cards and the user scrolls.
    const qreal z = zoom();
    const qreal floor = mode == FitReadable ? 0.7 : MinZoom;
    if (z > 1.0)
        resetZoom();
    else if (z < floor)
        applyZoom(floor / z);
    if (mode == FitAll)
        m_autoFit = false;
    if (mode == FitReadable)
        centerOn(sceneRect().left() + viewport()->width() / (2 * zoom()),
                 sceneRect().top() + viewport()->height() / (2 * zoom()));
}

void PipelineGraphView::resetZoom()
{
    setTransform(QTransform());
    updateTitles();
}

void PipelineGraphView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const qreal steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PipelineGraphView::keyPressEvent(QKeyEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(1.2);
            return;
        case Qt::Key_Minus:
            zoomBy(1 / 1.2);
            return;
        case Qt::Key_0:
            fitToView();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineGraphView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    placeBanner();
    if (m_autoFit && !m_layout.cards.isEmpty())
        fitToView();
}

void PipelineGraphView::placeBanner()
{
    const int width = qMax(120, viewport()->width() - 16);
    m_banner->setFixedWidth(width);
    m_banner->adjustSize();
    m_banner->move(8, 8);
    m_hint->move(8, qMax(8, viewport()->height() - m_hint->height() - 8));
}

bool PipelineGraphView::exportPng(const QString& path) const
{
    const QRectF source = sceneRect();
    if (source.isEmpty())
        return false;
    const qreal scaleFactor = 2.0; // crisp on high-density screens and in documents
    QImage image((source.size() * scaleFactor).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const_cast<PipelineGraphView*>(this)->setTitlesForExport(true);
    scene()->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    const_cast<PipelineGraphView*>(this)->setTitlesForExport(false);
    painter.end();
    return image.save(path, "PNG");
}

bool PipelineGraphView::exportSvg(const QString& path) const
{
    const QRectF source = sceneRect();
    if (source.isEmpty())
        return false;
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(tr("Pipeline graph"));
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    // Cached cards would be embedded as bitmaps; vectors scale.
    for (JobCardItem* card : m_cards)
        card->setCacheMode(QGraphicsItem::NoCache);
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), backgroundBrush());
    const_cast<PipelineGraphView*>(this)->setTitlesForExport(true);
    scene()->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    const_cast<PipelineGraphView*>(this)->setTitlesForExport(false);
    for (JobCardItem* card : m_cards)
        card->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    return painter.end();
}

} // namespace gatehouse
