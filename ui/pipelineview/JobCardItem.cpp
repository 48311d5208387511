// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobCardItem.h"

#include "PipelineGraphView.h"
#include "Theme.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace gatehouse {

using pipeline::JobRole;

QColor roleColor(JobRole role)
{
    switch (role) {
    case JobRole::Security:
        return QColor(0x6a, 0x1b, 0x9a);
    case JobRole::Test:
        return QColor(0x2e, 0x7d, 0x32);
    case JobRole::Deploy:
        return QColor(0xe6, 0x51, 0x00);
    case JobRole::Build:
        return QColor(0x15, 0x65, 0xc0);
    case JobRole::Other:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

namespace {

// A small pictogram per role, drawn with paths so it does not depend on emoji fonts.
void paintRoleIcon(QPainter* painter, JobRole role, const QRectF& box)
{
    const QColor color = roleColor(role);
    painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF r = box.adjusted(2, 2, -2, -2);
    QPainterPath path;
    switch (role) {
    case JobRole::Security: // shield
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.top() + r.height() * 0.2);
        path.cubicTo(r.right(), r.top() + r.height() * 0.65, r.center().x() + r.width() * 0.2, r.bottom() - 1,
                     r.center().x(), r.bottom());
        path.cubicTo(r.center().x() - r.width() * 0.2, r.bottom() - 1, r.left(), r.top() + r.height() * 0.65, r.left(),
                     r.top() + r.height() * 0.2);
        path.closeSubpath();
        painter->setBrush(color.lighter(180));
        break;
    case JobRole::Test: // check mark
        path.moveTo(r.left(), r.center().y());
        path.lineTo(r.left() + r.width() * 0.38, r.bottom() - 1);
        path.lineTo(r.right(), r.top() + 1);
        break;
    case JobRole::Deploy: // up arrow out of a tray
        path.moveTo(r.center().x(), r.bottom() - r.height() * 0.3);
        path.lineTo(r.center().x(), r.top());
        path.moveTo(r.left() + r.width() * 0.2, r.top() + r.height() * 0.3);
        path.lineTo(r.center().x(), r.top());
        path.lineTo(r.right() - r.width() * 0.2, r.top() + r.height() * 0.3);
        path.moveTo(r.left(), r.bottom() - r.height() * 0.25);
        path.lineTo(r.left(), r.bottom());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.right(), r.bottom() - r.height() * 0.25);
        break;
    case JobRole::Build: // box
        path.addRoundedRect(r.adjusted(1, 2, -1, -1), 2, 2);
        path.moveTo(r.left() + 1, r.top() + r.height() * 0.45);
        path.lineTo(r.right() - 1, r.top() + r.height() * 0.45);
        break;
    case JobRole::Other:
        path.addEllipse(r.center(), r.width() * 0.22, r.width() * 0.22);
        painter->setBrush(color);
        break;
    }
    painter->drawPath(path);
}

// A rounded pill with text; returns its width.
qreal paintBadge(QPainter* painter, const QPointF& at, const QString& text, const QColor& color)
{
    const QFontMetricsF fm(painter->font());
    const qreal width = fm.horizontalAdvance(text) + 10;
    const QRectF box(at.x(), at.y(), width, fm.height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color.lighter(185));
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setPen(color.darker(130));
    painter->drawText(box, Qt::AlignCenter, text);
    return width;
}

} // namespace

JobCardItem::JobCardItem(PipelineGraphView* view, int card, const pipeline::GraphCard& data)
    : m_view(view)
    , m_card(card)
    , m_data(data)
{
    setPos(data.rect.topLeft());
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setCacheMode(QGraphicsItem::DeviceCoordinateCache);
    setZValue(2);
    QStringList tip{m_data.name};
    if (!m_data.stage.isEmpty())
        tip << QObject::tr("stage: %1").arg(m_data.stage);
    if (!m_data.workflow.isEmpty())
        tip << QObject::tr("workflow: %1").arg(m_data.workflow);
    if (!m_data.environment.isEmpty())
        tip << QObject::tr("environment: %1").arg(m_data.environment);
    if (!m_data.when.isEmpty())
        tip << QObject::tr("when: %1").arg(m_data.when);
    if (m_data.allowFailure)
        tip << QObject::tr("allowed to fail");
    tip << QObject::tr("line %1 — click to edit").arg(m_data.line);
    setToolTip(tip.join(u'\n'));
}

void JobCardItem::setSelectedCard(bool selected)
{
    if (selected != m_selected) {
        m_selected = selected;
        update();
    }
}

void JobCardItem::setHighlighted(bool highlighted)
{
    if (highlighted != m_highlighted) {
        m_highlighted = highlighted;
        update();
    }
}

QRectF JobCardItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_data.rect.size()).adjusted(-3, -3, 3, 3);
}

void JobCardItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*)
{
    const QRectF r(QPointF(0, 0), m_data.rect.size());
    const QColor accent = roleColor(m_data.role);
    // Zoomed out, text would be a smudge: a tile in the role's colour keeps the shape of the pipeline readable and
    // paints hundreds of jobs cheaply.
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < 0.45) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(m_selected || m_highlighted ? QPen(m_selected ? QColor(0x19, 0x76, 0xd2) : accent, 0)
                                                    : Qt::NoPen);
        painter->setBrush(m_selected ? QColor(0xbb, 0xde, 0xfb) : accent.lighter(m_highlighted ? 140 : 175));
        painter->drawRect(r);
        painter->fillRect(QRectF(r.left(), r.top(), 8, r.height()), accent);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(m_selected ? QColor(0x19, 0x76, 0xd2) : (m_highlighted ? accent : ui::themeColor("strongBorder")),
                m_selected ? 2.5 : (m_highlighted ? 2 : 1));
    painter->setPen(border);
    const bool dark = ui::isDarkTheme();
    painter->setBrush(m_selected ? (dark ? QColor(0x1c, 0x2a, 0x40) : QColor(0xe3, 0xf2, 0xfd))
                                 : ui::themeColor("tile"));
    painter->drawRoundedRect(r, 6, 6);
    // Role strip on the left edge.
    QPainterPath strip;
    strip.addRoundedRect(QRectF(r.left() + 1, r.top() + 1, 5, r.height() - 2), 2.5, 2.5);
    painter->fillPath(strip, accent);

    paintRoleIcon(painter, m_data.role, QRectF(r.left() + 11, r.top() + 7, 16, 16));

    QFont nameFont = painter->font();
    nameFont.setBold(true);
    painter->setFont(nameFont);
    painter->setPen(ui::themeColor("text"));
    const QRectF nameBox(r.left() + 32, r.top() + 5, r.width() - 38, 20);
    painter->drawText(nameBox, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(m_data.label.isEmpty() ? m_data.name : m_data.label,
                                                         Qt::ElideMiddle, nameBox.width()));

    QFont small = painter->font();
    small.setBold(false);
    small.setPointSizeF(qMax(6.5, small.pointSizeF() - 1.5));
    painter->setFont(small);
    QPointF at(r.left() + 12, r.bottom() - QFontMetricsF(small).height() - 7);
    if (m_data.when == u"manual")
        at.rx() += paintBadge(painter, at, QObject::tr("▶ manual"), QColor(0x15, 0x65, 0xc0)) + 4;
    else if (m_data.when == u"delayed")
        at.rx() += paintBadge(painter, at, QObject::tr("⏱ delayed"), QColor(0x15, 0x65, 0xc0)) + 4;
    else if (!m_data.when.isEmpty() && m_data.when != u"on_success")
        at.rx() += paintBadge(painter, at, m_data.when, QColor(0x61, 0x61, 0x61)) + 4;
    if (m_data.allowFailure)
        at.rx() += paintBadge(painter, at, QObject::tr("may fail"), QColor(0xe6, 0x9b, 0x00)) + 4;
    if (!m_data.environment.isEmpty()) {
        painter->setPen(dark ? QColor(0xd7, 0xb8, 0xae) : QColor(0x5d, 0x40, 0x37));
        const QRectF envBox(at.x() + 2, at.y(), r.right() - at.x() - 8, QFontMetricsF(small).height() + 2);
        painter->drawText(envBox, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(small).elidedText(u"→ " % m_data.environment, Qt::ElideRight, envBox.width()));
    }
}

void JobCardItem::hoverEnterEvent(QGraphicsSceneHoverEvent*)
{
    m_view->highlightChain(m_card);
}

void JobCardItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*)
{
    m_view->highlightChain(-1);
}

void JobCardItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        m_view->activateCard(m_card);
    event->accept();
}

} // namespace gatehouse
