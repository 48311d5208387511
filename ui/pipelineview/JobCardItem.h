// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/workspace/PipelineGraphLayout.h"

#include <QGraphicsItem>

namespace gatehouse {

class PipelineGraphView;

/// One job on the pipeline graph: name, role icon, environment and manual/delayed/allow-failure badges.
/// Hover and click are forwarded to the view, which owns the highlighting state.
class JobCardItem : public QGraphicsItem
{
public:
    JobCardItem(PipelineGraphView* view, int card, const pipeline::GraphCard& data);

    int card() const { return m_card; }
    void setSelectedCard(bool selected);
    void setHighlighted(bool highlighted);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    PipelineGraphView* m_view;
    int m_card;
    pipeline::GraphCard m_data;
    bool m_selected = false;
    bool m_highlighted = false;
};

QColor roleColor(pipeline::JobRole role);

} // namespace gatehouse
